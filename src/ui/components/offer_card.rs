//! One offer on a board: title, category, ages, times, place.

use super::age_text::AgeText;
use super::slot_text::SlotList;
use crate::domain::offer::OfferSummary;
use crate::i18n::*;
use crate::ui::labels;
use leptos::prelude::*;

/// A list item; `data-days` lets the weekday filter hide it without knowing the slots.
#[component]
pub fn OfferCard(offer: OfferSummary, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let days = offer
        .slots
        .iter()
        .map(|s| s.weekday.num_days_from_monday().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    let href = format!("/{}/offers/{}", locale.as_str(), offer.slug);
    view! {
        <li class="offer" data-days=days>
            <article>
                <h3 class="offer-title">
                    <a href=href lang=offer.lang dir="auto">{offer.title}</a>
                </h3>
                <p class="offer-meta">
                    <span class="badge category">{labels::category(i18n, offer.category)}</span>
                    " "
                    <AgeText ages=offer.ages/>
                    {offer.is_free.then(|| view! { " " <span class="badge free">{t!(i18n, board.free)}</span> })}
                </p>
                <SlotList slots=offer.slots/>
                <p class="offer-place">{offer.place_name}</p>
            </article>
        </li>
    }
}
