//! The cards not on show, when there are many (`board_cards::INLINE_WAITING`): fetched after the
//! page has loaded and put into the list's `<template>` a slice at a time.

use super::{apply, find_cards, select, Shared};
use crate::ui::components::board_cards::card_slices;
use crate::ui::dom;
use leptos::prelude::set_timeout;
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::HtmlTemplateElement;

/// Cards put into the page per task. All 150 of a 200-offer board at once were one task of
/// ~120 ms on a slow phone (Lighthouse's 4× slower CPU): the board's Total Blocking Time (#11, B9).
const PER_TASK: usize = 25;

/// Fetches the waiting cards from `src`; then shows what the filter (changed meanwhile, perhaps)
/// matches.
pub(super) async fn fetch(live: Shared, src: String) {
    match dom::fetch_text(&src).await {
        Some(html) => {
            let mut slices = card_slices(&html, PER_TASK).into_iter().map(str::to_owned).collect::<Vec<_>>();
            slices.reverse();
            insert(live, slices);
        }
        None => {
            {
                let mut l = live.borrow_mut();
                l.server_only = true;
                l.waiting_src = None;
            }
            done(&live);
        }
    }
}

/// Puts the next slice (the last of `slices`) into the template, the rest in later tasks; then,
/// in tasks of their own, finds the cards and shows the filter's.
fn insert(live: Shared, mut slices: Vec<String>) {
    let Some(slice) = slices.pop() else {
        {
            let mut l = live.borrow_mut();
            l.waiting_src = None;
            if let Some(template) = select(&l.doc, "template.offers-waiting") {
                let _ = template.remove_attribute("data-src");
            }
        }
        find_cards(&live);
        set_timeout(move || done(&live), Duration::ZERO);
        return;
    };
    append(&live, &slice);
    set_timeout(move || insert(live, slices), Duration::ZERO);
}

/// Appends the cards `html` writes to the template's content (parsed inert, in a template of
/// its own: nothing in it loads or runs).
fn append(live: &Shared, html: &str) {
    let doc = live.borrow().doc.clone();
    let template = |el: Option<web_sys::Element>| el.and_then(|t| t.dyn_into::<HtmlTemplateElement>().ok());
    let (Some(waiting), Some(scratch)) =
        (template(select(&doc, "template.offers-waiting")), template(doc.create_element("template").ok()))
    else {
        return;
    };
    scratch.set_inner_html(html);
    let _ = waiting.content().append_child(&scratch.content());
}

/// Shows what the filter matches. Without the cards (the fetch failed), a filter changed
/// meanwhile is the server's to show: the page for it is loaded.
fn done(live: &Shared) {
    let (changed, server_only) = {
        let l = live.borrow();
        (l.filter != l.served, l.server_only)
    };
    apply(live, changed && server_only);
}
