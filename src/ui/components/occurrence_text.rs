//! Concrete occurrences in words: "Mi 25.11.2026, 15:00–16:30 Uhr", with their status.

use super::schedule_text::{date_text, times_text};
use crate::domain::schedule::{Occurrence, Status};
use crate::i18n::*;
use crate::ui::labels;
use chrono::Datelike;
use leptos::prelude::*;

/// "Mi 25.11.2026, 15:00–16:30 Uhr".
pub fn when_text(o: &Occurrence) -> String {
    let i18n = use_i18n();
    let day = labels::weekday_short(i18n, o.date.weekday());
    t_string!(
        i18n,
        occurrence.when,
        day = day,
        date = date_text(i18n, o.date),
        time = times_text(i18n, o.times)
    )
    .to_string()
}

/// The status of an occurrence as a badge; nothing for a regular one.
#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let i18n = use_i18n();
    match status {
        Status::Regular => ().into_any(),
        Status::Cancelled { reason } if reason.is_empty() => {
            view! { <span class="status cancelled">{t!(i18n, occurrence.cancelled)}</span> }.into_any()
        }
        Status::Cancelled { reason } => view! {
            <span class="status cancelled">{t!(i18n, occurrence.cancelled)}</span>
            " "
            <span class="reason" lang="de" dir="auto">{reason}</span>
        }
        .into_any(),
        Status::Changed { from: Some(from) } => view! {
            <span class="status changed">
                {t_string!(i18n, occurrence.moved_from, date = super::schedule_text::date_text(i18n, from)).to_string()}
            </span>
        }
        .into_any(),
        Status::Changed { from: None } => {
            view! { <span class="status changed">{t!(i18n, occurrence.changed)}</span> }.into_any()
        }
    }
}

/// A list of occurrences with their status and, where it differs, their place.
#[component]
pub fn OccurrenceList(occurrences: Vec<Occurrence>) -> impl IntoView {
    let items = occurrences
        .into_iter()
        .map(|o| {
            let when = when_text(&o);
            let cancelled = o.is_cancelled();
            view! {
                <li class:cancelled=cancelled>
                    {if cancelled { view! { <s>{when}</s> }.into_any() } else { view! { <span>{when}</span> }.into_any() }}
                    " "
                    <StatusBadge status=o.status/>
                    {o.place.map(|p| view! { " · " <span class="place-change">{p.name}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="occurrences">{items}</ul> }
}
