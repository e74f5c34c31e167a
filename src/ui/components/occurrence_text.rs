//! Concrete occurrences in words: "Mi 25.11.2026, 15:00–16:30 Uhr", with their status.

use super::isolated::{isolated_html, mark, Piece};
use super::schedule_text::{date_text, times_text};
use crate::domain::schedule::{Occurrence, Status};
use crate::i18n::*;
use crate::ui::labels;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// A date of the coming week in words: "Heute", "Morgen", "Mittwoch"; later ones as "Mi 23.12.".
pub fn day_word(i18n: leptos_i18n::I18nContext<Locale>, date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => t_string!(i18n, when.today).to_owned(),
        1 => t_string!(i18n, when.tomorrow).to_owned(),
        2..=6 => labels::weekday(i18n, date.weekday()).to_owned(),
        _ => format!(
            "{} {}",
            labels::weekday_short(i18n, date.weekday()),
            crate::ui::date_format::day_month(i18n.get_locale_untracked(), date)
        ),
    }
}

/// "Mi 25.11.2026, 15:00–16:30 Uhr" as HTML, date and time isolated.
pub fn when_html(o: &Occurrence) -> String {
    let i18n = use_i18n();
    let day = labels::weekday_short(i18n, o.date.weekday());
    let phrase = t_string!(i18n, occurrence.when, day = day, date = mark(0), time = mark(1)).to_string();
    let (date, time) = (date_text(i18n, o.date), times_text(i18n, o.times));
    isolated_html(&phrase, &[Piece::Own(&date), Piece::Time(&time)])
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
            let when = when_html(&o);
            let cancelled = o.is_cancelled();
            view! {
                <li class:cancelled=cancelled>
                    {if cancelled { view! { <s inner_html=when></s> }.into_any() } else { view! { <span inner_html=when></span> }.into_any() }}
                    " "
                    <StatusBadge status=o.status/>
                    {o.place.map(|p| view! { " · " <span class="place-change">{p.name}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="occurrences">{items}</ul> }
}
