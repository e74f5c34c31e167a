//! What the edit pages of places, organisations and quarters share: loading, the conflict
//! screen, the problem summary and the form around their fields.

use super::fields::{IssueSummary, Issues};
use super::frame::StaffFrame;
use crate::domain::offer_form::diff::FieldDiff;
use crate::i18n::*;
use crate::serverfns::records::RecordEditor;
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The `:id` of the page: `Some(None)` for `new`, `None` for anything that is not an id.
pub fn record_id() -> Option<Option<i64>> {
    match use_params_map().get_untracked().get("id") {
        None => Some(None),
        Some(s) if s == "new" => Some(None),
        Some(s) => s.parse().ok().map(Some),
    }
}

/// A staff edit page: loads with `load`, shows the form posting to `action` with `fields`.
#[component]
pub fn RecordPage<T, F, Fut, V>(
    #[prop(into)] title: String,
    load: F,
    action: &'static str,
    fields: fn(RecordEditor<T>, Issues) -> V,
) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<RecordEditor<T>, crate::error::AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let data = OnceResource::new(load());
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(editor) => {
                    let issues = Issues(std::sync::Arc::new(editor.issues.clone()));
                    let id = editor.id;
                    let conflict = editor.conflict.clone().map(|d| view! { <Conflict diff=d/> });
                    let audit = (id.is_some() && editor.may_read_audit).then(|| {
                        let path = leptos_router::hooks::use_location().pathname.get_untracked();
                        view! { <p><a href=format!("{path}/audit")>{t!(use_i18n(), staff.audit_link)}</a></p> }
                    });
                    view! {
                        {audit}
                        {conflict}
                        <IssueSummary issues=issues.clone()/>
                        <form method="post" action=action class="staff-form record-form" novalidate>
                            {id.map(|id| view! { <input type="hidden" name="id" value=id/> })}
                            {fields(editor, issues)}
                            <SaveButton/>
                        </form>
                    }
                    .into_any()
                }
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=title.clone()>
            <h1>{title.clone()}</h1>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

#[component]
fn SaveButton() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p><button type="submit" class="button">{t!(i18n, staff.save)}</button></p> }
}

#[component]
fn Conflict(diff: Vec<FieldDiff>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = diff
        .into_iter()
        .map(|d| view! { <tr><th scope="row"><code>{d.field}</code></th><td dir="auto">{d.a}</td><td dir="auto">{d.b}</td></tr> })
        .collect_view();
    view! {
        <section class="conflict" role="alert" aria-labelledby="conflict-heading">
            <h2 id="conflict-heading">{t!(i18n, staff.conflict_heading)}</h2>
            <p>{t!(i18n, staff.conflict_text)}</p>
            <div class="table-scroll">
                <table class="staff-table diff">
                    <thead><tr>
                        <th scope="col">{t!(i18n, staff.conflict_field)}</th>
                        <th scope="col">{t!(i18n, staff.conflict_saved)}</th>
                        <th scope="col">{t!(i18n, staff.conflict_yours)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
