//! Shared server state, handed to routes through axum and to server functions through context.

use crate::config::CalendarSettings;
use crate::db::Db;
use crate::ui::{DemoNotice, PublicUrl};
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;

#[derive(Clone, Debug, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// The demo city is loaded: pages say so.
    pub demo: bool,
    pub calendar: CalendarSettings,
    /// Base of absolute links (QR codes, feeds, sharing).
    pub public_url: String,
    /// Sign-in attempt limits of this process.
    pub limits: std::sync::Arc<crate::auth::limit::SignInLimits>,
    /// Rendered public pages of this process.
    pub pages: std::sync::Arc<crate::page_cache::PageCache>,
    pub security: crate::security::SecuritySettings,
    pub legal: crate::ui::Legal,
    /// Fingerprint of the deployed front end (kiosk screens reload when it changes).
    pub front_version: crate::kiosk::FrontVersion,
    /// Imports running in the background in this process.
    pub imports: std::sync::Arc<crate::import_jobs::ImportJobs>,
    /// The staff sessions, for background work that reports into one.
    pub sessions: crate::auth::session::Store,
}

impl AppState {
    /// Puts what server functions and components need into the Leptos context of a request.
    pub fn provide(&self) {
        provide_context(self.db.clone());
        provide_context(DemoNotice(self.demo));
        provide_context(self.calendar.clone());
        provide_context(PublicUrl(self.public_url.clone()));
        provide_context(self.limits.clone());
        provide_context(self.security.clone());
        provide_context(self.legal.clone());
        provide_context(self.front_version.clone());
        provide_context(self.imports.clone());
    }
}
