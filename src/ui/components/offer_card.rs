//! One offer on a board: title, category, ages, when it runs and when next, place.
//!
//! The cards are written as HTML text, not through `view!`: a board has up to hundreds of them,
//! and inside the filter island they are never hydrated, so the view tree's per-element work
//! (and its hydration markers) bought nothing but cost most of an uncached board render (issue
//! #11, B5; bench/RESULTS.md, stop 26). Every value goes through `html_escape`; the words are
//! the same `leptos_i18n` keys as everywhere else.

use super::age_text::age_text;
use super::category_icon::icon_html;
use super::occurrence_text::when_text;
use super::schedule_text::summary_parts;
use crate::domain::offer::OfferSummary;
use crate::i18n::*;
use crate::ui::labels;
use chrono::NaiveDate;
use html_escape::{encode_double_quoted_attribute_to_string as attr, encode_text_to_string as text};
use leptos_i18n::I18nContext;

/// How every card begins. Whatever a card holds is escaped (no `<` in text, no `"` in an
/// attribute), so this text marks the start of a card and nothing else (`board_cards::card_slices`).
pub const CARD_START: &str = r#"<li class="offer" data-slug=""#;

/// What a card needs besides its offer.
pub struct CardContext {
    i18n: I18nContext<Locale>,
    locale: Locale,
    /// Schedules starting after it say "from …".
    today: NaiveDate,
}

impl CardContext {
    /// Reads the page's i18n context once for all the cards of a page (call it while rendering).
    pub fn new(today: NaiveDate) -> Self {
        let i18n = use_i18n();
        CardContext { i18n, locale: i18n.get_locale_untracked(), today }
    }

    /// The words of `locale` outside a page render: provides them in the current reactive
    /// `Owner` (call it inside one).
    pub fn for_locale(locale: Locale, today: NaiveDate) -> Self {
        use leptos::prelude::{provide_context, Signal};
        let i18n = leptos_i18n::context::init_i18n_subcontext::<Locale>(Some(Signal::stored(locale)));
        provide_context(i18n);
        CardContext { i18n, locale, today }
    }
}

/// Appends a list item of the board to `buf`.
pub fn offer_card_html(
    buf: &mut String,
    cx: &CardContext,
    offer: &OfferSummary,
    saved: bool,
    save_href: &str,
) {
    let i18n = cx.i18n;
    buf.push_str(CARD_START);
    attr(&offer.slug, buf);
    buf.push_str(r#""><article><h3 class="offer-title"><a href="/"#);
    buf.push_str(cx.locale.as_str());
    buf.push_str("/offers/");
    attr(&offer.slug, buf);
    buf.push_str(r#"" lang=""#);
    attr(&offer.lang, buf);
    buf.push_str(r#"" dir="auto">"#);
    text(&offer.title, buf);
    buf.push_str("</a></h3>");
    if offer.lang != cx.locale.as_str() {
        element(buf, "span", "untranslated", t_string!(i18n, content.only_in_german));
    }
    buf.push_str(r#"<p class="offer-meta"><span class="badge category">"#);
    icon_html(offer.category, buf);
    text(labels::category(i18n, offer.category), buf);
    buf.push_str("</span> ");
    element(buf, "span", "ages", &age_text(offer.ages));
    if offer.is_free {
        buf.push(' ');
        element(buf, "span", "badge free", t_string!(i18n, board.free));
    }
    buf.push_str("</p>");
    if offer.schedules.is_empty() {
        element(buf, "p", "schedule schedule-none", t_string!(i18n, board.no_slots));
    } else {
        let sep = t_string!(i18n, summary.part_separator);
        buf.push_str(r#"<ul class="schedule">"#);
        for s in &offer.schedules {
            element(buf, "li", "", &summary_parts(i18n, s, Some(cx.today)).join(sep));
        }
        buf.push_str("</ul>");
    }
    if let Some(next) = &offer.next {
        element(buf, "p", "next", &t_string!(i18n, board.next, when = when_text(next)).to_string());
    }
    if let Some(c) = &offer.cancelled_this_week {
        let words = t_string!(i18n, filter.cancelled_on, when = when_text(c)).to_string();
        element(buf, "p", "status cancelled", &words);
    }
    if !offer.languages.is_empty() {
        let names = offer.languages.iter().map(|l| labels::spoken_language(i18n, l)).collect::<Vec<_>>();
        element(buf, "p", "offer-languages", &names.join(", "));
    }
    element(buf, "p", "offer-place", &offer.place_name);
    buf.push_str(r#"<p class="save"><a href=""#);
    attr(save_href, buf);
    buf.push_str(r#"" rel="nofollow""#);
    if saved {
        buf.push_str(r#" aria-current="true""#);
    }
    buf.push('>');
    text(if saved { t_string!(i18n, shortlist.remove) } else { t_string!(i18n, shortlist.add) }, buf);
    buf.push_str("</a></p></article></li>");
}

/// `<tag class="class">words</tag>` (no class attribute when `class` is empty).
fn element(buf: &mut String, tag: &str, class: &str, words: &str) {
    buf.push('<');
    buf.push_str(tag);
    if !class.is_empty() {
        buf.push_str(r#" class=""#);
        buf.push_str(class);
        buf.push('"');
    }
    buf.push('>');
    text(words, buf);
    buf.push_str("</");
    buf.push_str(tag);
    buf.push('>');
}

#[cfg(test)]
mod tests;
