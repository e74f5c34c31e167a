//! The few direct DOM touches of the filter island: showing matching offers, the URL, the
//! back button. On the server (and in tests) they do nothing.

/// The board's offer cards, found once, each with its offer's place in the filter's facts; and
/// whether each is shown. On the server it holds nothing.
#[derive(Default)]
pub struct Cards {
    #[cfg(feature = "hydrate")]
    items: Vec<(web_sys::Element, usize)>,
    shown: Vec<bool>,
}

impl Cards {
    /// The cards on the page whose slug is one of `slugs` (the facts' order).
    pub fn find(slugs: &[&str]) -> Self {
        #[cfg(feature = "hydrate")]
        {
            let mut items = Vec::new();
            let mut next = 0;
            if let Some(list) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.query_selector_all("li.offer[data-slug]").ok())
            {
                for i in 0..list.length() {
                    let Some(el) =
                        list.item(i).and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                    else {
                        continue;
                    };
                    let Some(slug) = el.get_attribute("data-slug") else { continue };
                    // The facts are in page order: look on from the last card, then from the start.
                    if let Some(index) = (next..slugs.len()).chain(0..next).find(|i| slugs[*i] == slug) {
                        items.push((el, index));
                        next = index + 1;
                    }
                }
            }
            let shown = items.iter().map(|(el, _)| !el.has_attribute("hidden")).collect();
            Cards { items, shown }
        }
        #[cfg(not(feature = "hydrate"))]
        {
            let _ = slugs;
            Cards::default()
        }
    }

    /// Shows the cards whose offer matches (`matching`, in the facts' order) and hides the others
    /// (out of sight and out of the accessibility tree), touching only cards that change.
    pub fn show(&mut self, matching: &[bool]) {
        #[cfg(feature = "hydrate")]
        for ((el, index), shown) in self.items.iter().zip(self.shown.iter_mut()) {
            let show = matching.get(*index).copied().unwrap_or(false);
            if show == *shown {
                continue;
            }
            *shown = show;
            let _ = if show {
                el.remove_attribute("hidden").and_then(|()| el.remove_attribute("aria-hidden"))
            } else {
                el.set_attribute("hidden", "").and_then(|()| el.set_attribute("aria-hidden", "true"))
            };
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (matching, &mut self.shown);
    }

    /// Moves the keyboard focus to the link of the `nth` shown card (from 0), if there is one:
    /// after "show all", to the first card that came into view.
    pub fn focus_shown(&self, nth: usize) {
        #[cfg(feature = "hydrate")]
        if let Some((el, _)) =
            self.items.iter().zip(&self.shown).filter(|(_, s)| **s).map(|(i, _)| i).nth(nth)
        {
            if let Some(link) = el
                .query_selector("h3 a")
                .ok()
                .flatten()
                .and_then(|l| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(l).ok())
            {
                let _ = link.focus();
            }
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = nth;
    }
}

/// Puts `query` (without `?`) into the address bar as a new history entry.
pub fn push_query(query: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(w) = web_sys::window() {
        let path = w.location().pathname().unwrap_or_default();
        let url = if query.is_empty() { path } else { format!("{path}?{query}") };
        if let Ok(h) = w.history() {
            let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = query;
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
