//! `/<lang>/staff/link/<token>`: an invited person chooses name and password; a reset link sets
//! a new password.

use super::fields::Issues;
use super::frame::StaffFrame;
use crate::domain::schedule::validate::FieldIssue;
use crate::i18n::*;
use crate::serverfns::account::{get_link, AcceptLink};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn LinkPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let token = StoredValue::new(use_params_map().get_untracked().get("token").unwrap_or_default());
    let query = use_query_map().get_untracked();
    let issue =
        query.get("field").zip(query.get("reason")).map(|(field, reason)| FieldIssue { field, reason });
    let issues = StoredValue::new(Issues(std::sync::Arc::new(issue.into_iter().collect())));
    let data = OnceResource::new(get_link(token.get_value()));
    let page = move || {
        let (token, issues) = (token.get_value(), issues.get_value());
        Suspend::new(async move {
            let Ok(link) = data.await else {
                crate::ui::status::set_status(404);
                return view! { <p class="notice problem" role="alert">{t!(i18n, staff.link_invalid)}</p> }
                    .into_any();
            };
            let title = if link.invite {
                t_string!(i18n, staff.link_invite_title)
            } else {
                t_string!(i18n, staff.link_reset_title)
            };
            view! {
                <h1>{title}</h1>
                {link.email.map(|e| view! { <p dir="ltr">{e}</p> })}
                <form method="post" action={super::action::<AcceptLink>()} class="staff-form narrow">
                    <input type="hidden" name="token" value=token/>
                    {if link.invite {
                        view! { <Plain name="name" label=t_string!(i18n, staff.name) kind="text" issues=issues.clone()/> }.into_any()
                    } else {
                        view! { <input type="hidden" name="name" value=""/> }.into_any()
                    }}
                    <Plain name="password" label=t_string!(i18n, staff.new_password) kind="password" issues=issues.clone()/>
                    <p class="hint">{t!(i18n, staff.password_hint)}</p>
                    <Plain name="repeat" label=t_string!(i18n, staff.repeat_password) kind="password" issues/>
                    <button type="submit" class="button">{t!(i18n, staff.link_button)}</button>
                </form>
            }
            .into_any()
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, staff.link_invite_title) signed_in=false>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

/// A top-level input (not part of an offer form): named `name`, error from `issues`.
#[component]
fn Plain(
    name: &'static str,
    #[prop(into)] label: String,
    kind: &'static str,
    issues: Issues,
) -> impl IntoView {
    let reason = issues.0.iter().find(|i| i.field == name).map(|i| i.reason.clone());
    let i18n = use_i18n();
    let invalid = reason.is_some();
    view! {
        <div class="field" class:invalid=invalid>
            <label for=name>{label}</label>
            <input id=name name=name type=kind required aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then(|| format!("{name}-error"))
                autocomplete=if kind == "password" { "new-password" } else { "name" }/>
            {reason.map(|r| view! { <p class="field-error" id=format!("{name}-error")>{super::labels::field_error(i18n, &r)}</p> })}
        </div>
    }
}
