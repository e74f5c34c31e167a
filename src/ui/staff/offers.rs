//! `/<lang>/staff`: the offers staff may see, with filters (a GET form), "still running" and
//! links to edit.

use super::frame::StaffFrame;
use super::labels;
use crate::domain::category::OfferStatus;
use crate::domain::freshness::Confirmation;
use crate::domain::staff_offer::{StaffFilter, StaffOfferRow, Translation};
use crate::i18n::*;
use crate::serverfns::offers::{get_staff_offers, ConfirmOffers};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn StaffOffersPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let query = StoredValue::new(use_location().search.get_untracked().trim_start_matches('?').to_owned());
    let data = OnceResource::new(get_staff_offers(query.get_value()));
    let list = move || {
        Suspend::new(async move {
            match data.await {
                Ok(page) => view! {
                    {(page.awaiting > 0).then(|| view! {
                        <p class="notice"><a href="?pending=1">{t!(i18n, staff.awaiting, count = move || page.awaiting)}</a></p>
                    })}
                    {(page.due > 0).then(|| view! {
                        <div class="notice due" role="status">
                            <p>{t!(i18n, staff.unconfirmed_notice, due = page.due, hidden = page.hidden, months = page.months)}</p>
                            <p><a href="?mine=1&unconfirmed=1">{t!(i18n, staff.unconfirmed_link)}</a></p>
                        </div>
                    })}
                    <Filters filter=page.filter/>
                    <OfferTable rows=page.rows/>
                }
                .into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    let lang = i18n.get_locale_untracked().as_str();
    view! {
        <StaffFrame title=t_string!(i18n, staff.offers_title)>
            <h1>{t!(i18n, staff.offers_title)}</h1>
            <p><a class="button" href=format!("/{lang}/staff/offers/new")>{t!(i18n, staff.new_offer)}</a></p>
            <Suspense fallback=|| ()>{list}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

#[component]
fn Filters(filter: StaffFilter) -> impl IntoView {
    let i18n = use_i18n();
    let status = filter.status.map(|s| s.code()).unwrap_or_default();
    let option = |code: &'static str, label: &'static str| {
        view! { <option value=code selected=status == code>{label}</option> }
    };
    view! {
        <form method="get" class="staff-filters">
            <div class="field">
                <label for="q">{t!(i18n, staff.search)}</label>
                <input id="q" name="q" type="search" value=filter.text/>
            </div>
            <div class="field">
                <label for="status">{t!(i18n, staff.filter_status)}</label>
                <select id="status" name="status">
                    {option("", t_string!(i18n, staff.status_any))}
                    {option("draft", t_string!(i18n, staff.status_draft))}
                    {option("published", t_string!(i18n, staff.status_published))}
                    {option("archived", t_string!(i18n, staff.status_archived))}
                </select>
            </div>
            <label class="check"><input type="checkbox" name="mine" value="1" checked=filter.mine/> " " {t!(i18n, staff.filter_mine)}</label>
            <label class="check"><input type="checkbox" name="pending" value="1" checked=filter.pending/> " " {t!(i18n, staff.filter_pending)}</label>
            <label class="check"><input type="checkbox" name="unconfirmed" value="1" checked=filter.unconfirmed/> " " {t!(i18n, staff.filter_unconfirmed)}</label>
            <button type="submit" class="button secondary">{t!(i18n, staff.filter_apply)}</button>
        </form>
    }
}

#[component]
fn OfferTable(rows: Vec<StaffOfferRow>) -> impl IntoView {
    let i18n = use_i18n();
    if rows.is_empty() {
        return view! { <p>{t!(i18n, staff.no_offers)}</p> }.into_any();
    }
    let confirmable: Vec<i64> = rows.iter().filter(|r| r.can_edit).map(|r| r.id).collect();
    let body = rows.into_iter().map(|r| view! { <Row row=r/> }).collect_view();
    view! {
        <div class="table-scroll">
            <table class="staff-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, staff.col_title)}</th>
                        <th scope="col">{t!(i18n, staff.col_org)}</th>
                        <th scope="col">{t!(i18n, staff.col_quarters)}</th>
                        <th scope="col">{t!(i18n, staff.col_status)}</th>
                        <th scope="col">{t!(i18n, staff.col_confirmed)}</th>
                        <th scope="col">{t!(i18n, staff.col_languages)}</th>
                        <th scope="col">{t!(i18n, staff.col_actions)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        {(!confirmable.is_empty()).then(|| view! {
            <form method="post" action={super::action::<ConfirmOffers>()}>
                {confirmable.into_iter().map(|id| view! { <input type="hidden" name="ids[]" value=id/> }).collect_view()}
                <button type="submit" class="button secondary">{t!(i18n, staff.confirm_shown)}</button>
            </form>
        })}
    }
    .into_any()
}

#[component]
fn Row(row: StaffOfferRow) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    let locale = i18n.get_locale_untracked();
    let languages = row
        .translations
        .iter()
        .map(|(l, state)| {
            let (class, word) = match state {
                Translation::Missing => ("lang-missing", t_string!(i18n, staff.translation_missing)),
                Translation::Stale => ("lang-stale", t_string!(i18n, staff.translation_stale)),
                Translation::Current => ("lang-current", t_string!(i18n, staff.translation_current)),
            };
            view! { <li class=class>{l.clone()} ": " {word}</li> }
        })
        .collect_view();
    let public = row.status == OfferStatus::Published;
    let confirmation = match (public, row.confirmation) {
        (true, Confirmation::Due) => {
            Some(view! { <span class="badge due">{t!(i18n, staff.badge_due)}</span> }.into_any())
        }
        (true, Confirmation::Hidden) => {
            Some(view! { <span class="badge hidden">{t!(i18n, staff.badge_hidden)}</span> }.into_any())
        }
        _ => None,
    };
    view! {
        <tr data-offer=row.slug.clone()>
            <th scope="row">{row.title.clone()} {row.pending.then(|| view! { " " <span class="badge pending">{t!(i18n, staff.pending)}</span> })}</th>
            <td>{row.organisation.clone()}</td>
            <td>{row.quarters.join(", ")}</td>
            <td>{labels::status(i18n, row.status)}</td>
            <td>{crate::ui::date_format::date(locale, row.last_confirmed)} {confirmation}</td>
            <td><ul class="lang-states">{languages}</ul></td>
            <td class="row-actions">
                {row.can_edit.then(|| view! {
                    <a class="button small" href=format!("/{lang}/staff/offers/{}", row.id)
                        aria-label=format!("{}: {}", t_string!(i18n, staff.edit), row.title)>{t!(i18n, staff.edit)}</a>
                    <form method="post" action={super::action::<ConfirmOffers>()}>
                        <input type="hidden" name="ids[]" value=row.id/>
                        <button type="submit" class="button small secondary"
                            aria-label=format!("{}: {}", t_string!(i18n, staff.confirm), row.title)>{t!(i18n, staff.confirm)}</button>
                    </form>
                })}
                {(!row.can_edit && row.can_read).then(|| view! {
                    <a href=format!("/{lang}/staff/offers/{}", row.id)>{t!(i18n, staff.view)}</a>
                })}
                {public.then(|| view! { <a href=format!("/{lang}/offers/{}", row.slug)>{t!(i18n, staff.public_link)}</a> })}
            </td>
        </tr>
    }
}
