//! The read-only JSON API for published data under `/api/v1/` (described at
//! `/api/v1/openapi.json`, utoipa): quarters, a quarter's offers filtered like the board, its
//! dates in a range, its places and organisations, one offer, and an Open Referral HSDS 3 export.
//! Open to every origin for GET (CORS), revalidated by strong ETags, limited per client address.

mod handlers;
mod hsds;
mod types;

use crate::state::AppState;
use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use governor::{DefaultKeyedRateLimiter, Quota};
use sha2::{Digest, Sha256};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use tower_http::cors::{Any, CorsLayer};
use utoipa::OpenApi;

pub use types::ApiProblem;

/// Requests per minute one client address may make (the whole allowance may come at once).
pub const REQUESTS_PER_MINUTE: u32 = 120;

/// The largest answer the API buffers to compute its ETag.
const MAX_BODY: usize = 64 * 1024 * 1024;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Quartiersboard API",
        version = "1",
        description = "Published offers for children and families, per quarter. Read only. \
            Dates and times are local in the installation's time zone. Answers carry a strong ETag \
            (send If-None-Match to get 304) and are limited to 120 requests per minute per address."
    ),
    paths(
        handlers::quarters,
        handlers::offers,
        handlers::occurrences,
        handlers::directory,
        handlers::offer,
        handlers::hsds_services
    )
)]
struct ApiDoc;

/// The API routes, to be merged into the app router. Each router has its own rate limiter.
pub fn routes() -> Router<AppState> {
    let limiter = Arc::new(DefaultKeyedRateLimiter::<IpAddr>::keyed(Quota::per_minute(
        NonZeroU32::new(REQUESTS_PER_MINUTE).expect("non-zero"),
    )));
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/quarters", get(handlers::quarters))
        .route("/api/v1/quarters/{quarter}/offers", get(handlers::offers))
        .route("/api/v1/quarters/{quarter}/occurrences", get(handlers::occurrences))
        .route("/api/v1/quarters/{quarter}/directory", get(handlers::directory))
        .route("/api/v1/offers/{offer}", get(handlers::offer))
        .route("/api/v1/hsds/services", get(handlers::hsds_services))
        .layer(middleware::from_fn(etag))
        .layer(middleware::from_fn_with_state(limiter, rate_limit))
        .layer(CorsLayer::new().allow_origin(Any).allow_methods([Method::GET, Method::HEAD]))
}

async fn openapi(State(_): State<AppState>) -> Response {
    Json(ApiDoc::openapi()).into_response()
}

/// The API's description (also what `/api/v1/openapi.json` serves).
pub fn openapi_json() -> String {
    ApiDoc::openapi().to_pretty_json().expect("the description serialises")
}

/// A refused request: its status and the JSON body that explains it.
pub(crate) struct Refusal {
    status: StatusCode,
    problem: ApiProblem,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        (self.status, Json(self.problem)).into_response()
    }
}

pub(crate) fn refusal(status: StatusCode, error: &'static str, message: impl Into<String>) -> Refusal {
    Refusal { status, problem: ApiProblem { error, message: message.into() } }
}

/// A refusal as JSON with its status.
pub(crate) fn problem(status: StatusCode, error: &'static str, message: impl Into<String>) -> Response {
    refusal(status, error, message).into_response()
}

async fn rate_limit(
    State(limiter): State<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
    request: Request,
    next: Next,
) -> Response {
    let address = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip());
    if let Err(not_until) = limiter.check_key(&address) {
        let wait =
            not_until.wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
        let mut refused = problem(
            StatusCode::TOO_MANY_REQUESTS,
            "too_many_requests",
            format!("at most {REQUESTS_PER_MINUTE} requests per minute"),
        );
        let seconds = wait.as_secs() + 1;
        refused.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        return refused;
    }
    if limiter.len() > 100_000 {
        limiter.retain_recent();
    }
    next.run(request).await
}

/// Gives every successful answer a strong ETag of its bytes and answers a matching
/// `If-None-Match` with a bodiless 304.
async fn etag(request: Request, next: Next) -> Response {
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return problem(StatusCode::INTERNAL_SERVER_ERROR, "unavailable", "the answer could not be read");
    };
    let digest = Sha256::digest(&bytes);
    let tag = format!("\"{}\"", digest.iter().take(12).map(|b| format!("{b:02x}")).collect::<String>());
    let value = HeaderValue::from_str(&tag).expect("hex is a valid header");
    parts.headers.insert(header::ETAG, value);
    parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, no-cache"));
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag || t.trim() == "*"));
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}
