//! Labelled form fields that show their problem next to them (`aria-invalid`, `aria-describedby`).
//! A field is addressed by its form path (`texts.de.title`), which gives its input name
//! (`form[texts][de][title]`) and its id.

use super::labels::field_error;
use crate::domain::schedule::validate::FieldIssue;
use crate::i18n::*;
use leptos::prelude::*;
use std::sync::Arc;

/// The problems of a posted form, shared by its fields.
#[derive(Clone, Debug, Default)]
pub struct Issues(pub Arc<Vec<FieldIssue>>);

impl Issues {
    fn reason(&self, path: &str) -> Option<String> {
        self.0.iter().find(|i| i.field == path).map(|i| i.reason.clone())
    }
}

/// `texts.de.title` → `form[texts][de][title]`.
pub fn name_of(path: &str) -> String {
    let mut parts = path.split('.');
    let first = parts.next().unwrap_or_default();
    parts.fold(format!("form[{first}]"), |acc, p| format!("{acc}[{p}]"))
}

/// `texts.de.title` → `f-texts-de-title`.
pub fn id_of(path: &str) -> String {
    format!("f-{}", path.replace('.', "-"))
}

/// The error line of a field, if it has a problem.
fn error_line(issues: &Issues, path: &str) -> (Option<String>, Option<AnyView>) {
    let i18n = use_i18n();
    match issues.reason(path) {
        Some(reason) => {
            let id = format!("{}-error", id_of(path));
            let view =
                view! { <p class="field-error" id=id.clone()>{field_error(i18n, &reason)}</p> }.into_any();
            (Some(id), Some(view))
        }
        None => (None, None),
    }
}

fn described_by(error: &Option<String>, hint: &Option<String>, path: &str) -> Option<String> {
    let ids: Vec<String> =
        error.iter().cloned().chain(hint.as_ref().map(|_| format!("{}-hint", id_of(path)))).collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A one-line input (`kind`: text, date, time, number, email, tel).
#[component]
pub fn Field(
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    issues: Issues,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let (error, error_view) = error_line(&issues, &path);
    let describedby = described_by(&error, &hint, &path);
    let id = id_of(&path);
    view! {
        <div class="field" class:invalid=error.is_some()>
            <label for=id.clone()>{label}</label>
            <input id=id.clone() name=name_of(&path) type=kind value=value required=required
                aria-invalid=error.is_some().then_some("true") aria-describedby=describedby/>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            {error_view}
        </div>
    }
}

/// A multi-line text.
#[component]
pub fn Area(
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    issues: Issues,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] lang: Option<String>,
) -> impl IntoView {
    let (error, error_view) = error_line(&issues, &path);
    let describedby = described_by(&error, &hint, &path);
    let id = id_of(&path);
    view! {
        <div class="field" class:invalid=error.is_some()>
            <label for=id.clone()>{label}</label>
            <textarea id=id.clone() name=name_of(&path) rows="4" lang=lang dir="auto"
                aria-invalid=error.is_some().then_some("true") aria-describedby=describedby>{value}</textarea>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            {error_view}
        </div>
    }
}

/// A choice from a list of (value, label); `blank` adds an empty first option.
#[component]
pub fn Select(
    #[prop(into)] path: String,
    #[prop(into)] label: String,
    #[prop(into)] value: String,
    options: Vec<(String, String)>,
    issues: Issues,
    #[prop(optional, into)] blank: Option<String>,
) -> impl IntoView {
    let (error, error_view) = error_line(&issues, &path);
    let describedby = described_by(&error, &None, &path);
    let id = id_of(&path);
    let blank = blank.map(|b| view! { <option value="" selected=value.is_empty()>{b}</option> });
    let options = options
        .into_iter()
        .map(|(v, l)| view! { <option value=v.clone() selected=v == value>{l}</option> })
        .collect_view();
    view! {
        <div class="field" class:invalid=error.is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id name=name_of(&path) aria-invalid=error.is_some().then_some("true") aria-describedby=describedby>
                {blank}
                {options}
            </select>
            {error_view}
        </div>
    }
}

/// Several checkboxes posting the ticked values as a list.
#[component]
pub fn Checks(
    #[prop(into)] path: String,
    #[prop(into)] legend: String,
    selected: Vec<String>,
    options: Vec<(String, String)>,
    issues: Issues,
) -> impl IntoView {
    let (error, error_view) = error_line(&issues, &path);
    let name = format!("{}[]", name_of(&path));
    let boxes = options
        .into_iter()
        .map(|(v, l)| {
            let id = format!("{}-{v}", id_of(&path));
            let for_id = id.clone();
            view! {
                <label class="check" for=for_id>
                    <input type="checkbox" id=id name=name.clone() value=v.clone() checked=selected.contains(&v)/>
                    " " {l}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="field checks" class:invalid=error.is_some() aria-describedby=error.clone()>
            <legend>{legend}</legend>
            {boxes}
            {error_view}
        </fieldset>
    }
}

/// One checkbox posting `on` when ticked.
#[component]
pub fn Check(#[prop(into)] path: String, #[prop(into)] label: String, checked: bool) -> impl IntoView {
    let id = id_of(&path);
    let for_id = id.clone();
    view! {
        <div class="field">
            <label class="check" for=for_id>
                <input type="checkbox" id=id name=name_of(&path) value="on" checked=checked/>
                " " {label}
            </label>
        </div>
    }
}

/// The list of problems at the top of a form, each linking to its field.
#[component]
pub fn IssueSummary(issues: Issues) -> impl IntoView {
    let i18n = use_i18n();
    let count = issues.0.len();
    (count > 0).then(|| {
        let items = issues
            .0
            .iter()
            .map(|i| {
                let href = format!("#{}", id_of(&i.field));
                view! { <li><a href=href>{field_error(i18n, &i.reason)}</a></li> }
            })
            .collect_view();
        view! {
            <div class="form-issues" role="alert" tabindex="-1" id="form-issues">
                <p>{t!(i18n, staff.errors_heading, count = move || count)}</p>
                <ul>{items}</ul>
            </div>
        }
    })
}
