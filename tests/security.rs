//! Security by default: headers on every response, no cookies for residents, request size
//! limits, errors without internals, and security events in the log (without secrets).

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::staff::*;
use leptos::config::get_configuration;
use quartiersboard::db::Db;
use std::sync::{Arc, Mutex};

async fn app(db: &Db) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

/// Public addresses of the demo city: pages, a feed, a health check, a missing page.
const PUBLIC: &[&str] = &[
    "/de",
    "/de/welheim",
    "/de/welheim?age=3&day=wed",
    "/de/welheim/week",
    "/de/welheim/network",
    "/de/offers/krabbelcafe-sonnenblume",
    "/de/list?ids=1,2",
    "/de/imprint",
    "/de/privacy",
    "/de/accessibility",
    "/ar/welheim",
    "/kiosk/welheim?langs=de,ar",
    "/kiosk/welheim/data",
    "/kiosk-sw.js",
    "/de/staff/sign-in",
    "/feeds/de/quarters/welheim.ics",
    "/healthz",
    "/de/no-such-quarter",
];

/// Every response carries the CSP and the other headers; a page's CSP names the nonce its
/// scripts carry, and only pages may run scripts at all.
#[tokio::test]
async fn every_response_has_the_security_headers() {
    let t = common::sqlite_with_demo().await;
    let app = app(&t.db).await;
    let mut c = Client::new(&app);
    // Twice: the second answer of a page comes from the page cache.
    for path in PUBLIC.iter().chain(PUBLIC) {
        let r = c.get(path).await;
        assert!(r.status != StatusCode::INTERNAL_SERVER_ERROR, "{path}: {}", r.status);
        let csp = r.headers.get(header::CONTENT_SECURITY_POLICY).unwrap_or_else(|| panic!("{path}: no CSP"));
        let csp = csp.to_str().unwrap();
        for part in ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"] {
            assert!(csp.contains(part), "{path}: {part} missing in {csp}");
        }
        let is_page =
            r.headers.get(header::CONTENT_TYPE).is_some_and(|v| v.to_str().unwrap().starts_with("text/html"));
        if is_page {
            assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
            let nonce = r.body.split("nonce=\"").nth(1).and_then(|s| s.split('"').next());
            let nonce = nonce.unwrap_or_else(|| panic!("{path}: page without a script nonce"));
            assert!(
                csp.contains(&format!("script-src 'nonce-{nonce}' 'strict-dynamic' 'wasm-unsafe-eval'")),
                "{path}: {csp} does not name the nonce {nonce}"
            );
            assert!(!csp.contains("'unsafe-eval'") && !csp.contains("script-src 'unsafe-inline'"), "{csp}");
        } else {
            assert!(csp.starts_with("default-src 'none'"), "{path}: {csp}");
        }
        assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
        assert_eq!(r.headers[header::REFERRER_POLICY], "strict-origin-when-cross-origin", "{path}");
        let permissions = r.headers["permissions-policy"].to_str().unwrap();
        assert!(permissions.contains("camera=()") && permissions.contains("geolocation=()"), "{path}");
        assert_eq!(r.headers[header::X_FRAME_OPTIONS], "DENY", "{path}");
        // Served over plain HTTP in tests: no HSTS (it is sent only when PUBLIC_URL is https).
        assert!(r.headers.get(header::STRICT_TRANSPORT_SECURITY).is_none(), "{path}");
    }
    // Server-function answers are not pages either.
    let r = c.call(&sign_in_path(), "email=x%40example.de&password=wrong").await;
    let csp = r.headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.starts_with("default-src 'none'"), "{csp}");
    // Each freshly rendered page gets a new nonce.
    let nonce = |body: &str| body.split("nonce=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let a = c.get("/de/privacy?fresh=1").await;
    let b = c.get("/de/privacy?fresh=2").await;
    assert_ne!(nonce(&a.body), nonce(&b.body));
}

/// A resident's plain visit stores nothing: no cookie on any public answer. Choosing a language
/// explicitly is the one thing that sets one (strictly necessary, documented on the privacy page).
#[tokio::test]
async fn residents_get_no_cookies_unless_they_choose_a_language() {
    let t = common::sqlite_with_demo().await;
    let app = app(&t.db).await;
    let mut c = Client::new(&app);
    for path in PUBLIC.iter().chain(&["/", "/welheim"]) {
        let r = c.get(path).await;
        assert!(
            r.headers.get(header::SET_COOKIE).is_none(),
            "{path} sets {:?}",
            r.headers.get(header::SET_COOKIE)
        );
    }
    let r = c.get("/language/ar?to=/de/welheim").await;
    let cookie = r.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("qb_lang=ar"), "{cookie}");
    let privacy = c.get("/de/privacy").await;
    assert!(privacy.body.contains("qb_lang"), "the privacy notice does not document the language cookie");
}

