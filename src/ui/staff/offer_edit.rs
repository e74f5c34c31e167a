//! `/<lang>/staff/offers/<id>` and `/<lang>/staff/offers/new`: the offer form with what the
//! caller may do next (publish, delete, approve, restore), a conflict screen when someone saved
//! meanwhile, and the changes waiting for approval.

use super::fields::{IssueSummary, Issues};
use super::frame::StaffFrame;
use super::labels;
use super::offer_fields::OfferFields;
use super::schedule_fields::ScheduleFields;
use crate::domain::category::OfferStatus;
use crate::domain::offer_form::diff::FieldDiff;
use crate::i18n::*;
use crate::serverfns::offers::{
    get_offer_editor, ApproveOffer, OfferEditor, RestoreOffer, SaveOffer, SetOfferStatus,
};
use crate::ui::components::offer_card::{offer_card_html, CardContext, CardLinks};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OfferEditPage() -> impl IntoView {
    let id = use_params_map().get_untracked().get("id").and_then(|s| s.parse::<i64>().ok());
    match id {
        Some(id) => view! { <Editor id=Some(id)/> }.into_any(),
        None => view! { <NotFoundPage/> }.into_any(),
    }
}

#[component]
pub fn NewOfferPage() -> impl IntoView {
    view! { <Editor id=None/> }
}

#[component]
fn Editor(id: Option<i64>) -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let title =
        if id.is_some() { t_string!(i18n, staff.edit_title) } else { t_string!(i18n, staff.new_title) };
    let data = OnceResource::new(get_offer_editor(id));
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(editor) => view! { <EditorView editor/> }.into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title>
            <h1>{title}</h1>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

#[component]
fn EditorView(editor: OfferEditor) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    let issues = Issues(std::sync::Arc::new(editor.issues.clone()));
    let rights = editor.rights.clone();
    let status_line = editor.id.map(|id| {
        let status = labels::status(i18n, editor.status);
        let line = t_string!(i18n, staff.status_line, status = status, version = editor.version).to_string();
        view! {
            <p class="status-line">{line}</p>
            <p class="editor-links">
                {(editor.status == OfferStatus::Published).then(|| view! {
                    <a href=format!("/{lang}/offers/{}", editor.form.slug)>{t!(i18n, staff.public_link)}</a> " "
                })}
                {rights.audit.then(|| view! { <a href=format!("/{lang}/staff/offers/{id}/audit")>{t!(i18n, staff.audit_link)}</a> })}
            </p>
        }
    });
    let conflict = editor.conflict.map(|d| {
        view! {
            <section class="conflict" role="alert" aria-labelledby="conflict-heading">
                <h2 id="conflict-heading">{t!(i18n, staff.conflict_heading)}</h2>
                <p>{t!(i18n, staff.conflict_text)}</p>
                <DiffTable diff=d a=t_string!(i18n, staff.conflict_saved) b=t_string!(i18n, staff.conflict_yours)/>
                <p><a href="">{t!(i18n, staff.conflict_discard)}</a></p>
            </section>
        }
    });
    let pending = editor.pending.map(|d| {
        view! {
            <section class="pending" aria-labelledby="pending-heading">
                <h2 id="pending-heading">{t!(i18n, staff.pending_heading)}</h2>
                <p>{t!(i18n, staff.pending_text)}</p>
                <DiffTable diff=d a=t_string!(i18n, staff.status_published) b=t_string!(i18n, staff.pending)/>
                {rights.approve.then(|| view! { <IdForm action={super::action::<ApproveOffer>()} id=editor.id.unwrap_or_default() label=t_string!(i18n, staff.approve)/> })}
            </section>
        }
    });
    let submits = rights.edit && !rights.publish_directly && editor.status == OfferStatus::Published;
    view! {
        {status_line}
        {conflict}
        {pending}
        <IssueSummary issues=issues.clone()/>
        <WarningSummary warnings=editor.warnings.clone()/>
        {rights.edit.then(|| view! {
            <form method="post" action={super::action::<SaveOffer>()} class="staff-form offer-form" novalidate>
                {editor.id.map(|id| view! { <input type="hidden" name="id" value=id/> })}
                <input type="hidden" name="form[version]" value=editor.form.version.clone()/>
                <OfferFields form=editor.form.clone() options=editor.options.clone() issues=issues.clone() translations=editor.translations.clone()/>
                <ScheduleFields schedules=editor.form.schedules.clone() places=editor.options.places.clone() issues/>
                {submits.then(|| view! { <p class="hint">{t!(i18n, staff.save_submits)}</p> })}
                <p><button type="submit" class="button">{t!(i18n, staff.save)}</button></p>
            </form>
        })}
        {editor.id.map(|id| view! { <StatusActions id version=editor.version status=editor.status rights=editor.rights/> })}
        {editor.preview.map(|offer| view! {
            <section class="preview" aria-labelledby="preview-heading">
                <h2 id="preview-heading">{t!(i18n, staff.preview)}</h2>
                <ul class="offers" inner_html=preview_card(&offer, editor.today)></ul>
            </section>
        })}
    }
}

