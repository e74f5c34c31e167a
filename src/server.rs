//! Starting the web server: configuration, database, routes, middleware, listening socket.

use crate::app::{shell, App};
use crate::config::{self, CalendarSettings, ConfigError};
use crate::db::{Db, DbError};
use crate::state::AppState;
use axum::http::{header, HeaderValue};
use axum::response::Response;
use axum::Router;
use leptos::config::get_configuration;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::path::PathBuf;
use tower::Layer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// Why the server could not start, worded for the person starting it.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("cannot open the database: {0}")]
    Database(#[from] DbError),
    #[error("cannot read the Leptos settings: {0}")]
    Leptos(String),
    #[error("cannot listen on {addr}: the port is already in use. Stop the other program or set LEPTOS_SITE_ADDR to another port")]
    PortInUse { addr: String },
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: String, source: std::io::Error },
    #[error("import failed: {0}")]
    Import(String),
    #[error("the demo city is invalid: {0}")]
    Demo(String),
}

/// Opens (creating if needed) and migrates the configured database.
pub async fn open_database() -> Result<Db, StartError> {
    let data_dir = std::env::var_os("DATA_DIR").map_or_else(|| PathBuf::from("data"), PathBuf::from);
    let url = config::database_url(std::env::var("DATABASE_URL").ok().as_deref(), &data_dir)?;
    tracing::info!(database = ?url, "opening database");
    let db = Db::connect(url.as_str()).await?;
    db.migrate().await?;
    Ok(db)
}

/// Builds the whole HTTP application around an opened database.
pub async fn router(
    db: Db,
    leptos_options: leptos::config::LeptosOptions,
    calendar: CalendarSettings,
) -> Result<Router, StartError> {
    let db = db.with_freshness(config::freshness(std::env::var("CONFIRM_MONTHS").ok().as_deref())?);
    let demo = db.get_flag("demo").await?.is_some();
    let public_url = config::public_url(
        std::env::var("PUBLIC_URL").ok().as_deref(),
        leptos_options.site_addr,
        leptos_options.env == leptos::config::Env::PROD,
    )?;
    let secure = public_url.starts_with("https://");
    let session_store = crate::auth::session::store(&db).await?;
    let sessions = crate::auth::session::layer(session_store.clone(), secure);
    let auth =
        axum_login::AuthManagerLayerBuilder::new(crate::auth::Backend { db: db.clone() }, sessions).build();
    let limits = std::sync::Arc::new(crate::auth::limit::SignInLimits::default());
    let pages = std::sync::Arc::new(match config::page_cache(std::env::var("PAGE_CACHE").ok().as_deref())? {
        true => crate::page_cache::PageCache::default(),
        false => crate::page_cache::PageCache::off(),
    });
    let security = crate::security::SecuritySettings {
        frame_ancestors: config::frame_ancestors(std::env::var("FRAME_ANCESTORS").ok().as_deref())?,
        https: secure,
        reload_port: (leptos_options.env == leptos::config::Env::DEV
            && std::env::var("LEPTOS_WATCH").is_ok_and(|w| w == "true"))
        .then_some(leptos_options.reload_port),
    };
    let legal = crate::ui::Legal(std::sync::Arc::new(config::legal_texts(
        std::env::var_os("LEGAL_FILE").as_deref(),
    )?));
    let front_version = crate::kiosk::FrontVersion::of_site(
        &PathBuf::from(leptos_options.site_root.as_ref()).join(leptos_options.site_pkg_dir.as_ref()),
    );
    let state = AppState {
        leptos_options,
        db,
        demo,
        calendar,
        public_url,
        limits,
        pages,
        security: security.clone(),
        legal,
        front_version,
        imports: Default::default(),
        sessions: session_store,
    };
    let routes = route_list();
    let context_state = state.clone();
    // Static files get their own prefixes: `/{lang}/{quarter}` would otherwise claim `/pkg/x.css`.
    // A release build writes brotli and gzip copies beside them (`--precompress`); those are
    // sent as they are (the compression layer leaves encoded answers alone).
    let site_root = PathBuf::from(state.leptos_options.site_root.as_ref());
    let pkg_dir = site_root.join(state.leptos_options.site_pkg_dir.as_ref());
    let files = |dir: PathBuf| ServeDir::new(dir).precompressed_br().precompressed_gzip();
    // Pages address the build's files under its fingerprint: those answers may be kept for good.
    let forever = SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, |res: &Response<_>| {
        res.status().is_success().then_some(HeaderValue::from_static("public, max-age=31536000, immutable"))
    });
    // The shipped fonts carry their version in their names.
    let mut app = Router::new()
        .nest_service("/assets/fonts", forever.clone().layer(files(site_root.join("assets/fonts"))));
    let versioned = state.front_version.asset_root();
    if !versioned.is_empty() {
        let path = format!("{versioned}/{}", state.leptos_options.site_pkg_dir);
        app = app.nest_service(&path, forever.layer(files(pkg_dir.clone())));
    }
    let app = app
        .nest_service(&format!("/{}", state.leptos_options.site_pkg_dir), files(pkg_dir))
        .nest_service("/assets", files(site_root.join("assets")))
        .merge(crate::feeds::routes())
        .merge(crate::api::routes())
        .merge(crate::ops::health::routes())
        .merge(crate::kiosk::routes())
        .merge(crate::coverage_csv::routes())
        .merge(crate::offer_csv::routes())
        .merge(crate::calendar_sources::routes())
        .merge(crate::city_data::routes())
        .merge(crate::short_links::routes())
        .merge(crate::media::routes())
        .merge(crate::waiting_cards::routes())
        .route("/language/{code}", axum::routing::get(crate::language::choose))
        .route("/styles/{file}", axum::routing::get(crate::ui::tools_css::serve))
        .leptos_routes_with_context(&state, routes, move || context_state.provide(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            {
                let s = state.clone();
                move || s.provide()
            },
            shell,
        ))
        .layer(axum::middleware::from_fn(crate::ops::error_status::server_fn_error_status))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::short_links::follow_renamed))
        .layer(axum::middleware::from_fn(crate::language::redirect_to_locale))
        .layer(auth)
        .layer(tower_http::csrf::CsrfLayer::new())
        .layer(axum::middleware::from_fn(crate::security::log_csrf_rejection))
        .layer(axum::middleware::from_fn(crate::security::limit_streamed_body))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(crate::security::DOCUMENT_LIMIT))
        // axum's own 2 MB default for extractors (multipart uploads) would undercut the limits above.
        .layer(axum::extract::DefaultBodyLimit::disable())
        // Per-response compression at the fastest levels: what reaches it is rendered per
        // request (staff pages, the API, pages the cache does not keep), where the CPU is the
        // scarce part. Brotli 0 (its one-pass mode) for whoever takes brotli; gzip 1 (outside it:
        // it leaves an answer brotli already encoded alone) for the rest. On a 50-offer board
        // (69 KB) brotli 0 takes 2.7 M instructions for 11.4 KB, brotli 1 3.8 M for 11.0 KB,
        // brotli 4 (the default) many times more. Pages the cache keeps are compressed once, at
        // brotli 5 (`page_cache`).
        .layer(CompressionLayer::new().no_gzip().quality(CompressionLevel::Precise(0)))
        .layer(CompressionLayer::new().no_br().quality(CompressionLevel::Precise(1)))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::page_cache::cache_pages))
        .layer(axum::middleware::from_fn_with_state(security, crate::security::add_headers))
        .layer(axum::middleware::from_fn(crate::ops::access_log::log_request))
        .with_state(state);
    Ok(app)
}

