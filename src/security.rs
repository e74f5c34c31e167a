//! Security headers on every response: a Content-Security-Policy (pages name the nonce Leptos
//! puts on its hydration scripts; everything else gets a strict default), `nosniff`, a
//! referrer policy, a restrictive permissions policy, and HSTS when the site is served over HTTPS.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The largest request body accepted (the biggest legitimate one, a whole week's plan of an
/// offer or an offer in every language, is far below).
pub const BODY_LIMIT: usize = 256 * 1024;

/// The limit of a spreadsheet of offers (`POST /<lang>/staff/import`): the file's limit plus room
/// for the form around it.
pub const UPLOAD_LIMIT: usize = crate::editing::import::MAX_FILE + 64 * 1024;

/// The limit of a calendar uploaded by an administrator (`POST /<lang>/staff/calendars/upload`).
pub const CALENDAR_LIMIT: usize = crate::calendar_import::MAX_BYTES as usize + 64 * 1024;

/// The limit of a city document uploaded by an administrator (`POST /<lang>/staff/data/import`),
/// and so the largest body of any request.
pub const DOCUMENT_LIMIT: usize = crate::city_data::MAX_UPLOAD + 64 * 1024;

/// The limit for a request to `path`.
pub fn body_limit(path: &str) -> usize {
    let mut parts = path.trim_start_matches('/').split('/');
    if !(parts.next().is_some_and(|l| l.len() == 2) && parts.next() == Some("staff")) {
        return BODY_LIMIT;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (Some("import"), None, None) => UPLOAD_LIMIT,
        (Some("calendars"), Some("upload"), None) => CALENDAR_LIMIT,
        (Some("data"), Some("import"), None) => DOCUMENT_LIMIT,
        _ => BODY_LIMIT,
    }
}

/// Middleware: a declared length over the path's limit gets 413 before anything is read; a
/// body sent without a declared length (streamed) is read up to the limit here, so an oversized
/// one gets 413 rather than failing inside a server function. tower-http's
/// `RequestBodyLimitLayer` holds every body to the largest limit (and to its declared length).
pub async fn limit_streamed_body(req: Request, next: Next) -> Response {
    let limit = body_limit(req.uri().path());
    let declared =
        req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit) {
        return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    if req.method().is_safe() || declared.is_some() {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    match axum::body::to_bytes(body, limit).await {
        Ok(bytes) => next.run(Request::from_parts(parts, axum::body::Body::from(bytes))).await,
        Err(_) => axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    }
}

/// Middleware just outside the CSRF check: its refusals (403 without a body of ours) become
/// a security event in the log.
pub async fn log_csrf_rejection(req: Request, next: Next) -> Response {
    let unsafe_method = !req.method().is_safe();
    let path = req.uri().path().to_owned();
    let res = next.run(req).await;
    if unsafe_method
        && res.status() == axum::http::StatusCode::FORBIDDEN
        && !res.headers().contains_key(header::CONTENT_TYPE)
    {
        tracing::warn!(event = "csrf_rejected", path, "cross-site request refused");
    }
    res
}

/// What the headers depend on.
#[derive(Clone, Debug)]
pub struct SecuritySettings {
    /// `frame-ancestors` sources (`'none'` unless an embedding page is configured).
    pub frame_ancestors: String,
    /// Send HSTS (the public address is HTTPS).
    pub https: bool,
    /// Development auto-reload port (its websocket must be allowed), if any.
    pub reload_port: Option<u32>,
}

/// The policy of a page whose scripts carry `nonce`.
pub fn page_policy(nonce: &str, s: &SecuritySettings) -> String {
    let connect = match s.reload_port {
        Some(p) => format!("'self' ws://127.0.0.1:{p} ws://localhost:{p}"),
        None => "'self'".into(),
    };
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'; \
         style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; font-src 'self'; \
         connect-src {connect}; worker-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors {}; form-action 'self'",
        s.frame_ancestors
    )
}

/// The policy of everything that is not a page (files, feeds, server-function answers).
pub fn default_policy(s: &SecuritySettings) -> String {
    format!(
        "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors {}; form-action 'self'",
        s.frame_ancestors
    )
}

/// Middleware: adds the headers (a page's own CSP, set while rendering, is kept).
pub async fn add_headers(State(s): State<SecuritySettings>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    // A 304 only refreshes a stored answer, which keeps the headers it came with (RFC 9111
    // §4.3.4): repeating them would only make kiosk polls heavier.
    if res.status() == axum::http::StatusCode::NOT_MODIFIED {
        return res;
    }
    let h = res.headers_mut();
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        if let Ok(v) = HeaderValue::from_str(&default_policy(&s)) {
            h.insert(header::CONTENT_SECURITY_POLICY, v);
        }
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    h.insert(
        "permissions-policy",
        HeaderValue::from_static(
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), \
             interest-cohort=(), browsing-topics=()",
        ),
    );
    if s.https {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    if h.get(header::X_FRAME_OPTIONS).is_none() && s.frame_ancestors == "'none'" {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Uploads get their own limits; everything else the small one, including look-alike paths.
    #[test]
    fn upload_paths_have_their_limits() {
        assert_eq!(body_limit("/de/staff/import"), UPLOAD_LIMIT);
        assert_eq!(body_limit("/ar/staff/calendars/upload"), CALENDAR_LIMIT);
        assert_eq!(body_limit("/de/staff/data/import"), DOCUMENT_LIMIT);
        for other in
            ["/de/staff/data/import/x", "/de/staff", "/api/save_offer", "/deu/staff/import", "/de/import"]
        {
            assert_eq!(body_limit(other), BODY_LIMIT, "{other}");
        }
    }

    /// The page policy names the nonce, allows wasm, forbids objects, base changes and framing.
    #[test]
    fn page_policy_parts() {
        let s = SecuritySettings { frame_ancestors: "'none'".into(), https: false, reload_port: None };
        let p = page_policy("abc", &s);
        for part in [
            "script-src 'nonce-abc' 'strict-dynamic' 'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "default-src 'self'",
        ] {
            assert!(p.contains(part), "{part} missing in {p}");
        }
        assert!(!p.contains("unsafe-eval'") || p.contains("wasm-unsafe-eval"));
    }
}
