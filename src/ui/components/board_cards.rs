//! A board's offer cards as HTML: the shown ones go in the page's list; the others wait for the
//! filter island. A few waiting cards travel in the page's `<template>`; more are fetched by the
//! island after the page has loaded (`/<lang>/<quarter>/cards?<query>`, `crate::waiting_cards`):
//! an uncached 500-offer board used to write, and compress, 450 cards nobody sees before they
//! filter (issue #11, B5).

use super::offer_card::{offer_card_html, CardContext, CardLinks, CARD_START};
use crate::domain::board::Board;
use crate::domain::filter::{shown, to_query};
use crate::domain::shortlist::{list_value, toggled};

/// Waiting cards up to this many are part of the page: fetching them would cost a slow phone a
/// second round trip for a few kilobytes.
pub const INLINE_WAITING: usize = 50;

/// Which of a board's cards to write.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Which {
    /// In the list: matching, and among the first 50 unless "show all".
    Shown,
    /// The rest, for the filter island.
    Waiting,
}

/// Whether each offer of `board` is shown (board order).
pub fn shown_of(board: &Board) -> Vec<bool> {
    shown(&board.matches, board.filter.all)
}

/// The `which` cards of `board`, in board order, and how many.
pub fn cards_html(cx: &CardContext, board: &Board, which: Which) -> (String, usize) {
    let filter_query = to_query(&board.filter);
    let offer_query = offer_query(&board.list);
    let mut buf = String::new();
    let mut count = 0;
    for (offer, shown) in board.offers.iter().zip(shown_of(board)) {
        if shown != (which == Which::Shown) {
            continue;
        }
        if buf.is_empty() {
            buf.reserve(1200 * board.offers.len().min(100));
        }
        let saved = board.list.contains(&offer.slug);
        let save_href = save_href(&filter_query, &toggled(&board.list, &offer.slug), &offer.slug);
        offer_card_html(
            &mut buf,
            cx,
            offer,
            saved,
            &CardLinks { offer_query: &offer_query, save_href: &save_href },
        );
        count += 1;
    }
    (buf, count)
}

/// `html`, cards as `cards_html` writes them, cut into slices of at most `per` cards each (in
/// order; together they are `html`): the filter island puts fetched cards into the page a slice
/// per task, so that no single task keeps a slow phone busy.
pub fn card_slices(html: &str, per: usize) -> Vec<&str> {
    let mut slices = Vec::new();
    let mut from = 0;
    for (i, (at, _)) in html.match_indices(CARD_START).enumerate() {
        if i > 0 && i % per.max(1) == 0 {
            slices.push(&html[from..at]);
            from = at;
        }
    }
    if from < html.len() {
        slices.push(&html[from..]);
    }
    slices
}

/// Where the island fetches the waiting cards of the board at `/<locale>/<quarter>` for `board`'s
/// filter and list.
pub fn waiting_src(locale: &str, quarter: &str, board: &Board) -> String {
    let query = board_href(&to_query(&board.filter), &board.list);
    format!("/{locale}/{quarter}/cards{}", if query == "?" { "" } else { &query })
}

/// The board with `list` as its shortlist, back at the card of `slug` (without JavaScript,
/// "Merken" reloads the board and the resident lands where they tapped).
pub fn save_href(filter_query: &str, list: &[String], slug: &str) -> String {
    format!("{}#{}", board_href(filter_query, list), card_id(slug))
}

/// The element id of an offer's card on the board (`#o-<slug>`).
pub fn card_id(slug: &str) -> String {
    format!("o-{slug}")
}

/// `?list=<list>` for the links to an offer's page, which keep the shortlist; empty without one.
pub fn offer_query(list: &[String]) -> String {
    if list.is_empty() {
        String::new()
    } else {
        format!("?list={}", list_value(list))
    }
}

/// `?<filter>&list=<list>` for the board's own links (the list survives filtering and back).
pub fn board_href(filter_query: &str, list: &[String]) -> String {
    let list = list_value(list);
    match (filter_query.is_empty(), list.is_empty()) {
        (true, true) => "?".to_owned(),
        (false, true) => format!("?{filter_query}"),
        (true, false) => format!("?list={list}"),
        (false, false) => format!("?{filter_query}&list={list}"),
    }
}
