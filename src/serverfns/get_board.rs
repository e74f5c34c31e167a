//! The board of one quarter, filtered.

use crate::domain::board::Board;
use crate::error::AppError;
use leptos::prelude::*;

/// A quarter's board in `locale`, filtered by the URL query `query` (`age=7&day=3`, without `?`).
/// `NotFound` for an unknown or malformed quarter slug; nonsense in the query is reported in
/// `Board::not_understood`, never an error.
#[server]
pub async fn get_board(locale: String, quarter: String, query: String) -> Result<Board, AppError> {
    super::check_locale(&locale)?;
    Ok(crate::service::board_for_query(&super::db()?, &super::calendar()?, &locale, &quarter, &query).await?)
}
