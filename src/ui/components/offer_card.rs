//! One offer on a board, about 150 px on a phone: its pictogram and colour, the title (the link
//! that makes the whole card tappable), when it runs next in words of the coming week ("Heute
//! 10:00–11:30 Uhr · jeden Mittwoch"), for whom, where, and "Merken".
//!
//! The cards are written as HTML text, not through `view!`: a board has up to hundreds of them,
//! and inside the filter island they are never hydrated, so the view tree's per-element work bought
//! nothing (docs/architecture.md). Every value goes through `html_escape`; the words are the same
//! `leptos_i18n` keys as everywhere else.

use super::age_text::age_text;
use super::occurrence_text::day_word;
use super::schedule_text::{card_parts, times_text};
use crate::domain::offer::OfferSummary;
use crate::i18n::*;
use crate::ui::icons::{category_name, icon_html, Icon};
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
    /// Dates of the coming week are said as "today", "tomorrow" or the weekday.
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

/// Where a card's links lead: the offer's page and the board with the offer saved or unsaved
/// (both keep the shortlist, which lives in the address).
pub struct CardLinks<'a> {
    /// `?list=…` for the offer's page, or empty.
    pub offer_query: &'a str,
    /// The board's address with this offer toggled on the shortlist.
    pub save_href: &'a str,
}

/// Appends a list item of the board to `buf`.
pub fn offer_card_html(
    buf: &mut String,
    cx: &CardContext,
    offer: &OfferSummary,
    saved: bool,
    links: &CardLinks,
) {
    let i18n = cx.i18n;
    buf.push_str(CARD_START);
    attr(&offer.slug, buf);
    buf.push_str(r#"" id="o-"#);
    attr(&offer.slug, buf);
    buf.push_str(r#""><article class="offer-card cat-"#);
    buf.push_str(offer.category.code());
    buf.push_str(r#""><h3 class="offer-title"><a href="/"#);
    buf.push_str(cx.locale.as_str());
    buf.push_str("/offers/");
    attr(&offer.slug, buf);
    attr(links.offer_query, buf);
    buf.push_str(r#"" lang=""#);
    attr(&offer.lang, buf);
    buf.push_str(r#"" dir="auto">"#);
    text(&offer.title, buf);
    buf.push_str("</a></h3>");
    // The pictogram comes after the title for screen readers; the layout puts it first.
    buf.push_str(r#"<span class="pict">"#);
    icon_html(category_name(offer.category), buf);
    element(buf, "span", "visually-hidden", labels::category(i18n, offer.category));
    buf.push_str("</span>");
    if offer.lang != cx.locale.as_str() {
        element(buf, "span", "untranslated", t_string!(i18n, content.only_in_german));
    }
    when_html(buf, cx, offer);
    buf.push_str(r#"<p class="offer-meta">"#);
    element(buf, "span", "ages", &age_text(offer.ages));
    if offer.is_free {
        buf.push_str(" · ");
        element(buf, "span", "free", t_string!(i18n, board.free));
    }
    buf.push_str(" · ");
    element(buf, "bdi", "place", &offer.place_name);
    // A place in the next quarter is named with its quarter: families judge the way by it.
    if let Some(quarter) = &offer.place_quarter {
        text(t_string!(i18n, summary.list_separator), buf);
        element(buf, "bdi", "place-quarter", quarter);
    }
    buf.push_str("</p>");
    // German is what every offer here speaks: the line is there when others are spoken too.
    if offer.languages.iter().any(|l| l != "de") {
        let sep = t_string!(i18n, summary.list_separator);
        let names = offer.languages.iter().map(|l| labels::spoken_language(i18n, l)).collect::<Vec<_>>();
        element(buf, "p", "offer-languages", &names.join(sep));
    }
    if let Some(c) = &offer.cancelled_this_week {
        buf.push_str(r#"<p class="status cancelled">"#);
        text(t_string!(i18n, occurrence.cancelled), buf);
        buf.push(' ');
        day_html(buf, cx, c.date, &times_text(i18n, c.times));
        buf.push_str("</p>");
    }
    buf.push_str(r#"<a class="save" href=""#);
    attr(links.save_href, buf);
    buf.push_str(r#"" rel="nofollow""#);
    if saved {
        buf.push_str(r#" aria-current="true""#);
    }
    buf.push('>');
    icon_html(Icon::Star.name(), buf);
    element(
        buf,
        "span",
        "save-word",
        if saved { t_string!(i18n, shortlist.saved) } else { t_string!(i18n, shortlist.add) },
    );
    buf.push_str(r#"<span class="visually-hidden">: "#);
    text(&offer.title, buf);
    buf.push_str("</span></a></article></li>");
}

/// "Heute 10:00–11:30 Uhr · jeden Mittwoch": the next date in words of the coming week, then
/// each rule (without the times the next date already says).
fn when_html(buf: &mut String, cx: &CardContext, offer: &OfferSummary) {
    let i18n = cx.i18n;
    if offer.schedules.is_empty() {
        element(buf, "p", "when none", t_string!(i18n, board.no_slots));
        return;
    }
    buf.push_str(r#"<p class="when">"#);
    let sep = t_string!(i18n, summary.part_separator);
    let mut first = true;
    if let Some(next) = &offer.next {
        day_html(buf, cx, next.date, &times_text(i18n, next.times));
        first = false;
    }
    for s in &offer.schedules {
        for (part, is_time) in card_parts(i18n, s, offer.next.as_ref(), cx.today) {
            if !first {
                text(sep, buf);
            }
            first = false;
            if is_time {
                time_element(buf, &part);
            } else {
                element(buf, "span", "", &part);
            }
        }
    }
    buf.push_str("</p>");
}

/// `<b>Heute</b> <bdi class="time" dir="ltr">10:00–11:30 Uhr</bdi>`.
fn day_html(buf: &mut String, cx: &CardContext, date: NaiveDate, times: &str) {
    element(buf, "b", "", &day_word(cx.i18n, date, cx.today));
    buf.push(' ');
    time_element(buf, times);
}

/// A time or range, isolated and left-to-right in every language, never broken across lines.
fn time_element(buf: &mut String, words: &str) {
    buf.push_str(r#"<bdi class="time" dir="ltr">"#);
    text(words, buf);
    buf.push_str("</bdi>");
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
