//! How mutating server functions answer. A plain HTML form (no JavaScript; the browser asks for
//! `text/html`) gets a redirect: to the next page on success, back to the form on failure, or to
//! the sign-in page, with a one-line notice named in the address (`?done=saved`,
//! `?problem=forbidden`). Programmatic callers get the result with the HTTP status of the error.
//! Pages only read: nothing a GET renders changes the session.

use crate::error::AppError;
use axum::http::{header, request::Parts, StatusCode};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

/// Whether the request is a plain form post from a browser.
pub fn from_html_form() -> bool {
    use_context::<Parts>().is_some_and(|p| {
        p.headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
    })
}

/// The locale of the page the request came from (its Referer), else German.
pub fn page_locale() -> String {
    referer_path()
        .and_then(|p| p.trim_start_matches('/').split('/').next().map(str::to_owned))
        .filter(|l| crate::ui::locale::find_locale(l).is_some())
        .unwrap_or_else(|| "de".into())
}

/// The local path (with query) of the page the request came from.
pub fn referer_path() -> Option<String> {
    let parts = use_context::<Parts>()?;
    let referer = parts.headers.get(header::REFERER)?.to_str().ok()?;
    let url = url::Url::parse(referer).ok()?;
    let mut path = url.path().to_owned();
    if let Some(q) = url.query() {
        path.push('?');
        path.push_str(q);
    }
    Some(path)
}

/// Sends the browser to `path` (302 for plain forms; a redirect header for script callers).
/// A path that cannot be a header value (control characters a request smuggled in) is
/// percent-encoded rather than allowed to fail the request.
pub fn redirect(path: &str) {
    if axum::http::HeaderValue::from_str(path).is_ok() {
        leptos_axum::redirect(path);
    } else {
        let safe: String = url::form_urlencoded::byte_serialize(path.as_bytes())
            .collect::<String>()
            .replace("%2F", "/")
            .replace("%3F", "?")
            .replace("%3D", "=")
            .replace("%26", "&");
        leptos_axum::redirect(&safe);
    }
}

/// `path` with the notice `key` (`done` for success, `problem` for failure) in its query,
/// replacing an earlier notice.
pub fn with_notice(path: &str, ok: bool, key: &str) -> String {
    let (base, query) = path.split_once('?').unwrap_or((path, ""));
    let mut out = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
        if k != "done" && k != "problem" {
            out.append_pair(&k, &v);
        }
    }
    out.append_pair(if ok { "done" } else { "problem" }, key);
    format!("{base}?{}", out.finish())
}

/// Finishes a mutating server function: on success a plain form goes to `next` with the
/// `done` notice; on failure it goes back (or to the sign-in page) with the error's notice,
/// while script callers get the error with its HTTP status.
pub fn answer<T>(result: Result<T, AppError>, next: Option<String>, done: &str) -> Result<T, AppError> {
    let html = from_html_form();
    let back = || referer_path().unwrap_or_else(|| format!("/{}/staff", page_locale()));
    match &result {
        Ok(_) if html => redirect(&with_notice(&next.unwrap_or_else(back), true, done)),
        Ok(_) => {}
        Err(e) if !html => {
            if let Some(res) = use_context::<ResponseOptions>() {
                res.set_status(StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::BAD_REQUEST));
            }
        }
        Err(AppError::Unauthorized) => redirect(&format!("/{}/staff/sign-in", page_locale())),
        Err(e) => redirect(&with_notice(&back(), false, error_key(e))),
    }
    result
}

/// Fails with `e`: a plain form goes to `page` (or back where it came from), a script caller
/// gets the error's HTTP status.
pub fn fail<T>(e: AppError, page: Option<String>) -> Result<T, AppError> {
    if from_html_form() {
        redirect(&page.or_else(referer_path).unwrap_or_else(|| format!("/{}/staff", page_locale())));
    } else if let Some(res) = use_context::<ResponseOptions>() {
        res.set_status(StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::BAD_REQUEST));
    }
    Err(e)
}

/// The notice key for an error.
pub fn error_key(e: &AppError) -> &'static str {
    match e {
        AppError::NotFound => "not_found",
        AppError::Forbidden => "forbidden",
        AppError::Conflict => "conflict",
        AppError::RateLimited => "rate_limited",
        AppError::Unavailable => "unavailable",
        AppError::Invalid { .. } | AppError::Fields(_) => "invalid",
        _ => "failed",
    }
}
