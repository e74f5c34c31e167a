//! Text search for the board's filter island.

use crate::error::AppError;
use leptos::prelude::*;

/// Slugs of a quarter's published offers matching every word of `text` (any language).
#[server]
pub async fn search_offers(quarter: String, text: String) -> Result<Vec<String>, AppError> {
    crate::domain::slug::check_slug(&quarter).map_err(|_| AppError::NotFound)?;
    let text: String = text.chars().take(crate::domain::filter::MAX_QUERY_CHARS).collect();
    Ok(super::db()?.search_offers(&quarter, &text).await?.into_iter().collect())
}
