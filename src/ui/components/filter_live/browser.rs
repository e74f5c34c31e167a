//! The filter island in the browser: listeners on the server-written form and its links.

use super::LiveTexts;
use crate::domain::filter::{
    facts_code, parse_query, parse_query_string, query_pairs, shown, to_query, widenings, Filter, OfferFacts,
    Quick, Today, FIRST_SHOWN,
};
use crate::ui::components::board_cards::board_href;
use crate::ui::dom;
use leptos::prelude::{request_animation_frame, set_timeout};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, EventTarget, HtmlElement, HtmlFormElement, HtmlInputElement, HtmlSelectElement,
    MouseEvent,
};

pub(super) struct Live {
    doc: Document,
    form: HtmlFormElement,
    facts: Vec<(String, OfferFacts)>,
    today: Today,
    quarter: String,
    texts: LiveTexts,
    /// The applied filter.
    filter: Filter,
    /// The server's answer for the filter's text, once it came.
    hits: Option<HashSet<String>>,
    cards: Option<dom::Cards>,
    /// Where the cards not on show are still to be fetched from (the template's `data-src`).
    waiting_src: Option<String>,
    /// Fetching them failed: every filter change loads the server's page instead.
    server_only: bool,
    /// The filter the server rendered the page for.
    served: Filter,
    /// The shortlist (`saving`): kept in the address whatever the filter does.
    list: Vec<String>,
}

pub(super) type Shared = Rc<RefCell<Live>>;

mod saving;
mod waiting;

/// Takes over the board's filter form (the server showed the cards for `filter`: nothing changes
/// until the resident does something).
pub(super) fn start(filter: &str, facts: &str, today_bit: u8, quarter: String, texts: LiveTexts) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(form) = select(&doc, "form.filter-form").and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let live = Rc::new(RefCell::new(Live {
        doc: doc.clone(),
        form: form.clone(),
        facts: facts_code::decode(facts).unwrap_or_default(),
        today: Today { weekday_bit: today_bit },
        quarter,
        texts,
        filter: parse_query_string(filter).0,
        hits: None,
        cards: None,
        waiting_src: select(&doc, "template.offers-waiting").and_then(|t| t.get_attribute("data-src")),
        server_only: false,
        served: parse_query_string(filter).0,
        list: saving::list_in_address(),
    }));
    let l = live.clone();
    listen(&form, "change", move |ev| field_changed(&l, &ev, true));
    let l = live.clone();
    listen(&form, "input", move |ev| field_changed(&l, &ev, false));
    listen(&form, "submit", |ev| ev.prevent_default());
    let l = live.clone();
    listen(&doc, "click", move |ev| link_clicked(&l, &ev));
    if let Some(w) = web_sys::window() {
        let l = live.clone();
        listen(&w, "popstate", move |_| {
            if l.borrow().server_only {
                let _ = web_sys::window().map(|w| w.location().reload());
                return;
            }
            let filter = parse_query_string(&dom::current_query()).0;
            l.borrow_mut().hits = None;
            let text = filter.text.clone();
            set_filter(&l, filter, false, true);
            saving::keep_list(&l);
            if let Some(text) = text {
                search(&l, text);
            }
        });
    }
    let _ = form.set_attribute("data-live", "1");
    // What the resident changed while the page was still loading counts.
    form_changed(&live);
    let src = live.borrow().waiting_src.clone();
    match src {
        Some(src) => leptos::task::spawn_local(waiting::fetch(live, src)),
        // Finding the cards reads every card of the board: in a task of its own, after the start.
        None => set_timeout(move || find_cards(&live), Duration::ZERO),
    }
}

/// Calls `f` on every `name` event at `target`, for as long as the page lives.
fn listen(target: &EventTarget, name: &str, f: impl FnMut(Event) + 'static) {
    let f = Closure::<dyn FnMut(Event)>::new(f);
    let _ = target.add_event_listener_with_callback(name, f.as_ref().unchecked_ref());
    f.forget();
}

fn select(doc: &Document, selector: &str) -> Option<Element> {
    doc.query_selector(selector).ok().flatten()
}

/// Finds the cards, once they are all in the page.
fn find_cards(live: &Shared) {
    let mut l = live.borrow_mut();
    if l.cards.is_none() && l.waiting_src.is_none() {
        let slugs = l.facts.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>();
        l.cards = Some(dom::Cards::find(&slugs));
    }
}

/// A field changed (`committed`: a `change` event; else an `input` event, which the search field
/// waits out: its text goes to the server once it is complete).
fn field_changed(live: &Shared, ev: &Event, committed: bool) {
    let name = ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|e| e.get_attribute("name"));
    if !committed && name.as_deref() == Some("q") {
        return;
    }
    form_changed(live);
}

