//! The week plan of one quarter.

use crate::domain::week_plan::WeekPage;
use crate::error::AppError;
use leptos::prelude::*;

/// The plan of ISO week `week` (`2026-W48`; this week when `None`) in `locale`. Unknown quarters
/// and malformed or far-away weeks are `NotFound`.
#[server]
pub async fn get_week(locale: String, quarter: String, week: Option<String>) -> Result<WeekPage, AppError> {
    super::check_locale(&locale)?;
    crate::domain::slug::check_slug(&quarter).map_err(|_| AppError::NotFound)?;
    let monday = match week.as_deref() {
        None => None,
        Some(w) => Some(crate::domain::week_plan::parse_iso_week(w).ok_or(AppError::NotFound)?),
    };
    Ok(crate::service::week(&super::db()?, &super::calendar()?, &locale, &quarter, monday).await?)
}
