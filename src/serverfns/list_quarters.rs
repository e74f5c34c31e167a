//! The quarters for the start page and the 404 page.

use crate::domain::quarter::QuarterSummary;
use crate::error::AppError;
use leptos::prelude::*;

/// Every quarter, by name, texts in `locale`.
#[server]
pub async fn list_quarters(locale: String) -> Result<Vec<QuarterSummary>, AppError> {
    super::check_locale(&locale)?;
    Ok(super::db()?.list_quarters(&locale).await?)
}