/// The app's page routes, listed once per process. Listing them renders the app with resource
/// loading switched off process-wide (leptos-rs/leptos#4773), so it must never overlap with a page
/// being rendered — which it would when several routers are built in one process (tests, instances).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Runs the server until Ctrl-C or SIGTERM.
pub async fn serve(seed_demo: bool) -> Result<(), StartError> {
    let conf = get_configuration(None).map_err(|e| StartError::Leptos(e.to_string()))?;
    let options = conf.leptos_options;
    let addr = options.site_addr;
    let calendar = config::calendar_from_env()?;
    let db = open_database().await?;
    if seed_demo {
        crate::demo::seed_demo(&db, crate::clock::local_now(calendar.tz).date()).await?;
    }
    // Expired staff sessions are deleted hourly.
    let sessions = crate::auth::session::store(&db).await?;
    tokio::spawn(tower_sessions::session_store::ExpiredDeletion::continuously_delete_expired(
        sessions,
        tokio::time::Duration::from_secs(3600),
    ));
    tokio::spawn(checkpoint_periodically(db.clone()));
    if let Some(every) = config::calendar_refresh(std::env::var("CALENDAR_REFRESH_HOURS").ok().as_deref())? {
        tokio::spawn(crate::calendar_sources::refresh_periodically(db.clone(), calendar.clone(), every));
    }
    let db_for_shutdown = db.clone();
    let app = router(db, options, calendar).await?;
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => StartError::PortInUse { addr: addr.to_string() },
        _ => StartError::Listen { addr: addr.to_string(), source: e },
    })?;
    if let Some(metrics_addr) = config::metrics_addr(std::env::var("METRICS_ADDR").ok().as_deref())? {
        crate::ops::metrics::install();
        tokio::spawn(crate::ops::metrics::serve(metrics_addr, db_for_shutdown.clone()));
    }
    let stop = shutdown_signal();
    tracing::info!("listening on http://{addr}");
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(stop)
        .await
        .map_err(|e| StartError::Listen { addr: addr.to_string(), source: e })?;
    // In-flight requests are answered; now the pool is closed cleanly.
    db_for_shutdown.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// How often the SQLite write-ahead log is copied back into the database file and flushed
/// (commits themselves do not wait for the disk: `db::sync_at_checkpoints`).
const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_secs(1);
/// Every this many checkpoints, one that empties the WAL file.
const TRUNCATE_EVERY: u64 = 60;

/// Keeps the SQLite WAL flushed and bounded: a passive checkpoint every second, and every minute
/// one that waits for readers and empties the file (SQLite's passive checkpoints cannot empty it
/// while readers never pause, as with kiosks polling all day).
async fn checkpoint_periodically(db: Db) {
    let mut tick = tokio::time::interval(CHECKPOINT_EVERY);
    for n in 0u64.. {
        tick.tick().await;
        let done = if n % TRUNCATE_EVERY == 0 {
            db.checkpoint().await
        } else {
            db.checkpoint_passive().await.map(|_| true)
        };
        match done {
            Ok(true) => {}
            Ok(false) => tracing::info!("checkpoint incomplete: readers still busy, next round"),
            Err(e) => tracing::warn!(error = %e, "checkpoint failed"),
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM. The SIGTERM handler is installed when this is called, not when
/// the future is first polled (axum polls it on a task of its own, possibly after the first
/// requests), so a stop right after start is never missed.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).ok();
    async move {
        let ctrl_c = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        #[cfg(unix)]
        let term = async move {
            match term {
                Some(mut s) => {
                    s.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        #[cfg(not(unix))]
        let term = std::future::pending::<()>();
        tokio::select! { () = ctrl_c => {}, () = term => {} }
    }
}
