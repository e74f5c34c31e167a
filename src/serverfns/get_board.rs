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
    crate::domain::slug::check_slug(&quarter).map_err(|_| AppError::NotFound)?;
    let (filter, not_understood) = crate::domain::filter::parse_query_string(&query);
    let mut board =
        crate::service::board(&super::db()?, &super::calendar()?, &locale, &quarter, filter).await?;
    board.not_understood = not_understood;
    board.list = crate::domain::filter::query_pairs(&query)
        .iter()
        .find(|(k, _)| k == "list")
        .map(|(_, v)| crate::domain::shortlist::parse_list(v))
        .unwrap_or_default();
    Ok(board)
}
