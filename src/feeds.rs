//! HTTP handlers for the iCalendar feeds: `/feeds/<lang>/offers/<offer>.ics`,
//! `/feeds/<lang>/quarters/<quarter>.ics` (with the board's filter in the query, e.g. `?age=7&day=3`:
//! the offers that filtered board shows), `/feeds/<lang>/places/<place>.ics` and
//! `/feeds/<lang>/organisations/<organisation>.ics`.

use crate::clock::local_now;
use crate::db::{DbError, FeedOf};
use crate::domain::filter::parse_query_string;
use crate::domain::schedule::Schedule;
use crate::domain::slug::check_slug;
use crate::ical::{feed, offer_entries, FeedContext};
use crate::service;
use crate::state::AppState;
use crate::ui::locale::find_locale;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{Duration, Utc};

/// The feed routes, to be merged into the app router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/feeds/{lang}/offers/{file}", get(offer_feed))
        .route("/feeds/{lang}/quarters/{file}", get(quarter_feed))
        .route("/feeds/{lang}/places/{file}", get(place_feed))
        .route("/feeds/{lang}/organisations/{file}", get(organisation_feed))
}

/// Checks the locale and the `<slug>.ics` file name; `None` means 404.
fn parse<'a>(lang: &str, file: &'a str) -> Option<&'a str> {
    find_locale(lang)?;
    let slug = file.strip_suffix(".ics")?;
    check_slug(slug).ok().map(|()| slug)
}

fn error(e: DbError) -> Response {
    match e {
        DbError::NotFound => StatusCode::NOT_FOUND.into_response(),
        other => {
            tracing::error!(error = %other, "feed failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn ics(name: &str, body: String) -> Response {
    let disposition = format!("inline; filename=\"{name}.ics\"");
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

async fn offer_feed(State(state): State<AppState>, Path((lang, file)): Path<(String, String)>) -> Response {
    let Some(slug) = parse(&lang, &file) else { return StatusCode::NOT_FOUND.into_response() };
    let offer = match service::offer(&state.db, &state.calendar, &state.public_url, &lang, slug).await {
        Ok(o) => o,
        Err(e) => return error(e),
    };
    let today = local_now(state.calendar.tz).date();
    let cal = match service::holiday_calendar(&state.db, &state.calendar, today).await {
        Ok(c) => c,
        Err(e) => return error(e),
    };
    let location = format!("{}, {}", offer.place.name, offer.place.address);
    let entries =
        offer_entries(offer.id, &offer.title, Some(&offer.description), &location, &offer.schedules);
    let ctx = FeedContext {
        name: &offer.title,
        tz: state.calendar.tz,
        cal: &cal,
        window: window(today),
        stamp: Utc::now(),
    };
    ics(slug, feed(&ctx, &entries))
}

async fn quarter_feed(
    State(state): State<AppState>,
    Path((lang, file)): Path<(String, String)>,
    RawQuery(query): RawQuery,
) -> Response {
    let Some(slug) = parse(&lang, &file) else { return StatusCode::NOT_FOUND.into_response() };
    let (filter, _) = parse_query_string(&query.unwrap_or_default());
    let board = match service::board(&state.db, &state.calendar, &lang, slug, filter).await {
        Ok(board) => board,
        Err(e) => return error(e),
    };
    let offers = board.matching_offers();
    let offers = offers
        .map(|o| (o.id, o.title.clone(), o.place_name.clone(), o.schedules.clone()))
        .collect::<Vec<_>>();
    respond(&state, slug, &board.quarter.name, &offers).await
}

async fn place_feed(State(state): State<AppState>, Path((lang, file)): Path<(String, String)>) -> Response {
    let Some(slug) = parse(&lang, &file) else { return StatusCode::NOT_FOUND.into_response() };
    listed_feed(&state, &lang, slug, FeedOf::Place(slug)).await
}

async fn organisation_feed(
    State(state): State<AppState>,
    Path((lang, file)): Path<(String, String)>,
) -> Response {
    let Some(slug) = parse(&lang, &file) else { return StatusCode::NOT_FOUND.into_response() };
    listed_feed(&state, &lang, slug, FeedOf::Organisation(slug)).await
}

async fn listed_feed(state: &AppState, lang: &str, slug: &str, of: FeedOf<'_>) -> Response {
    let (name, offers) = match state.db.list_feed_offers(lang, of).await {
        Ok(found) => found,
        Err(e) => return error(e),
    };
    let offers = offers.into_iter().map(|o| (o.id, o.title, o.place_name, o.schedules)).collect::<Vec<_>>();
    respond(state, slug, &name, &offers).await
}

/// One feed of several offers: (id, title, place, schedules) each.
async fn respond(
    state: &AppState,
    file: &str,
    name: &str,
    offers: &[(i64, String, String, Vec<Schedule>)],
) -> Response {
    let today = local_now(state.calendar.tz).date();
    let cal = match service::holiday_calendar(&state.db, &state.calendar, today).await {
        Ok(c) => c,
        Err(e) => return error(e),
    };
    let entries: Vec<_> = offers
        .iter()
        .flat_map(|(id, title, place, schedules)| offer_entries(*id, title, None, place, schedules))
        .collect();
    let ctx =
        FeedContext { name, tz: state.calendar.tz, cal: &cal, window: window(today), stamp: Utc::now() };
    ics(file, feed(&ctx, &entries))
}

/// Exclusions are listed from two months back to two years ahead (within one bounded expansion).
pub fn window(today: chrono::NaiveDate) -> (chrono::NaiveDate, chrono::NaiveDate) {
    (today - Duration::days(60), today + Duration::days(730))
}