/// Bodies beyond the limit are refused before any server function reads them.
#[tokio::test]
async fn oversized_bodies_are_refused() {
    let t = common::sqlite_with_demo().await;
    let app = app(&t.db).await;
    let mut c = Client::new(&app);
    let big = format!("email=a%40b.de&password={}", "x".repeat(quartiersboard::security::BODY_LIMIT + 1));
    // With the length declared up front, as browsers do.
    let req = Request::post(sign_in_path())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, big.len());
    let r = c.send(req, Body::from(big.clone())).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    let r = c.call(&sign_in_path(), &big).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Without a length announced up front (streamed), the limit holds as well.
    let chunks = futures::stream::iter(
        (0..64).map(|_| Ok::<_, std::io::Error>(axum::body::Bytes::from(vec![b'x'; 8 * 1024]))),
    );
    let req = Request::post(sign_in_path()).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    let r = c.send(req, Body::from_stream(chunks)).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(!r.body.contains("xxxx"), "the oversized body is echoed");
    // A normal-sized form still gets through.
    let r = c.call(&sign_in_path(), "email=a%40b.de&password=nicht+das+richtige").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
}

/// Collects everything logged while a test runs (JSON lines, as in production).
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

/// Sign-in success and failure, the rate limit, denied access and CSRF refusals are logged as
/// structured events — and the log never holds a password or a session ID.
#[tokio::test]
async fn security_events_are_logged_without_secrets() {
    let log = Captured::default();
    let writer = log.clone();
    let subscriber = tracing_subscriber::fmt().json().with_writer(move || writer.clone()).finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let t = common::sqlite_with_demo().await;
    seed_staff(&t.db).await;
    let app = app(&t.db).await;
    let mut editor = Client::new(&app);
    editor.sign_in(EDITOR_A).await;
    let session = editor.cookie.clone().unwrap();
    let session_id = session.split_once('=').unwrap().1.to_owned();
    // Denied: an editor of A may not manage users.
    let r = editor
        .call(path_of::<quartiersboard::serverfns::users::SetRoleTotp>(), "role=editor&required=true")
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    // Wrong passwords until the limit answers.
    let mut stranger = Client::new(&app);
    let mut limited = false;
    for _ in 0..30 {
        let r = stranger
            .call(&sign_in_path(), &format!("email={}&password=Falsches+Passwort+1", enc(ADMIN)))
            .await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            limited = true;
            break;
        }
    }
    assert!(limited, "no rate limit after 30 wrong passwords");
    // A cross-site form post (another origin, as a browser announces it).
    let req = Request::post(sign_in_path())
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://evil.example")
        .header("sec-fetch-site", "cross-site");
    let r = stranger.send(req, Body::from(format!("email={}&password=x", enc(ADMIN)))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let text = log.text();
    for event in ["sign_in", "sign_in_failed", "sign_in_rate_limited", "access_denied", "csrf_rejected"] {
        assert!(text.contains(&format!("\"event\":\"{event}\"")), "no {event} event in the log:\n{text}");
    }
    assert!(!text.contains(PASSWORD) && !text.contains("Falsches Passwort"), "a password is in the log");
    assert!(!text.contains(&session_id), "a session ID is in the log");
}

/// Signals that an answer leaks internals.
const INTERNALS: &[&str] = &[
    "sqlx",
    "SELECT ",
    "INSERT ",
    "UPDATE ",
    "sqlite",
    "SQLITE",
    "postgres",
    "/root/",
    "/home/",
    "src/",
    ".rs:",
    "panicked",
    "backtrace",
    "stack backtrace",
];

/// Missing pages and failed calls answer without SQL, paths or backtraces.
#[tokio::test]
async fn error_answers_hold_no_internals() {
    let t = common::sqlite_with_demo().await;
    let app = app(&t.db).await;
    let mut c = Client::new(&app);
    for path in
        ["/de/no-such-quarter", "/de/offers/no-such-offer", "/feeds/de/offers/nope.ics", "/pkg/nope.js"]
    {
        let r = c.get(path).await;
        assert!(r.status.is_client_error(), "{path}: {}", r.status);
        for bad in INTERNALS {
            assert!(!r.body.contains(bad), "{path} shows {bad}");
        }
    }
    let get_offer =
        leptos::server_fn::axum::server_fn_paths().find(|(p, _)| p.contains("get_offer")).unwrap().0;
    let r = c.call(get_offer, "locale=de&offer='%3B%20DROP%20TABLE%20offers").await;
    for bad in INTERNALS {
        assert!(!r.body.contains(bad), "get_offer shows {bad}: {}", r.body);
    }
    // With the database gone, reads fail with a plain message.
    t.db.close().await;
    let r = c.get("/de/welheim?after-close=1").await;
    assert!(r.status.is_server_error(), "{}", r.status);
    for bad in INTERNALS {
        assert!(!r.body.contains(bad), "a failed page shows {bad}");
    }
}
