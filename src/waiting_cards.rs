//! `GET /<lang>/<quarter>/cards?<query>`: the cards a board page for the same address leaves out
//! (those not shown), as HTML, in board order. The filter island fetches them after the page has
//! loaded, so an uncached board writes and compresses only the cards on show (issue #11, B5).
//! A public address: the page cache keeps and compresses it like the page.

use crate::state::AppState;
use crate::ui::components::board_cards::{cards_html, Which};
use crate::ui::components::offer_card::CardContext;
use crate::ui::locale::find_locale;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::Owner;

/// The route, to be merged into the app router.
pub fn routes() -> Router<AppState> {
    Router::new().route("/{lang}/{quarter}/cards", get(waiting_cards))
}

async fn waiting_cards(
    State(state): State<AppState>,
    Path((lang, quarter)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(locale) = find_locale(&lang) else { return StatusCode::NOT_FOUND.into_response() };
    let query = query.unwrap_or_default();
    let board =
        match crate::service::board_for_query(&state.db, &state.calendar, &lang, &quarter, &query).await {
            Ok(board) => board,
            Err(e) => return crate::kiosk::failed(e),
        };
    let html = Owner::new()
        .with(|| cards_html(&CardContext::for_locale(locale, board.today), &board, Which::Waiting).0);
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response()
}
