//! The `quartiersboard` binary: web server and admin tool (`serve`, `migrate`, `seed-demo`).

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    quartiersboard::cli::run().await
}

#[cfg(not(feature = "ssr"))]
pub fn main() {
    // The browser build has no binary; `hydrate()` in lib.rs is its entry point.
}
