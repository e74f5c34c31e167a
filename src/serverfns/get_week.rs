//! The week plan of one quarter.

use crate::domain::week_plan::WeekPage;
use crate::error::AppError;
use leptos::prelude::*;

/// The plan of ISO week `week` (`2026-W48`; this week when `None`) in `locale`, filtered like the
/// board by the URL query `query`. Unknown quarters
/// and malformed or far-away weeks are `NotFound`.
#[server]
pub async fn get_week(
    locale: String,
    quarter: String,
    week: Option<String>,
    query: String,
) -> Result<WeekPage, AppError> {
    super::check_locale(&locale)?;
    crate::domain::slug::check_slug(&quarter).map_err(|_| AppError::NotFound)?;
    let monday = match week.as_deref() {
        None => None,
        Some(w) => Some(crate::domain::week_plan::parse_iso_week(w).ok_or(AppError::NotFound)?),
    };
    let (filter, _) = crate::domain::filter::parse_query_string(&query);
    let mut page =
        crate::service::week(&super::db()?, &super::calendar()?, &locale, &quarter, monday, &filter).await?;
    page.query = crate::domain::filter::to_query(&filter);
    Ok(page)
}
