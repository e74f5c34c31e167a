//! Choosing the language: the locale is the first URL segment. A URL without a known locale is
//! redirected to the remembered or negotiated one; `/` goes to the remembered language if the
//! person once chose one. Choosing happens at `/language/<code>?to=<path>`, the only place that
//! sets a cookie — residents get it because they asked for it.

use crate::i18n::Locale;
use crate::ui::locale::{find_locale, switch_locale_path};
use axum::extract::{Path, Query, Request};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use leptos_i18n::Locale as _;
use serde::Deserialize;

/// Cookie holding an explicitly chosen language.
pub const COOKIE: &str = "qb_lang";

/// First path segments that are not pages and never carry a locale.
const NOT_PAGES: &[&str] = &[
    "api",
    "pkg",
    "v",
    "assets",
    "feeds",
    "language",
    "favicon.ico",
    "robots.txt",
    "healthz",
    "readyz",
    "kiosk",
    "kiosk-sw.js",
    "q",
    "o",
    "qr",
    "media",
    "styles",
];

/// The locale for a request without one in the URL: the remembered choice, then the browser's
/// Accept-Language (malformed parts ignored), then German.
pub fn negotiate(headers: &HeaderMap) -> Locale {
    remembered(headers).or_else(|| from_accept_language(headers)).unwrap_or_default()
}

fn remembered(headers: &HeaderMap) -> Option<Locale> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .and_then(|(_, v)| find_locale(v))
}

/// The best supported locale of an Accept-Language header, by quality.
pub fn from_accept_language(headers: &HeaderMap) -> Option<Locale> {
    let value = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    let mut candidates: Vec<(f32, Locale)> = value
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok().filter(|q| (0.0..=1.0).contains(q)))?;
            let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
            Some((q, find_locale(&primary)?))
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    candidates.first().map(|(_, l)| *l)
}

/// Where a URL whose first segment is not a known locale should go, or `None` to serve it.
pub fn redirect_target(path_and_query: &str, locale: Locale) -> Option<String> {
    let (path, query) = path_and_query.split_once('?').map_or((path_and_query, None), |(p, q)| (p, Some(q)));
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    if first.is_empty() || find_locale(first).is_some() || NOT_PAGES.contains(&first) {
        return None;
    }
    let trimmed = path.trim_start_matches('/');
    // A language tag in place of a locale (`/xx/…`, `/ar-EG/…`) is replaced, anything else kept.
    let looks_like_tag = {
        let primary = first.split('-').next().unwrap_or("");
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic())
    };
    let rest = if looks_like_tag { trimmed.split_once('/').map_or("", |(_, r)| r) } else { trimmed };
    let target_locale = if looks_like_tag {
        find_locale(&first.split('-').next().unwrap_or("").to_ascii_lowercase()).unwrap_or(locale)
    } else {
        locale
    };
    let mut target = switch_locale_path(&format!("/{rest}"), target_locale);
    if let Some(q) = query {
        target.push('?');
        target.push_str(q);
    }
    Some(target)
}

/// Middleware: sends URLs without a locale to the right language, and `/` to the remembered one.
pub async fn redirect_to_locale(mut request: Request, next: Next) -> Response {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return next.run(request).await;
    }
    let headers = request.headers();
    let path_and_query = request.uri().path_and_query().map_or("/", |p| p.as_str()).to_owned();
    if request.uri().path() == "/" {
        if let Some(locale) = remembered(headers) {
            return Redirect::to(&format!("/{}", locale.as_str())).into_response();
        }
        // leptos_i18n picks the page language from Accept-Language without its quality values
        // (`ru;q=0.1, ar` would be Russian): it is handed the one language chosen here.
        let locale = negotiate(headers);
        request.headers_mut().insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(locale.as_str()));
        let mut response = next.run(request).await;
        response.headers_mut().append(header::VARY, HeaderValue::from_static("accept-language"));
        return response;
    }
    match redirect_target(&path_and_query, negotiate(headers)) {
        Some(target) => (StatusCode::FOUND, [(header::LOCATION, target)]).into_response(),
        None => next.run(request).await,
    }
}

#[derive(Deserialize)]
pub struct ChooseQuery {
    to: Option<String>,
}

/// `GET /language/<code>?to=/de/welheim?age=7`: remembers the choice and opens the same page in
/// that language. Only local paths are accepted as targets.
pub async fn choose(Path(code): Path<String>, Query(q): Query<ChooseQuery>) -> Response {
    let Some(locale) = find_locale(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let to =
        q.to.filter(|t| t.starts_with('/') && !t.starts_with("//") && !t.contains('\\')).unwrap_or_default();
    let (path, query) = to.split_once('?').map_or((to.as_str(), None), |(p, q)| (p, Some(q)));
    let mut target = switch_locale_path(path, locale);
    if let Some(q) = query {
        target.push('?');
        target.push_str(q);
    }
    let cookie = format!("{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly", locale.as_str());
    (StatusCode::SEE_OTHER, [(header::LOCATION, target), (header::SET_COOKIE, cookie)]).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(v).unwrap());
        h
    }

    /// The best-quality supported language wins; region subtags and malformed parts are ignored.
    #[test]
    fn accept_language_negotiation() {
        assert_eq!(negotiate(&accept("ar-EG,ar;q=0.9,de;q=0.8")), Locale::ar);
        assert_eq!(negotiate(&accept("fr-FR, fa;q=0.5, ru;q=0.7")), Locale::ru);
        assert_eq!(negotiate(&accept(";;;,q=, en;q=banana, uk;q=0.3")), Locale::uk);
        assert_eq!(negotiate(&accept("zz")), Locale::de);
        assert_eq!(negotiate(&HeaderMap::new()), Locale::de);
    }

    /// Unknown locales are replaced, missing ones added, pages with a locale served as they are.
    #[test]
    fn redirect_targets() {
        assert_eq!(redirect_target("/xx/welheim", Locale::de).as_deref(), Some("/de/welheim"));
        assert_eq!(redirect_target("/ar-EG/welheim?age=7", Locale::de).as_deref(), Some("/ar/welheim?age=7"));
        assert_eq!(redirect_target("/welheim", Locale::ru).as_deref(), Some("/ru/welheim"));
        assert_eq!(redirect_target("/de/welheim", Locale::ru), None);
        assert_eq!(redirect_target("/pkg/quartiersboard.js", Locale::ru), None);
        assert_eq!(redirect_target("/v/0123456789abcdef/pkg/quartiersboard.js", Locale::ru), None);
        assert_eq!(redirect_target("/", Locale::ru), None);
    }
}
