//! "Merken" in place: a tap on a card's save link puts the offer on (or off) the shortlist
//! without loading the page. The shortlist still lives only in the address: the island keeps it
//! there through taps, filter changes and the back button, and the result bar's link and a
//! card's link to its offer carry it when followed.

use super::{address_query, select, Shared};
use crate::domain::filter::query_pairs;
use crate::domain::shortlist::{list_value, parse_list, toggled};
use crate::ui::components::board_cards::offer_query;
use crate::ui::dom;
use web_sys::Element;

/// The shortlist in the address.
pub(super) fn list_in_address() -> Vec<String> {
    query_pairs(&dom::current_query())
        .into_iter()
        .find(|(k, _)| k == "list")
        .map(|(_, v)| parse_list(&v))
        .unwrap_or_default()
}

/// The save link `link` was tapped: toggles its offer, in the address and on the page. Its own
/// WebAssembly chunk, fetched on the first tap (a board that is only read never loads it).
#[leptos::lazy]
pub(super) fn toggle(live: Shared, link: Element) {
    let (live, link) = (&live, &link);
    let Some(slug) = link.closest("li.offer").ok().flatten().and_then(|li| li.get_attribute("data-slug"))
    else {
        return;
    };
    let (query, saved, list) = {
        let mut l = live.borrow_mut();
        l.list = toggled(&l.list, &slug);
        (address_query(&l.filter, &l.list), l.list.contains(&slug), l.list.clone())
    };
    // Not a new history entry: the back button leaves the board, as before the tap.
    dom::replace_query(&query);
    let l = live.borrow();
    let _ = if saved {
        link.set_attribute("aria-current", "true")
    } else {
        link.remove_attribute("aria-current")
    };
    if let Ok(Some(word)) = link.query_selector(".save-word") {
        word.set_text_content(Some(if saved { &l.texts.saved } else { &l.texts.save }));
    }
    if let Some(bar) = select(&l.doc, ".shortlist-link") {
        let _ = bar.toggle_attribute_with_force("hidden", list.is_empty());
        let mut href = path_of(&bar);
        href.push_str("?list=");
        href.push_str(&list_value(&list));
        let _ = bar.set_attribute("href", &href);
        if let Ok(Some(count)) = bar.query_selector(".shortlist-count") {
            count.set_text_content(Some(&list.len().to_string()));
        }
    }
}

/// Back or forward to an address whose list is an older one: the resident's list stays.
pub(super) fn keep_list(live: &Shared) {
    let l = live.borrow();
    if list_in_address() != l.list {
        dom::replace_query(&address_query(&l.filter, &l.list));
    }
}

/// A card's link to its offer is followed: it carries today's list (cards are written with the
/// list the page was loaded with).
pub(super) fn carry(live: &Shared, link: &Element) {
    let mut href = path_of(link);
    href.push_str(&offer_query(&live.borrow().list));
    let _ = link.set_attribute("href", &href);
}

/// A link's address without its query.
fn path_of(link: &Element) -> String {
    let href = link.get_attribute("href").unwrap_or_default();
    href.split('?').next().unwrap_or_default().to_owned()
}
