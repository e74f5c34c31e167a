//! The weekday filter of a board: the one interactive part of a public page.
//!
//! The offers are server-rendered children; the filter only sets `data-day` on their list and
//! CSS hides the offers that have no slot that day. Without JavaScript the filter stays hidden
//! and every offer is listed.

use crate::i18n::*;
use crate::ui::labels;
use chrono::Weekday;
use leptos::prelude::*;

/// `masks[i]` has bit `d` set when offer `i` runs on weekday `d` (0 = Monday).
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn DayFilter(masks: Vec<u8>, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let day = RwSignal::new(None::<u8>);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let masks = StoredValue::new(masks);
    let count = move || {
        masks.with_value(|m| match day.get() {
            None => m.len(),
            Some(d) => m.iter().filter(|mask| *mask & (1 << d) != 0).count(),
        })
    };
    let buttons = (0u8..7)
        .map(|d| {
            let weekday = Weekday::try_from(d).unwrap_or(Weekday::Mon);
            view! {
                <button
                    type="button"
                    aria-pressed=move || (day.get() == Some(d)).to_string()
                    title=labels::weekday(i18n, weekday)
                    on:click=move |_| day.set(Some(d))
                >
                    {labels::weekday_short(i18n, weekday)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="day-filter" role="group" aria-label=t_string!(i18n, board.filter_label) hidden=move || !ready.get()>
            <button type="button" aria-pressed=move || day.get().is_none().to_string() on:click=move |_| day.set(None)>
                {t!(i18n, board.all_days)}
            </button>
            {buttons}
        </div>
        <p class="match-count" aria-live="polite" hidden=move || !ready.get()>
            {t!(i18n, board.showing, count = count)}
        </p>
        <div class="offer-list" data-day=move || day.get().map(|d| d.to_string())>
            {children()}
        </div>
    }
}
