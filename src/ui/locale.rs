//! The page locale comes from the URL (`/ar/welheim`); without one (`/`) it is negotiated
//! from the browser's Accept-Language by leptos_i18n.

use crate::i18n::*;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Sets the i18n locale from the `:lang` route parameter. `None` when the parameter names no
/// locale we have, which the page answers with a 404.
pub fn route_locale() -> Option<Locale> {
    let i18n = use_i18n();
    match use_params_map().read_untracked().get("lang") {
        None => Some(i18n.get_locale_untracked()),
        Some(code) => {
            let locale = find_locale(&code)?;
            i18n.set_locale(locale);
            Some(locale)
        }
    }
}

/// The codes of all locales, German (the default) first: the languages content is kept in.
pub fn content_locales() -> Vec<&'static str> {
    Locale::get_all().iter().map(|l| l.as_str()).collect()
}

/// The locale whose code is `code`, if we have it.
pub fn find_locale(code: &str) -> Option<Locale> {
    Locale::get_all().iter().copied().find(|l| l.as_str() == code)
}

/// `path` with its leading locale segment replaced by `to` (or prefixed, for `/`).
pub fn switch_locale_path(path: &str, to: Locale) -> String {
    let trimmed = path.trim_start_matches('/');
    let (first, rest) = trimmed.split_once('/').unwrap_or((trimmed, ""));
    let rest = if find_locale(first).is_some() { rest } else { trimmed };
    if rest.is_empty() {
        format!("/{}", to.as_str())
    } else {
        format!("/{}/{rest}", to.as_str())
    }
}

/// Percent-encodes a value for a query string (RFC 3986 unreserved characters and `/` stay).
pub fn encode_query_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Switching language keeps the rest of the path.
    #[test]
    fn switch_keeps_path() {
        assert_eq!(switch_locale_path("/de/welheim", Locale::en), "/en/welheim");
        assert_eq!(switch_locale_path("/de/offers/yoga", Locale::en), "/en/offers/yoga");
        assert_eq!(switch_locale_path("/", Locale::en), "/en");
        assert_eq!(switch_locale_path("/de", Locale::en), "/en");
    }

    /// Query values are encoded so a path with its own query survives.
    #[test]
    fn encodes_query_values() {
        assert_eq!(encode_query_value("/de/welheim?age=7&day=ä"), "/de/welheim%3Fage%3D7%26day%3D%C3%A4");
    }
}