#[component]
fn StatusActions(
    id: i64,
    version: i64,
    status: OfferStatus,
    rights: crate::serverfns::offers::EditorRights,
) -> impl IntoView {
    let i18n = use_i18n();
    let to = move |target: &'static str, label: &'static str| {
        view! {
            <form method="post" action={super::action::<SetOfferStatus>()}>
                <input type="hidden" name="id" value=id/>
                <input type="hidden" name="version" value=version/>
                <input type="hidden" name="status" value=target/>
                <button type="submit" class="button secondary">{label}</button>
            </form>
        }
    };
    let publish_label = if rights.publish_directly {
        t_string!(i18n, staff.publish)
    } else {
        t_string!(i18n, staff.publish_request)
    };
    view! {
        <section class="status-actions">
            {(rights.publish && status == OfferStatus::Draft).then(|| to("published", publish_label))}
            {(rights.publish_directly && status == OfferStatus::Published).then(|| to("draft", t_string!(i18n, staff.unpublish)))}
            {(rights.archive && status != OfferStatus::Archived).then(|| view! {
                {to("archived", t_string!(i18n, staff.archive))}
                <p class="hint">{t!(i18n, staff.archive_hint)}</p>
            })}
            {(rights.restore && status == OfferStatus::Archived).then(|| view! {
                <IdForm action={super::action::<RestoreOffer>()} id label=t_string!(i18n, staff.restore)/>
            })}
        </section>
    }
}

/// A one-button form posting `id`.
#[component]
fn IdForm(action: &'static str, id: i64, #[prop(into)] label: String) -> impl IntoView {
    view! {
        <form method="post" action=action>
            <input type="hidden" name="id" value=id/>
            <button type="submit" class="button">{label}</button>
        </form>
    }
}

/// What the saved rules will skip, with the field each is about (a note, not an error).
#[component]
fn WarningSummary(warnings: Vec<crate::domain::schedule::validate::FieldIssue>) -> impl IntoView {
    let i18n = use_i18n();
    (!warnings.is_empty()).then(|| {
        let items = warnings
            .iter()
            .map(|w| {
                let href = format!("#{}", super::fields::id_of(&w.field));
                let name = super::field_names::field_name(i18n, &w.field);
                view! { <li><a href=href>{name}</a> ": " {labels::field_error(i18n, &w.reason)}</li> }
            })
            .collect_view();
        view! {
            <div class="form-warnings" role="note">
                <p>{t!(i18n, staff.warnings_heading)}</p>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// Two versions side by side, field by field.
#[component]
fn DiffTable(diff: Vec<FieldDiff>, a: &'static str, b: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let rows = diff
        .into_iter()
        .map(|d| {
            let name = super::field_names::field_name(i18n, &d.field);
            view! { <tr><th scope="row">{name}</th><td dir="auto">{d.a}</td><td dir="auto">{d.b}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="staff-table diff">
                <thead><tr><th scope="col">{t!(i18n, staff.conflict_field)}</th><th scope="col">{a}</th><th scope="col">{b}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The offer as its board card will show it.
fn preview_card(offer: &crate::domain::offer::OfferSummary, today: chrono::NaiveDate) -> String {
    let cx = CardContext::new(today);
    let mut card = String::new();
    offer_card_html(&mut card, &cx, offer, false, &CardLinks { offer_query: "", save_href: "" });
    card
}
