//! One offer on a board: title, category, ages, when it runs and when next, place.

use super::age_text::AgeText;
use super::category_icon::CategoryIcon;
use super::occurrence_text::when_text;
use super::schedule_text::ScheduleSummary;
use super::untranslated::UntranslatedMark;
use crate::domain::offer::OfferSummary;
use crate::i18n::*;
use crate::ui::labels;
use chrono::NaiveDate;
use leptos::prelude::*;

/// A list item of the board; hidden (and aria-hidden) unless `shown` (it matches the filter and
/// is among the first shown, see `filter::shown`).
#[component]
pub fn OfferCard(
    offer: OfferSummary,
    locale: Locale,
    today: NaiveDate,
    shown: bool,
    saved: bool,
    save_href: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/{}/offers/{}", locale.as_str(), offer.slug);
    let next = offer.next.as_ref().map(|n| t_string!(i18n, board.next, when = when_text(n)).to_string());
    let cancelled = offer
        .cancelled_this_week
        .as_ref()
        .map(|c| t_string!(i18n, filter.cancelled_on, when = when_text(c)).to_string());
    let languages =
        offer.languages.iter().map(|l| labels::spoken_language(i18n, l)).collect::<Vec<_>>().join(", ");
    view! {
        <li class="offer" data-slug=offer.slug.clone() hidden=!shown aria-hidden=(!shown).then_some("true")>
            <article>
                <h3 class="offer-title">
                    <a href=href lang=offer.lang.clone() dir="auto">{offer.title}</a>
                </h3>
                <UntranslatedMark lang=offer.lang/>
                <p class="offer-meta">
                    <span class="badge category"><CategoryIcon category=offer.category/> {labels::category(i18n, offer.category)}</span>
                    " "
                    <AgeText ages=offer.ages/>
                    {offer.is_free.then(|| view! { " " <span class="badge free">{t!(i18n, board.free)}</span> })}
                </p>
                <ScheduleSummary schedules=offer.schedules today/>
                {next.map(|n| view! { <p class="next">{n}</p> })}
                {cancelled.map(|c| view! { <p class="status cancelled">{c}</p> })}
                {(!languages.is_empty()).then(|| view! { <p class="offer-languages">{languages}</p> })}
                <p class="offer-place">{offer.place_name}</p>
                <p class="save">
                    <a href=save_href rel="nofollow" aria-current=saved.then_some("true")>
                        {if saved { t!(i18n, shortlist.remove).into_any() } else { t!(i18n, shortlist.add).into_any() }}
                    </a>
                </p>
            </article>
        </li>
    }
}
