//! The board's filter after the page has loaded: an island without markup of its own that takes
//! over the server-written form (`filter_form.rs`). On every change it reads the form, matches the
//! offers with the same domain rule as the server, moves the cards, writes the count, the ways to
//! widen an empty result and "show all", keeps the URL in sync (history entries, back button),
//! and asks the server only for text search.
//!
//! It listens to the form instead of rendering it: hydrating a reactive copy of the form walked
//! its ~60 elements and set up ~35 effects while the page started (the longest task of a board
//! load on a slow phone), and all that code was part of every page's wasm.

use super::filter_texts::CountWords;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "hydrate")]
mod browser;

/// The island's words: "N matching offers" and the labels of the ways to widen (keyed like
/// `filter::widenings`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveTexts {
    pub matching: CountWords,
    pub widen: Vec<(String, String)>,
    /// A card's save link, unsaved ("Merken") and saved ("Gemerkt").
    pub save: String,
    pub saved: String,
}

/// `filter` is the applied filter as its URL query; `facts` holds every offer of the board (slug
/// and what the filter needs, in board order) as `facts_code` writes them. Both travel as text:
/// decoding them is a few lines of code in the wasm, where derived JSON decoders were kilobytes.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn LiveFilter(
    filter: String,
    facts: String,
    today_bit: u8,
    quarter: String,
    texts: LiveTexts,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    browser::start(&filter, &facts, today_bit, quarter, texts);
    #[cfg(not(feature = "hydrate"))]
    let _ = (filter, facts, today_bit, quarter, texts);
}
