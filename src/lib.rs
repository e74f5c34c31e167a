//! Quartiersboard: the offers for children and families in a city's quarters, visible per
//! quarter, in the residents' languages. Shared code (domain, UI, server-function signatures)
//! builds for the server and the browser; server-only modules are gated here as a whole.

// Leptos views are deeply nested types; the filter form needs more than the default 128 in
// release builds (debug builds erase component types and do not hit the limit).
#![recursion_limit = "256"]

pub mod app;
#[cfg(feature = "ssr")]
pub mod auth;
pub mod domain;
pub mod error;
pub mod serverfns;
pub mod ui;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

#[cfg(feature = "ssr")]
pub mod api;
#[cfg(feature = "ssr")]
pub mod calendar_import;
#[cfg(feature = "ssr")]
pub mod calendar_sources;
#[cfg(feature = "ssr")]
pub mod city_data;
#[cfg(feature = "ssr")]
pub mod cli;
#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod config;
#[cfg(feature = "ssr")]
pub mod coverage_csv;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod editing;
#[cfg(feature = "ssr")]
pub mod feeds;
#[cfg(feature = "ssr")]
pub mod flights;
#[cfg(feature = "ssr")]
pub mod holiday_import;
#[cfg(feature = "ssr")]
pub mod ical;
#[cfg(feature = "ssr")]
pub mod import_jobs;
#[cfg(feature = "ssr")]
pub mod jsonld;
#[cfg(feature = "ssr")]
pub mod kiosk;
#[cfg(feature = "ssr")]
pub mod language;
#[cfg(feature = "ssr")]
pub mod maintenance;
#[cfg(feature = "ssr")]
pub mod media;
#[cfg(feature = "ssr")]
pub mod memo;
#[cfg(feature = "ssr")]
pub mod offer_csv;
#[cfg(feature = "ssr")]
pub mod ops;
#[cfg(feature = "ssr")]
pub mod page_cache;
#[cfg(feature = "ssr")]
pub mod qr;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod server;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod short_links;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod transfer;
#[cfg(feature = "ssr")]
pub mod uploads;
#[cfg(feature = "ssr")]
pub mod waiting_cards;

/// Entry point of the browser build: wakes up the interactive parts of the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    #[cfg(feature = "islands")]
    leptos::mount::hydrate_islands();
    #[cfg(not(feature = "islands"))]
    leptos::mount::hydrate_body(app::App);
    // Browser tests wait for this mark: the wasm loaded (the CSP allowed it) and hydration ran.
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-hydrated", "");
    }
}
