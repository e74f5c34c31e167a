//! Short links and their QR codes: `/q/<quarter>/<lang>[/week]` and `/o/<offer>/<lang>` redirect
//! to the page (302: the link stays, where it points may change); `/qr/q/<quarter>/<lang>[-week].svg|png`
//! and `/qr/o/<offer>/<lang>.svg|png` are QR codes of the short link under `PUBLIC_URL`;
//! `/qr/list/<lang>.svg|png?list=a,b` the code of a shortlist (which lives in its address);
//! `/qr/start/<lang>.png` and `/qr/q/<quarter>/network/<lang>.png` those of the start and network
//! pages (link previews).
//!
//! `follow_renamed` sends an offer's page or feed under a former slug to its current one (301).
//!
//! Printed codes live for years: slugs match in any case, an unknown language falls back to the
//! negotiated one, and an unknown or deleted quarter or offer leads to the app's own "not found"
//! page in the link's language (with the list of quarters), never to an empty answer.

use crate::domain::short_link::{
    offer_in_path, page_path, parse_image_name, short_path, ImageFormat, Target,
};
use crate::domain::slug::check_slug;
use crate::i18n::Locale;
use crate::state::AppState;
use crate::ui::locale::find_locale;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos_i18n::Locale as _;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/q/{quarter}", get(any_language))
        .route("/q/{quarter}/{lang}", get(board))
        .route("/q/{quarter}/{lang}/week", get(week))
        .route("/o/{offer}/{lang}", get(offer))
        .route("/qr/q/{quarter}/{file}", get(quarter_qr))
        .route("/qr/o/{offer}/{file}", get(offer_qr))
        .route("/qr/list/{file}", get(list_qr))
        .route("/qr/start/{file}", get(start_qr))
        .route("/qr/q/{quarter}/network/{file}", get(network_qr))
}

fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

fn failed(e: crate::db::DbError) -> Response {
    tracing::error!(error = %e, "short link failed");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// A slug as printed, in the form slugs are stored in (lower case).
fn normal(slug: &str) -> String {
    slug.trim().to_lowercase()
}

/// The page language of a link: its own when known, else the negotiated one.
fn link_locale(lang: &str, headers: &HeaderMap) -> Locale {
    find_locale(&lang.to_lowercase()).unwrap_or_else(|| crate::language::negotiate(headers))
}

/// Whether the quarter exists (`Err(None)`: it does not; `Err(Some(r))`: an answer to send).
async fn quarter_known(state: &AppState, slug: &str) -> Result<(), Option<Response>> {
    check_slug(slug).map_err(|_| None)?;
    match state.db.get_quarter_id(slug).await {
        Ok(_) => Ok(()),
        Err(crate::db::DbError::NotFound) => Err(None),
        Err(e) => Err(Some(failed(e))),
    }
}

/// The offer's current slug for a current or former one (`Err` as for `quarter_known`).
async fn offer_now(state: &AppState, slug: &str) -> Result<String, Option<Response>> {
    check_slug(slug).map_err(|_| None)?;
    match state.db.current_offer_slug(slug).await {
        Ok(Some(now)) => Ok(now),
        Ok(None) => Err(None),
        Err(e) => Err(Some(failed(e))),
    }
}

/// The app's "not found" page in `locale`: a board address no quarter has.
fn friendly_not_found(locale: Locale) -> Response {
    redirect(format!("/{}/{}", locale.as_str(), NO_SUCH_QUARTER))
}

/// A slug no quarter can have (slugs are lower-case letters, digits and dashes).
const NO_SUCH_QUARTER: &str = "_";

fn redirect(to: String) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to), (header::CACHE_CONTROL, "no-cache".to_owned())])
        .into_response()
}

/// A page or feed of an offer asked for under a former slug (or in other letter case) answers
/// 301 with the same address under the current slug, query kept: links shared before a rename
/// and subscribed calendars keep working. Looked up only when the address found nothing.
pub async fn follow_renamed(
    State(state): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let asked = matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD)
        .then(|| (req.uri().path().to_owned(), req.uri().query().map(str::to_owned)));
    let res = next.run(req).await;
    let Some((path, query)) = asked.filter(|_| res.status() == StatusCode::NOT_FOUND) else { return res };
    let Some((before, slug, after)) = offer_in_path(&path) else { return res };
    match offer_now(&state, &normal(slug)).await {
        Ok(now) if now != slug => {
            let query = query.map(|q| format!("?{q}")).unwrap_or_default();
            // A day, not for ever: a former slug may one day be another offer's.
            (
                StatusCode::MOVED_PERMANENTLY,
                [
                    (header::LOCATION, format!("{before}{now}{after}{query}")),
                    (header::CACHE_CONTROL, "max-age=86400".to_owned()),
                ],
            )
                .into_response()
        }
        Ok(_) | Err(None) => res,
        Err(Some(failed)) => failed,
    }
}

