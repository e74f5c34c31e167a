//! Short links and their QR codes: `/q/<quarter>/<lang>[/week]` and `/o/<offer>/<lang>` redirect
//! to the page (302: the link stays, where it points may change); `/qr/q/<quarter>/<lang>[-week].svg|png`
//! and `/qr/o/<offer>/<lang>.svg|png` are QR codes of the short link under `PUBLIC_URL`;
//! `/qr/list/<lang>.svg|png?list=a,b` the code of a shortlist (which lives in its address).

use crate::domain::short_link::{page_path, parse_image_name, short_path, ImageFormat, Target};
use crate::domain::slug::check_slug;
use crate::state::AppState;
use crate::ui::locale::find_locale;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
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
}

fn not_found() -> Response {
    StatusCode::NOT_FOUND.into_response()
}

fn failed(e: crate::db::DbError) -> Response {
    tracing::error!(error = %e, "short link failed");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Whether the quarter exists (`Err` is a response to send).
async fn quarter_known(state: &AppState, slug: &str) -> Result<(), Response> {
    check_slug(slug).map_err(|_| not_found())?;
    match state.db.get_quarter_id(slug).await {
        Ok(_) => Ok(()),
        Err(crate::db::DbError::NotFound) => Err(not_found()),
        Err(e) => Err(failed(e)),
    }
}

/// The offer's current slug for a current or former one.
async fn offer_now(state: &AppState, slug: &str) -> Result<String, Response> {
    check_slug(slug).map_err(|_| not_found())?;
    match state.db.current_offer_slug(slug).await {
        Ok(Some(now)) => Ok(now),
        Ok(None) => Err(not_found()),
        Err(e) => Err(failed(e)),
    }
}

fn redirect(to: String) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, to), (header::CACHE_CONTROL, "no-cache".to_owned())])
        .into_response()
}

async fn any_language(
    State(state): State<AppState>,
    Path(quarter): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    let lang = crate::language::negotiate(&headers);
    match quarter_known(&state, &quarter).await {
        Ok(()) => redirect(page_path(Target::AnyLanguage { quarter: &quarter }, lang.as_str())),
        Err(r) => r,
    }
}

async fn board(State(state): State<AppState>, Path((quarter, lang)): Path<(String, String)>) -> Response {
    quarter_link(&state, &quarter, &lang, false).await
}

async fn week(State(state): State<AppState>, Path((quarter, lang)): Path<(String, String)>) -> Response {
    quarter_link(&state, &quarter, &lang, true).await
}

async fn quarter_link(state: &AppState, quarter: &str, lang: &str, week: bool) -> Response {
    if find_locale(lang).is_none() {
        return not_found();
    }
    let target = if week { Target::Week { quarter } } else { Target::Board { quarter } };
    match quarter_known(state, quarter).await {
        Ok(()) => redirect(page_path(target, lang)),
        Err(r) => r,
    }
}

async fn offer(State(state): State<AppState>, Path((offer, lang)): Path<(String, String)>) -> Response {
    if find_locale(&lang).is_none() {
        return not_found();
    }
    match offer_now(&state, &offer).await {
        Ok(now) => redirect(page_path(Target::Offer { offer: &now }, &lang)),
        Err(r) => r,
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
    if let Err(r) = quarter_known(&state, &quarter).await {
        return r;
    }
    let target = if week { Target::Week { quarter: &quarter } } else { Target::Board { quarter: &quarter } };
    image(&format!("{}{}", state.public_url, short_path(target, lang)), format)
}

async fn offer_qr(State(state): State<AppState>, Path((offer, file)): Path<(String, String)>) -> Response {
    let Some((lang, false, format)) = parse_image_name(&file).filter(|(l, ..)| find_locale(l).is_some())
    else {
        return not_found();
    };
    // The code carries the slug it was asked for: printed once, it must keep working.
    if let Err(r) = offer_now(&state, &offer).await {
        return r;
    }
    image(&format!("{}{}", state.public_url, short_path(Target::Offer { offer: &offer }, lang)), format)
}

/// `/qr/list/<lang>.png?list=a,b`: the code of a shortlist's address (the list lives in it).
async fn list_qr(
    State(state): State<AppState>,
    Path(file): Path<String>,
    axum::extract::RawQuery(query): axum::extract::RawQuery,
) -> Response {
    let Some((lang, false, format)) = parse_image_name(&file).filter(|(l, ..)| find_locale(l).is_some())
    else {
        return not_found();
    };
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
