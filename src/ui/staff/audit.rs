//! `/<lang>/staff/<kind>/<id>/audit`: who changed an offer, place, organisation or quarter,
//! when, and what it looked like before and after.

use super::frame::StaffFrame;
use super::labels;
use crate::i18n::*;
use crate::serverfns::offers::get_audit;
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let params = use_params_map().get_untracked();
    let Some(id) = params.get("id").and_then(|s| s.parse::<i64>().ok()) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let kind = StoredValue::new(params.get("kind").unwrap_or_default());
    let data = OnceResource::new(get_audit(kind.get_value(), id));
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(audit) => {
                    let rows = audit
                        .entries
                        .into_iter()
                        .map(|e| {
                            view! {
                                <tr>
                                    <td dir="ltr">{e.at}</td>
                                    <td dir="ltr">{e.actor}</td>
                                    <td>{labels::audit_action(i18n, &e.action)}</td>
                                    <td><Json text=e.before/></td>
                                    <td><Json text=e.after/></td>
                                </tr>
                            }
                        })
                        .collect_view();
                    view! {
                        <h1>{t_string!(i18n, staff.audit_title, title = audit.title).to_string()}</h1>
                        <div class="table-scroll">
                            <table class="staff-table audit">
                                <thead>
                                    <tr>
                                        <th scope="col">{t!(i18n, staff.audit_at)}</th>
                                        <th scope="col">{t!(i18n, staff.audit_actor)}</th>
                                        <th scope="col">{t!(i18n, staff.audit_action)}</th>
                                        <th scope="col">{t!(i18n, staff.audit_before)}</th>
                                        <th scope="col">{t!(i18n, staff.audit_after)}</th>
                                    </tr>
                                </thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                    }
                    .into_any()
                }
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, staff.audit_link)>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

/// A stored record, folded away (it can be long).
#[component]
fn Json(text: Option<String>) -> impl IntoView {
    text.map(|t| {
        let pretty = serde_json::from_str::<serde_json::Value>(&t)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or(t);
        view! { <details><summary>"JSON"</summary><pre dir="ltr">{pretty}</pre></details> }
    })
}
