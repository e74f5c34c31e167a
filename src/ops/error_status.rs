//! The HTTP status of a server function's error. The framework answers every error with 500
//! unless the function set a status itself, and arguments that cannot be decoded never reach
//! the function at all. This middleware reads the error (ours are small JSON values of the one
//! error type) and gives the answer the status that error stands for: 400 for undecodable
//! arguments, 401 for "sign in first" and so on — so 5xx means a real server failure.

use crate::error::AppError;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The largest error answer inspected (ours are a few hundred bytes).
const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// Middleware: a server function's 500 carrying an [`AppError`] gets that error's status.
pub async fn server_fn_error_status(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::post;
    use tower::ServiceExt;

    async fn status_of(body: &'static str) -> StatusCode {
        let app = axum::Router::new()
            .route(
                "/api/f",
                post(move || async move {
                    let mut res = Response::new(axum::body::Body::from(body));
                    *res.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    res.headers_mut()
                        .insert(leptos::server_fn::error::SERVER_FN_ERROR_HEADER, "/api/f".parse().unwrap());
                    res
                }),
            )
            .layer(axum::middleware::from_fn(server_fn_error_status));
        let req = axum::http::Request::post("/api/f").body(axum::body::Body::empty()).unwrap();
        app.oneshot(req).await.unwrap().status()
    }

    /// Caller mistakes become 4xx; real failures and foreign bodies stay 500.
    #[tokio::test]
    async fn errors_get_their_status() {
        assert_eq!(status_of(r#"{"Request":"missing field `token`"}"#).await, StatusCode::BAD_REQUEST);
        assert_eq!(status_of(r#""Unauthorized""#).await, StatusCode::UNAUTHORIZED);
        assert_eq!(status_of(r#""Forbidden""#).await, StatusCode::FORBIDDEN);
        assert_eq!(status_of(r#""Internal""#).await, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(status_of("something else").await, StatusCode::INTERNAL_SERVER_ERROR);
    }
}