async fn any_language(
    State(state): State<AppState>,
    Path(quarter): Path<String>,
    headers: HeaderMap,
) -> Response {
    quarter_link(&state, &quarter, "", false, &headers).await
}

async fn board(
    State(state): State<AppState>,
    Path((quarter, lang)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    quarter_link(&state, &quarter, &lang, false, &headers).await
}

async fn week(
    State(state): State<AppState>,
    Path((quarter, lang)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    quarter_link(&state, &quarter, &lang, true, &headers).await
}

async fn quarter_link(
    state: &AppState,
    quarter: &str,
    lang: &str,
    week: bool,
    headers: &HeaderMap,
) -> Response {
    let locale = link_locale(lang, headers);
    let quarter = normal(quarter);
    let target = if week { Target::Week { quarter: &quarter } } else { Target::Board { quarter: &quarter } };
    match quarter_known(state, &quarter).await {
        Ok(()) => redirect(page_path(target, locale.as_str())),
        Err(None) => friendly_not_found(locale),
        Err(Some(r)) => r,
    }
}

async fn offer(
    State(state): State<AppState>,
    Path((offer, lang)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let locale = link_locale(&lang, &headers);
    match offer_now(&state, &normal(&offer)).await {
        Ok(now) => redirect(page_path(Target::Offer { offer: &now }, locale.as_str())),
        Err(None) => friendly_not_found(locale),
        Err(Some(r)) => r,
    }
}

async fn quarter_qr(
    State(state): State<AppState>,
    Path((quarter, file)): Path<(String, String)>,
) -> Response {
    let Some((lang, week, format)) = parse_image_name(&file).filter(|(l, ..)| find_locale(l).is_some())
    else {
        return not_found();
    };
    let quarter = normal(&quarter);
    if let Err(r) = quarter_known(&state, &quarter).await {
        return r.unwrap_or_else(not_found);
    }
    let target = if week { Target::Week { quarter: &quarter } } else { Target::Board { quarter: &quarter } };
    image(&format!("{}{}", state.public_url, short_path(target, lang)), format)
}

async fn offer_qr(State(state): State<AppState>, Path((offer, file)): Path<(String, String)>) -> Response {
    let Some((lang, format)) = page_image_name(&file) else { return not_found() };
    // The code carries the slug it was asked for: printed once, it must keep working.
    let offer = normal(&offer);
    if let Err(r) = offer_now(&state, &offer).await {
        return r.unwrap_or_else(not_found);
    }
    image(&format!("{}{}", state.public_url, short_path(Target::Offer { offer: &offer }, lang)), format)
}

/// `/qr/start/<lang>.png`: the code of the start page (the link preview of `/<lang>`).
async fn start_qr(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some((lang, format)) = page_image_name(&file) else { return not_found() };
    image(&format!("{}/{lang}", state.public_url), format)
}

/// `/qr/q/<quarter>/network/<lang>.png`: the code of a quarter's network page (no short link).
async fn network_qr(
    State(state): State<AppState>,
    Path((quarter, file)): Path<(String, String)>,
) -> Response {
    let Some((lang, format)) = page_image_name(&file) else { return not_found() };
    let quarter = normal(&quarter);
    if let Err(r) = quarter_known(&state, &quarter).await {
        return r.unwrap_or_else(not_found);
    }
    image(&format!("{}/{lang}/{quarter}/network", state.public_url), format)
}

/// `/qr/list/<lang>.png?list=a,b`: the code of a shortlist's address (the list lives in it).
async fn list_qr(
    State(state): State<AppState>,
    Path(file): Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    let Some((lang, format)) = page_image_name(&file) else { return not_found() };
    let query = query.unwrap_or_default();
    let list = url::form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "list")
        .map(|(_, v)| crate::domain::shortlist::parse_list(&v))
        .unwrap_or_default();
    if list.is_empty() {
        return not_found();
    }
    let url =
        format!("{}/{lang}/list?list={}", state.public_url, crate::domain::shortlist::list_value(&list));
    image(&url, format)
}

/// `<lang>.png|svg` of a page without a week variant, in a language we have.
fn page_image_name(file: &str) -> Option<(&str, ImageFormat)> {
    match parse_image_name(file) {
        Some((lang, false, format)) if find_locale(lang).is_some() => Some((lang, format)),
        _ => None,
    }
}

fn image(url: &str, format: ImageFormat) -> Response {
    let body = match format {
        ImageFormat::Svg => crate::qr::svg_file(url).map(|s| ("image/svg+xml", s.into_bytes())),
        ImageFormat::Png => crate::qr::png(url).map(|p| ("image/png", p)),
    };
    match body {
        Some((kind, bytes)) => {
            ([(header::CONTENT_TYPE, kind), (header::CACHE_CONTROL, "public, max-age=86400")], bytes)
                .into_response()
        }
        None => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
