//! Direct DOM touches of the islands: showing matching offers, the URL, the
//! back button. On the server (and in tests) they do nothing.

/// The board's offer cards, found once, each with its offer's place in the filter's facts (in
/// that order); and whether each is shown. Shown cards are in the board's list; the others wait
/// outside the page (at first in the list's `<template>`), so that style, layout, paint and hit
/// testing only ever see the few cards on show. On the server it holds nothing.
#[derive(Default)]
pub struct Cards {
    #[cfg(feature = "hydrate")]
    list: Option<web_sys::Element>,
    #[cfg(feature = "hydrate")]
    items: Vec<(web_sys::Element, usize)>,
    shown: Vec<bool>,
}

impl Cards {
    /// The cards whose slug is one of `slugs` (the facts' order): those in the list and those
    /// waiting in its template.
    pub fn find(slugs: &[&str]) -> Self {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let document = web_sys::window().and_then(|w| w.document());
            let list = document.as_ref().and_then(|d| d.query_selector("ul.offers").ok().flatten());
            let waiting = document
                .as_ref()
                .and_then(|d| d.query_selector("template.offers-waiting").ok().flatten())
                .and_then(|t| t.dyn_into::<web_sys::HtmlTemplateElement>().ok())
                .map(|t| t.content());
            let mut found = Vec::with_capacity(slugs.len());
            let lists = [
                list.as_ref().and_then(|l| l.query_selector_all("li.offer[data-slug]").ok()),
                waiting.and_then(|w| w.query_selector_all("li.offer[data-slug]").ok()),
            ];
            for (in_list, cards) in [true, false].into_iter().zip(lists) {
                let Some(cards) = cards else { continue };
                // Each holds its cards in the facts' order: look on from the last card found.
                let mut next = 0;
                for i in 0..cards.length() {
                    let Some(el) = cards.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
                        continue;
                    };
                    let Some(slug) = el.get_attribute("data-slug") else { continue };
                    if let Some(at) = (next..slugs.len()).chain(0..next).find(|i| slugs[*i] == slug) {
                        found.push(((el, at), in_list));
                        next = at + 1;
                    }
                }
            }
            found.sort_by_key(|((_, at), _)| *at);
            let (items, shown) = found.into_iter().unzip();
            Cards { list, items, shown }
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = slugs;
            Cards::default()
        }
    }

    /// Shows the cards whose offer matches (`matching`, in the facts' order) and takes the others
    /// out of the page, touching only cards that change; the list keeps the facts' order.
    pub fn show(&mut self, matching: &[bool]) {
        #[cfg(feature = "hydrate")]
        {
            let Some(list) = &self.list else { return };
            // The list holds the shown cards in the facts' order: walk it alongside.
            let mut next = list.first_child();
            for ((el, index), shown) in self.items.iter().zip(self.shown.iter_mut()) {
                let show = matching.get(*index).copied().unwrap_or(false);
                if *shown {
                    next = el.next_sibling();
                    if !show {
                        el.remove();
                    }
                } else if show {
                    let _ = list.insert_before(el, next.as_ref());
                }
                *shown = show;
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (matching, &mut self.shown);
    }
}

/// Puts `query` (without `?`) into the address bar as a new history entry.
pub fn push_query(query: &str) {
    set_query(query, true);
}

/// Puts `query` (without `?`) into the address bar in place of the current one.
pub fn replace_query(query: &str) {
    set_query(query, false);
}

fn set_query(query: &str, push: bool) {
    #[cfg(feature = "hydrate")]
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default();
        let url = if query.is_empty() { path } else { format!("{path}?{query}") };
        if let Ok(h) = w.history() {
            let none = wasm_bindgen::JsValue::NULL;
            let _ = if push {
                h.push_state_with_url(&none, "", Some(&url))
            } else {
                h.replace_state_with_url(&none, "", Some(&url))
            };
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (query, push);
}

/// The current query string without `?` (empty on the server).
pub fn current_query() -> String {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .map(|s| s.trim_start_matches('?').to_owned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    String::new()
}

/// Shares `url` with the phone's share sheet where the browser has one, else copies it to the
/// clipboard. Returns `true` when it copied (so the page can say so).
pub async fn share_or_copy(url: &str, title: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return false };
        let can_share =
            js_sys::Reflect::has(&nav, &wasm_bindgen::JsValue::from_str("share")).unwrap_or(false);
        if can_share {
            let data = web_sys::ShareData::new();
            data.set_url(url);
            data.set_title(title);
            let _ = wasm_bindgen_futures::JsFuture::from(nav.share_with_data(&data)).await;
            return false;
        }
        wasm_bindgen_futures::JsFuture::from(nav.clipboard().write_text(url)).await.is_ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (url, title);
        false
    }
}

/// The body of a successful GET of `url`; `None` when offline or the server answers with an error
/// (and always on the server).
pub async fn fetch_text(url: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let w = web_sys::window()?;
        let res = wasm_bindgen_futures::JsFuture::from(w.fetch_with_str(url)).await.ok()?;
        let res: web_sys::Response = res.dyn_into().ok()?;
        if !res.ok() {
            return None;
        }
        wasm_bindgen_futures::JsFuture::from(res.text().ok()?).await.ok()?.as_string()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = url;
        None
    }
}
