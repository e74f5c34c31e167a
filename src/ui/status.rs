//! Setting the HTTP status of the page being rendered (404, 500). A no-op in the browser.

/// Sets the response status; pages are rendered completely before sending, so this takes effect.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(resp), Ok(status)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(code),
    ) {
        resp.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Answers the page being rendered with a redirect (302) to the local address `path`, whatever
/// the client accepts. A no-op in the browser.
pub fn redirect_page(path: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(resp), Ok(to)) = (
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        axum::http::HeaderValue::from_str(path),
    ) {
        resp.set_status(axum::http::StatusCode::FOUND);
        resp.insert_header(axum::http::header::LOCATION, to);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}

/// Puts the Content-Security-Policy naming this response's script nonce on the page being
/// rendered. A no-op in the browser.
pub fn set_page_policy() {
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(resp), Some(settings)) = (
        leptos::nonce::use_nonce(),
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>(),
        leptos::prelude::use_context::<crate::security::SecuritySettings>(),
    ) {
        if let Ok(v) = axum::http::HeaderValue::from_str(&crate::security::page_policy(&nonce, &settings)) {
            resp.insert_header(axum::http::header::CONTENT_SECURITY_POLICY, v);
        }
    }
}
