//! The `quartiersboard` binary: web server and admin tool (`serve`, `migrate`, `seed-demo`).

/// jemalloc instead of glibc's malloc: a far lower peak memory with many threads (Cargo.toml).
#[cfg(feature = "ssr")]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[cfg(feature = "ssr")]
#[tokio::main]
async fn main() -> std::process::ExitCode {
    quartiersboard::cli::run().await
}

#[cfg(not(feature = "ssr"))]
pub fn main() {
    // The browser build has no binary; `hydrate()` in lib.rs is its entry point.
}
