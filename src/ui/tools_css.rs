//! The second stylesheet (`style/tools.css`): the staff area, kiosk screens and print products.
//! Residents' phone pages never link it, so what they download stays the small `main.css`.
//! The server answers it at an address naming its content (`/styles/tools-<hash>.css`), kept
//! for good by browsers; a new build with other styles is a new address.

use leptos::prelude::*;
use leptos_meta::Stylesheet;

/// The stylesheet's text, compiled into the server.
#[cfg(feature = "ssr")]
pub const TOOLS_CSS: &str = include_str!("../../style/tools.css");

/// Where pages find it.
pub fn href() -> String {
    #[cfg(feature = "ssr")]
    {
        use sha2::{Digest, Sha256};
        use std::sync::LazyLock;
        static HREF: LazyLock<String> = LazyLock::new(|| {
            let hash = Sha256::digest(TOOLS_CSS.as_bytes());
            let short: String = hash.iter().take(6).map(|b| format!("{b:02x}")).collect();
            format!("/styles/tools-{short}.css")
        });
        HREF.clone()
    }
    #[cfg(not(feature = "ssr"))]
    String::from("/styles/tools.css")
}

/// Links the stylesheet from the page's head.
#[component]
pub fn ToolsStylesheet() -> impl IntoView {
    view! { <Stylesheet href=href()/> }
}

/// `GET /styles/tools-<hash>.css` (any hash: an old page asking for an old address gets today's).
#[cfg(feature = "ssr")]
pub async fn serve() -> axum::response::Response {
    use axum::http::header;
    use axum::response::IntoResponse;
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        TOOLS_CSS,
    )
        .into_response()
}
