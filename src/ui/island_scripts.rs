//! The script that loads the browser code and wakes the islands.
//!
//! Leptos's `HydrationScripts` writes its island loader and, before it, a `modulepreload` of the
//! JavaScript and a high-priority `preload` of the wasm. On a slow phone connection that preload
//! (≈120 KB) shared the line with the page before the first paint, for code that only runs once
//! the page is idle; and its loader walks every element of the page to find the islands, one
//! `await` per element — on a 200-offer board the longest task of the page. So the page sends
//! its own loader (`island_loader.js`, Leptos's with the walk replaced) and no preloads.

use leptos::prelude::*;

const LOADER: &str = include_str!("island_loader.js");

/// The island loader for `options` under `root` (see the module comment).
#[component]
pub fn IslandScripts(options: LeptosOptions, root: String) -> impl IntoView {
    // Leptos's component also registers the lazily loaded code's manifest with this page, and
    // names the build's files; of its markup only those names are used.
    let markup = leptos::hydration::HydrationScripts(
        leptos::hydration::HydrationScriptsProps::builder()
            .options(options)
            .islands(cfg!(feature = "islands"))
            .root(root)
            .build(),
    )
    .to_html();
    let script = loader_call(&markup).map(|call| format!("{}{call}", *LOADER_CODE)).unwrap_or_default();
    let nonce = leptos::nonce::use_nonce();
    view! { <script type="module" nonce=nonce inner_html=script></script> }
}

/// The loader function as pages get it: without its comment lines (made once, not per page).
static LOADER_CODE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    LOADER.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
});

/// The call of Leptos's loader in its markup — `("/v/…", "pkg", "name", "name", false);` — from
/// its module script, which is the loader function, a line break, then the call.
fn loader_call(markup: &str) -> Option<&str> {
    let start = markup.find("<script type=\"module\"")?;
    let body = &markup[start..];
    let body = &body[body.find('>')? + 1..];
    let body = body.get(..body.find("</script>")?)?;
    Some(&body[body.rfind("\n(")? + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The call comes out of Leptos's markup whole; nothing else does.
    #[test]
    fn takes_the_call_from_leptos_markup() {
        let markup = "<link rel=\"modulepreload\" href=\"/pkg/a.js\"><script type=\"module\" nonce=\"n\">((root) => {\n\tidle()\n})\n(\"/v/1\", \"pkg\", \"a\", \"a\", false);</script>";
        assert_eq!(loader_call(markup), Some("(\"/v/1\", \"pkg\", \"a\", \"a\", false);"));
        assert_eq!(loader_call("<link rel=\"preload\">"), None);
    }

    /// Against Leptos's own component: our loader, called with the build's names, no preloads.
    #[test]
    fn writes_our_loader_with_the_names_leptos_gives() {
        let owner = Owner::new();
        owner.with(|| {
            let options = LeptosOptions::builder().output_name("quartiersboard").build();
            let html = IslandScripts(IslandScriptsProps { options, root: "/v/abc".into() }).to_html();
            assert!(html.starts_with("<script type=\"module\""), "{html}");
            assert!(html.contains("querySelectorAll(\"leptos-island\")"), "{html}");
            assert!(html.contains("})(\"/v/abc\", \"pkg\", \"quartiersboard\", \"quartiersboard"), "{html}");
            assert!(!html.contains("preload") && !html.contains("//"), "{html}");
        });
    }
}
