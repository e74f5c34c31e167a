//! Kiosk screens over HTTP: the data endpoint (JSON per language, ETag, small 304s, 404s), the
//! page without links to leave it, the service worker, and the administrators' list of screens.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use quartiersboard::domain::kiosk::KioskData;

async fn app(t: &common::TestDb) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

/// What a 304 costs on the wire: status line, headers and the blank line (HTTP/1.1).
fn wire_bytes(r: &Reply) -> usize {
    let status = format!("HTTP/1.1 {}\r\n", r.status).len();
    let headers: usize = r.headers.iter().map(|(k, v)| k.as_str().len() + 2 + v.len() + 2).sum();
    // The server adds `date` and `content-length`/`connection` as it writes the answer.
    status
        + headers
        + "date: Fri, 27 Nov 2026 10:42:00 GMT\r\n".len()
        + "content-length: 0\r\n".len()
        + 2
        + r.body.len()
}

/// Two weeks in each asked language (Arabic marked right-to-left, unknown ones dropped); asking
/// again with the ETag gets a bodiless 304 of at most 400 bytes; a change to an offer changes the
/// data and its ETag.
async fn data_endpoint_revalidates(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    let path = "/kiosk/welheim/data?langs=de,ar,xx";
    let first = c.get(path).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.headers[header::CACHE_CONTROL], "no-cache");
    let data: KioskData = serde_json::from_str(&first.body).unwrap();
    let langs: Vec<(&str, bool)> = data.langs.iter().map(|l| (l.lang.as_str(), l.rtl)).collect();
    assert_eq!(langs, [("de", false), ("ar", true)]);
    assert!(data.langs.iter().all(|l| l.days.len() == 14 && !l.quarter_name.is_empty()));
    assert_eq!(data.langs[0].quarter_name, "Welheim");
    assert_eq!(data.from, quartiersboard::domain::kiosk::monday_of(common::today()));
    assert!(data.langs[0].days.iter().any(|d| d.entries.iter().any(|e| e.title.contains("Krabbelcafé"))));
    assert!(data.qr_svg.starts_with("<svg") && data.board_url.ends_with("/q/welheim/de"));
    let etag = first.headers[header::ETAG].to_str().unwrap().to_owned();

    let again = c.send(Request::get(path).header(header::IF_NONE_MATCH, &etag), Body::empty()).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert!(wire_bytes(&again) <= 400, "304 of {} bytes: {:?}", wire_bytes(&again), again.headers);

    let mut admin = Client::new(&app);
    admin.sign_in(ADMIN).await;
    let id = t.db.get_offer_id("krabbelcafe-sonnenblume").await.unwrap();
    let r = admin.call(save_offer_path(), &retitle_body(&t.db, id, "Krabbelcafé am Kiosk").await).await;
    assert!(r.status.is_success(), "{}", r.body);
    let changed = c.send(Request::get(path).header(header::IF_NONE_MATCH, &etag), Body::empty()).await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_ne!(changed.headers[header::ETAG].to_str().unwrap(), etag);
    assert!(changed.body.contains("Krabbelcafé am Kiosk"));
}

/// A week far away is clamped; unknown quarters and broken slugs are 404, never 500.
async fn data_endpoint_answers_nonsense(kind: Kind) {
    let t = common::with_demo(kind).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    for path in ["/kiosk/nowhere/data", "/kiosk/..%2Fetc/data", "/kiosk/WELHEIM%20X/data"] {
        assert_eq!(c.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    let r = c.get("/kiosk/welheim/data?from=1999-01-04&langs=&rotate=-1&views=nope&awake=x").await;
    assert_eq!(r.status, StatusCode::OK);
    let data: KioskData = serde_json::from_str(&r.body).unwrap();
    assert_eq!(data.from, quartiersboard::domain::kiosk::monday_of(common::today()));
    assert_eq!(data.langs.len(), 1);
    let next = quartiersboard::domain::kiosk::monday_of(common::today()) + chrono::Duration::days(7);
    let r = c.get(&format!("/kiosk/welheim/data?from={next}")).await;
    let data: KioskData = serde_json::from_str(&r.body).unwrap();
    assert_eq!(data.from, next);
}

on_both!(data_endpoint_revalidates, data_endpoint_answers_nonsense);

/// The page shows the quarter in the first language with its QR code and has no links a passer-by
/// could follow; the service worker is served for the kiosk scope; an unknown quarter is a 404.
#[tokio::test]
async fn kiosk_page_and_service_worker() {
    let t = common::sqlite_with_demo().await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    let page = c.get("/kiosk/welheim?langs=ar,de&rotate=5").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains(r#"lang="ar""#) && page.body.contains(r#"dir="rtl""#),
        "{}",
        &page.body[..400]
    );
    assert!(page.body.contains("<svg") && page.body.contains("kiosk-clock"));
    assert!(!page.body.contains("<a "), "a link on the kiosk page");
    assert!(page.headers.get(header::SET_COOKIE).is_none());
    let sw = c.get("/kiosk-sw.js").await;
    assert_eq!(sw.status, StatusCode::OK);
    assert!(sw.headers[header::CONTENT_TYPE].to_str().unwrap().starts_with("text/javascript"));
    assert!(sw.body.contains("addEventListener(\"fetch\""));
    assert_eq!(c.get("/kiosk/nowhere").await.status, StatusCode::NOT_FOUND);
}

/// Administrators list every quarter's kiosk address with a Chromium command; nobody else may.
#[tokio::test]
async fn only_administrators_list_kiosks() {
    let t = common::sqlite_with_demo().await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let path = path_of::<quartiersboard::serverfns::GetKiosks>();
    let mut admin = Client::new(&app);
    admin.sign_in(ADMIN).await;
    let r = admin.call(path, "locale=de").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("/kiosk/welheim?langs=de,ar,ru,fa") && r.body.contains("chromium --kiosk"));
    let page = admin.get("/de/staff/kiosks").await;
    assert!(page.body.contains("chromium --kiosk"), "{}", page.body);
    for who in [EDITOR_A, COORDINATOR_X, GUIDE] {
        let mut c = Client::new(&app);
        c.sign_in(who).await;
        assert_eq!(c.call(path, "locale=de").await.status, StatusCode::FORBIDDEN, "{who}");
    }
    assert_eq!(Client::new(&app).call(path, "locale=de").await.status, StatusCode::UNAUTHORIZED);
}