/// Applies what the form's fields say, if that differs from the applied filter.
fn form_changed(live: &Shared) {
    let (mut next, before) = {
        let l = live.borrow();
        (read_form(&l.form), l.filter.clone())
    };
    // The chips and "show all" are links, not fields: they stay as they were.
    next.quick = before.quick;
    next.all = before.all;
    if next == before {
        return;
    }
    let text = next.text.clone().filter(|_| next.text != before.text);
    live.borrow_mut().filter = next;
    apply(live, true);
    if let Some(text) = text {
        search(live, text);
    }
}

/// Asks the server which offers `text` finds, and applies the answer if the filter still has
/// that text when it comes.
fn search(live: &Shared, text: String) {
    let quarter = live.borrow().quarter.clone();
    let live = live.clone();
    leptos::task::spawn_local(async move {
        if let Some(hits) = ask_server(quarter, text.clone()).await {
            if live.borrow().filter.text.as_deref() != Some(text.as_str()) {
                return;
            }
            live.borrow_mut().hits = Some(hits.into_iter().collect());
            apply(&live, false);
        }
    });
}

/// The offers of `quarter` the server's text search finds for `text`. Its own WebAssembly chunk
/// (with the server-function client), fetched when a resident first searches.
#[leptos::lazy]
async fn ask_server(quarter: String, text: String) -> Option<Vec<String>> {
    crate::serverfns::search_offers(quarter, text).await.ok()
}

/// A click on one of the links the island takes over (`data-filter`, a card's save link).
fn link_clicked(live: &Shared, ev: &Event) {
    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    // A new tab or window for the link: the browser's own way.
    if ev
        .dyn_ref::<MouseEvent>()
        .is_some_and(|m| m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key())
    {
        return;
    }
    if let Some(save) = target.as_ref().and_then(|e| e.closest("li.offer a.save").ok().flatten()) {
        ev.prevent_default();
        leptos::task::spawn_local(saving::toggle(live.clone(), save));
        return;
    }
    if let Some(offer) = target.as_ref().and_then(|e| e.closest("li.offer .offer-title a").ok().flatten()) {
        saving::carry(live, &offer);
        return;
    }
    let Some(link) = target.and_then(|e| e.closest("a[data-filter]").ok().flatten()) else {
        return;
    };
    ev.prevent_default();
    // Text typed but not yet sent counts (a click need not take the focus from the field first).
    form_changed(live);
    let kind = link.get_attribute("data-filter").unwrap_or_default();
    let mut f = live.borrow().filter.clone();
    match kind.as_str() {
        "quick" => {
            let q = link.get_attribute("data-quick").and_then(|c| Quick::from_code(&c));
            f.quick = if f.quick == q { None } else { q };
        }
        "reset" => {
            live.borrow_mut().hits = None;
            f = Filter::default();
        }
        "all" => f.all = true,
        _ => {
            let href = link.get_attribute("href").unwrap_or_default();
            let query = href.split('#').next().unwrap_or_default();
            f = parse_query_string(query.trim_start_matches('?')).0;
        }
    }
    // A chip and "show all" change no field: the fields keep what is typed in them.
    let write = kind == "reset" || kind == "widen";
    set_filter(live, f, true, write);
    if kind == "all" {
        // Once the cards are in view: the keyboard goes on where the first 50 ended (the list
        // holds the shown cards only, in order).
        let doc = live.borrow().doc.clone();
        request_animation_frame(move || {
            let selector = format!("ul.offers > li.offer:nth-child({}) h3 a", FIRST_SHOWN + 1);
            if let Some(link) = select(&doc, &selector).and_then(|l| l.dyn_into::<HtmlElement>().ok()) {
                let _ = link.focus();
            }
        });
    }
}

/// Applies `filter`, and (`write`) shows it in the form's fields.
fn set_filter(live: &Shared, filter: Filter, push: bool, write: bool) {
    {
        let mut l = live.borrow_mut();
        if write {
            write_form(&l.form, &filter);
        }
        l.filter = filter;
    }
    apply(live, push);
}

/// The filter the form's fields say (`quick` and `all` are not fields).
fn read_form(form: &HtmlFormElement) -> Filter {
    let mut pairs = Vec::new();
    for el in fields(form) {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            let kind = input.type_();
            if input.disabled() || kind == "hidden" || (kind == "checkbox" && !input.checked()) {
                continue;
            }
            pairs.push((input.name(), input.value()));
        } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
            pairs.push((s.name(), s.value()));
        }
    }
    parse_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).0
}

