//! "Merken" in place: a tap on a card's save link puts the offer on (or off) the shortlist in the
//! address, without loading the page; the card, the other cards' links and the result bar's
//! shortlist link follow. The shortlist still lives only in the address.

use super::{select, Shared};
use crate::domain::filter::{query_pairs, to_query};
use crate::domain::shortlist::{list_value, parse_list, toggled};
use crate::ui::components::board_cards::{board_href, offer_query, save_href};
use crate::ui::dom;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlTemplateElement};

/// The shortlist in the address.
pub(super) fn current_list() -> Vec<String> {
    query_pairs(&dom::current_query())
        .into_iter()
        .find(|(k, _)| k == "list")
        .map(|(_, v)| parse_list(&v))
        .unwrap_or_default()
}

/// The save link `link` was tapped: toggles its offer, then shows the new list everywhere.
pub(super) fn toggle(live: &Shared, link: &Element) {
    let Some(slug) = link.closest("li.offer").ok().flatten().and_then(|li| li.get_attribute("data-slug"))
    else {
        return;
    };
    let list = toggled(&current_list(), &slug);
    let filter = to_query(&live.borrow().filter);
    let query = board_href(&filter, &list).trim_start_matches('?').to_owned();
    // Not a new history entry: the back button leaves the board, as before the tap.
    dom::replace_query(&query);
    show(live, &list);
}

/// Writes `list` into every card's save state and links, and into the result bar.
pub(super) fn show(live: &Shared, list: &[String]) {
    let l = live.borrow();
    let filter = to_query(&l.filter);
    let (saved_word, save_word) = (&l.texts.saved, &l.texts.save);
    let doc = &l.doc;
    let lang =
        doc.document_element().map(|e| e.get_attribute("lang").unwrap_or_default()).unwrap_or_default();
    for card in cards(doc) {
        let Some(slug) = card.get_attribute("data-slug") else { continue };
        let saved = list.contains(&slug);
        if let Ok(Some(a)) = card.query_selector("a.save") {
            let _ = a.set_attribute("href", &save_href(&filter, &toggled(list, &slug), &slug));
            let _ = if saved {
                a.set_attribute("aria-current", "true")
            } else {
                a.remove_attribute("aria-current")
            };
            if let Ok(Some(word)) = a.query_selector(".save-word") {
                word.set_text_content(Some(if saved { saved_word } else { save_word }));
            }
        }
        if let Ok(Some(a)) = card.query_selector(".offer-title a") {
            let _ = a.set_attribute("href", &format!("/{lang}/offers/{slug}{}", offer_query(list)));
        }
    }
    if let Some(link) = select(doc, ".shortlist-link") {
        let _ = link.toggle_attribute_with_force("hidden", list.is_empty());
        let _ = link.set_attribute("href", &format!("/{lang}/list?list={}", list_value(list)));
        if let Ok(Some(count)) = link.query_selector(".shortlist-count") {
            count.set_text_content(Some(&list.len().to_string()));
        }
    }
}

/// Every card: those in the list and those waiting in its template.
fn cards(doc: &Document) -> Vec<Element> {
    let mut out = Vec::new();
    let waiting = select(doc, "template.offers-waiting")
        .and_then(|t| t.dyn_into::<HtmlTemplateElement>().ok())
        .map(|t| t.content());
    let lists = [
        doc.query_selector_all("ul.offers > li.offer").ok(),
        waiting.and_then(|w| w.query_selector_all("li.offer").ok()),
    ];
    for found in lists.into_iter().flatten() {
        out.extend((0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<Element>().ok()));
    }
    out
}
