//! Weekly slots in words: "Mi 15:00–16:30".

use crate::domain::slot::{format_time, WeeklySlot};
use crate::i18n::*;
use crate::ui::labels;
use leptos::prelude::*;

/// The slots as a list; "by arrangement" when there are none.
#[component]
pub fn SlotList(slots: Vec<WeeklySlot>, #[prop(optional)] long: bool) -> impl IntoView {
    let i18n = use_i18n();
    if slots.is_empty() {
        return view! { <p class="slots slots-none">{t!(i18n, board.no_slots)}</p> }.into_any();
    }
    let items = slots
        .into_iter()
        .map(|s| {
            let day = if long {
                labels::weekday(i18n, s.weekday)
            } else {
                labels::weekday_short(i18n, s.weekday)
            };
            let times = format!("{}–{}", format_time(s.start), format_time(s.end));
            view! {
                <li>
                    <span class="day">{day}</span>
                    " "
                    <time>{times}</time>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="slots">{items}</ul> }.into_any()
}
