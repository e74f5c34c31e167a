//! The board of one quarter.

use crate::domain::board::Board;
use crate::error::AppError;
use leptos::prelude::*;

/// A quarter's board in `locale`; `NotFound` for an unknown or malformed quarter slug.
#[server]
pub async fn get_board(locale: String, quarter: String) -> Result<Board, AppError> {
    super::check_locale(&locale)?;
    crate::domain::slug::check_slug(&quarter).map_err(|_| AppError::NotFound)?;
    Ok(crate::service::board(&super::db()?, &super::calendar()?, &locale, &quarter).await?)
}
