//! The script that loads the browser code and wakes the islands, without Leptos's preloads.
//!
//! Leptos's `HydrationScripts` writes the island loader (which imports the JavaScript and wasm
//! when the browser is idle) and, before it, a `modulepreload` of the JavaScript and a `preload`
//! of the wasm at high priority. On a slow phone connection that preload (≈120 KB) shares the
//! line with the page and its stylesheet before the first paint, for code that only runs once
//! the page is idle. So the page keeps Leptos's loader and leaves out its preloads.

use leptos::prelude::*;

/// Leptos's island loader for `options` under `root` (see the module comment).
#[component]
pub fn IslandScripts(options: LeptosOptions, root: String) -> impl IntoView {
    // Leptos's component also registers the lazily loaded code's manifest with this page; of its
    // markup, only the loader script is kept.
    let markup = leptos::hydration::HydrationScripts(
        leptos::hydration::HydrationScriptsProps::builder()
            .options(options)
            .islands(cfg!(feature = "islands"))
            .root(root)
            .build(),
    )
    .to_html();
    let loader = loader_script(&markup).unwrap_or_default().to_owned();
    let nonce = leptos::nonce::use_nonce();
    view! { <script type="module" nonce=nonce inner_html=loader></script> }
}

/// The body of the module script in `HydrationScripts`'s markup.
fn loader_script(markup: &str) -> Option<&str> {
    let start = markup.find("<script type=\"module\"")?;
    let body = &markup[start..];
    let body = &body[body.find('>')? + 1..];
    body.get(..body.find("</script>")?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loader comes out of Leptos's markup whole; the preload links do not.
    #[test]
    fn keeps_the_loader_and_drops_the_preloads() {
        let markup = r#"<link rel="modulepreload" href="/pkg/a.js"><link rel="preload" href="/pkg/a.wasm" as="fetch"><script type="module" nonce="n">((root) => { idle(() => import(`${root}/a.js`)) })("/v/1");</script>"#;
        assert_eq!(
            loader_script(markup),
            Some("((root) => { idle(() => import(`${root}/a.js`)) })(\"/v/1\");")
        );
        assert_eq!(loader_script("<link rel=\"preload\">"), None);
    }

    /// Leptos's own component still writes its loader in the shape this file reads.
    #[test]
    fn reads_the_loader_leptos_writes() {
        let owner = Owner::new();
        owner.with(|| {
            let options = LeptosOptions::builder().output_name("quartiersboard").build();
            let html = IslandScripts(IslandScriptsProps { options, root: "/v/abc".into() }).to_html();
            assert!(html.starts_with("<script type=\"module\""), "{html}");
            assert!(html.contains("\"/v/abc\", \"pkg\", \"quartiersboard\""), "{html}");
            assert!(html.contains("requestIdleCallback"), "{html}");
            assert!(!html.contains("preload"), "{html}");
        });
    }
}