/// Sets every field to what `filter` says.
fn write_form(form: &HtmlFormElement, filter: &Filter) {
    let pairs = query_pairs(&to_query(filter));
    let value_of = |name: &str| pairs.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str());
    for el in fields(form) {
        if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
            let (name, kind) = (input.name(), input.type_());
            if kind == "checkbox" {
                let value = input.value();
                input.set_checked(pairs.iter().any(|(k, v)| *k == name && *v == value));
            } else if kind != "hidden" {
                input.set_value(value_of(&name));
            }
        } else if let Some(s) = el.dyn_ref::<HtmlSelectElement>() {
            s.set_value(value_of(&s.name()));
        }
    }
    if filter.uses_more() {
        if let Ok(Some(details)) = form.query_selector("details.more") {
            let _ = details.set_attribute("open", "");
        }
    }
}

fn fields(form: &HtmlFormElement) -> Vec<Element> {
    let Ok(list) = form.query_selector_all("input[name], select[name]") else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// Shows what the applied filter matches: cards, count, ways to widen, "show all", chips; and
/// (`push`) puts the filter into the address bar.
fn apply(live: &Shared, push: bool) {
    if push && live.borrow().server_only {
        if let Some(w) = web_sys::window() {
            let l = live.borrow();
            let _ = w.location().set_search(&address_query(&l.filter, &l.list));
        }
        return;
    }
    find_cards(live);
    let mut l = live.borrow_mut();
    let Live { doc, form, facts, today, texts, filter, hits, cards, list: saved, .. } = &mut *l;
    let matching = facts
        .iter()
        .map(|(slug, fact)| {
            let text = hits.as_ref().map_or(fact.text_match, |h| h.contains(slug));
            filter.matches_text(fact, *today, text)
        })
        .collect::<Vec<_>>();
    if let Some(cards) = cards {
        cards.show(&shown(&matching, filter.all));
    }
    let count = matching.iter().filter(|m| **m).count();
    if let Some(p) = select(doc, ".match-count") {
        // A live region: written only when it says something new.
        let words = texts.matching.text(count);
        if p.text_content().as_deref() != Some(words.as_str()) {
            p.set_text_content(Some(&words));
        }
    }
    if let Some(empty) = select(doc, ".empty") {
        let _ = empty.toggle_attribute_with_force("hidden", count != 0);
    }
    if count == 0 {
        if let Some(list) = select(doc, "ul.widen") {
            widen_links(doc, &list, filter, texts);
        }
    }
    if let Some(p) = select(doc, ".show-all") {
        let _ = p.toggle_attribute_with_force("hidden", filter.all || count <= FIRST_SHOWN);
        if let Ok(Some(a)) = p.query_selector("a") {
            let _ =
                a.set_attribute("href", &format!("?{}", to_query(&Filter { all: true, ..filter.clone() })));
        }
    }
    if let Ok(Some(all)) = form.query_selector("input[name=all]") {
        let _ = all.toggle_attribute_with_force("disabled", !filter.all);
    }
    if let Ok(chips) = doc.query_selector_all("a[data-quick]") {
        for chip in (0..chips.length()).filter_map(|i| chips.item(i)?.dyn_into::<Element>().ok()) {
            let q = chip.get_attribute("data-quick").and_then(|c| Quick::from_code(&c));
            let _ = if filter.quick == q {
                chip.set_attribute("aria-current", "true")
            } else {
                chip.remove_attribute("aria-current")
            };
            let _ =
                chip.set_attribute("href", &format!("?{}", to_query(&Filter { quick: q, ..filter.clone() })));
        }
    }
    if push {
        let query = address_query(filter, saved);
        if query != dom::current_query() {
            // After the board has painted: a new history entry is not part of what the resident waits for.
            request_animation_frame(move || set_timeout(move || dom::push_query(&query), Duration::ZERO));
        }
    }
}

/// The address's query for `filter` and the shortlist `list`, which rides along in the URL.
fn address_query(filter: &Filter, list: &[String]) -> String {
    board_href(&to_query(filter), list).trim_start_matches('?').to_owned()
}

/// The ways to widen `filter`, as links, into `list`.
fn widen_links(doc: &Document, list: &Element, filter: &Filter, texts: &LiveTexts) {
    list.set_inner_html("");
    for (what, wider) in widenings(filter) {
        let label = texts.widen.iter().find(|(w, _)| w == what).map_or("", |(_, t)| t.as_str());
        let (Ok(li), Ok(a)) = (doc.create_element("li"), doc.create_element("a")) else { return };
        let _ = a.set_attribute("href", &format!("?{}", to_query(&wider)));
        let _ = a.set_attribute("data-filter", "widen");
        a.set_text_content(Some(label));
        let _ = li.append_child(&a);
        let _ = list.append_child(&li);
    }
}
