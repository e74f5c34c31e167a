//! Server functions: thin wrappers that check their arguments, make one call into the storage
//! layer and map its error. Their signatures are shared with the browser.

pub mod account;
pub mod calendars;
mod get_board;
mod get_coverage;
mod get_data_import;
mod get_directory;
mod get_kiosk;
mod get_kiosks;
mod get_legal;
mod get_offer;
mod get_print;
mod get_shortlist;
mod get_week;
pub mod identity;
mod list_quarters;
pub mod offers;
pub mod plan;
pub mod records;
mod search_offers;
pub mod users;

#[cfg(feature = "ssr")]
pub mod flash;
#[cfg(feature = "ssr")]
pub mod respond;

pub use get_board::get_board;
pub use get_coverage::{get_coverage, GetCoverage};
pub use get_data_import::get_data_import;
pub use get_directory::get_directory;
pub use get_kiosk::get_kiosk;
pub use get_kiosks::{get_kiosks, GetKiosks, KioskLink};
pub use get_legal::get_legal;
pub use get_offer::get_offer;
pub use get_print::{get_print, GetPrint};
pub use get_shortlist::get_shortlist;
pub use get_week::get_week;
pub use list_quarters::list_quarters;
pub use search_offers::search_offers;

/// The database handle of the current request.
#[cfg(feature = "ssr")]
fn db() -> Result<crate::db::Db, crate::error::AppError> {
    leptos::prelude::use_context::<crate::db::Db>().ok_or_else(|| {
        tracing::error!("no database in the request context");
        crate::error::AppError::Internal
    })
}

/// The calendar settings (region, time zone) of this installation.
#[cfg(feature = "ssr")]
fn calendar() -> Result<crate::config::CalendarSettings, crate::error::AppError> {
    leptos::prelude::use_context::<crate::config::CalendarSettings>().ok_or_else(|| {
        tracing::error!("no calendar settings in the request context");
        crate::error::AppError::Internal
    })
}

/// Checks a locale code against the configured locales.
#[cfg(feature = "ssr")]
fn check_locale(code: &str) -> Result<(), crate::error::AppError> {
    use crate::i18n::Locale;
    use leptos_i18n::Locale as _;
    if Locale::get_all().iter().any(|l| l.as_str() == code) {
        Ok(())
    } else {
        Err(crate::error::AppError::Invalid { field: "locale".into(), reason: "unknown_locale".into() })
    }
}
