//! Several instances on one database, copying between backends, online backup and restore,
//! health endpoints.

mod common;

use axum::http::StatusCode;
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use quartiersboard::db::Db;

async fn instance(db: &Db) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

/// Two instances on one database: a change saved through one shows on the other at once (its
/// page cache and kept boards notice the new data version), and a staff session started on one is valid on the
/// other.
async fn two_instances_share_changes_and_sessions(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    // Each instance opens its own pool, as a second process would.
    let other_db = Db::connect(t.db.url()).await.unwrap();
    let (a, b) = (instance(&t.db).await, instance(&other_db).await);
    let mut on_a = Client::new(&a);
    on_a.sign_in(ADMIN).await;
    let mut on_b = Client { app: b.clone(), cookie: on_a.cookie.clone(), peer: None };
    let version_before = other_db.get_data_version().await.unwrap();
    // B has the offer page in its page cache before the change.
    let before = Client::new(&b).get("/de/offers/krabbelcafe-sonnenblume").await;
    assert!(!before.body.contains("Krabbelcafé (neu)"));
    // …and the quarter's board kept (`memo`) from rendering its board.
    assert!(!Client::new(&b).get("/de/welheim").await.body.contains("Krabbelcafé (neu)"));
    assert_eq!(on_b.get("/de/staff").await.status, StatusCode::OK, "session from A refused by B");
    let id = t.db.get_offer_id("krabbelcafe-sonnenblume").await.unwrap();
    let stored = t.db.get_stored_offer(id).await.unwrap();
    let mut form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    form.texts.get_mut("de").unwrap().title = "Krabbelcafé (neu)".into();
    #[derive(serde::Serialize)]
    struct Args {
        id: i64,
        form: quartiersboard::domain::offer_form::OfferForm,
    }
    let body = serde_qs::to_string(&Args { id, form }).unwrap();
    let r = on_a.call(path_of::<quartiersboard::serverfns::offers::SaveOffer>(), &body).await;
    assert!(r.status.is_success(), "{}", r.body);
    let page = Client::new(&b).get("/de/offers/krabbelcafe-sonnenblume").await;
    assert!(page.body.contains("Krabbelcafé (neu)"), "B does not see A's change");
    // A board address B has not rendered before is made from the new data, not B's kept board.
    let board = Client::new(&b).get("/de/welheim?all=1").await;
    assert!(board.body.contains("Krabbelcafé (neu)"), "B's kept board outlived A's change");
    // The data version that instances' caches compare moved on, as seen from B's own pool.
    assert!(other_db.get_data_version().await.unwrap() > version_before);
    other_db.close().await;
}

/// `/healthz` answers; `/readyz` answers once the database is reachable and migrated.
async fn health_and_readiness(kind: Kind) {
    let t = common::with_demo(kind).await;
    let app = instance(&t.db).await;
    let mut c = Client::new(&app);
    assert_eq!(c.get("/healthz").await.status, StatusCode::OK);
    let ready = c.get("/readyz").await;
    assert_eq!((ready.status, ready.body.as_str()), (StatusCode::OK, "ready"));
    t.db.close().await;
    assert_eq!(c.get("/readyz").await.status, StatusCode::SERVICE_UNAVAILABLE);
}

/// Cached pages carry a strong ETag; asking again with it gets 304 and no body; compressed
/// variants are served to clients that accept them.
async fn cached_pages_revalidate(kind: Kind) {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    let t = common::with_demo(kind).await;
    let app = instance(&t.db).await;
    let get = |headers: Vec<(&'static str, String)>| {
        let mut req = Request::get("/de/welheim");
        for (k, v) in headers {
            req = req.header(k, v);
        }
        app.clone().oneshot(req.body(Body::empty()).unwrap())
    };
    let first = get(vec![]).await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let again = get(vec![("if-none-match", etag.clone())]).await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    let br = get(vec![("accept-encoding", "gzip, br".into())]).await.unwrap();
    assert_eq!(br.headers()["content-encoding"], "br");
    assert_eq!(br.headers()["etag"].to_str().unwrap(), etag);
}

on_both!(two_instances_share_changes_and_sessions, health_and_readiness, cached_pages_revalidate);

/// SQLite → PostgreSQL → SQLite keeps every row of every table (counts and content hashes).
#[tokio::test]
async fn copy_between_backends_round_trips() {
    let source = common::with_demo(Kind::Sqlite).await;
    seed_staff(&source.db).await;
    let admin = source.db.get_account_by_email(ADMIN).await.unwrap().unwrap().actor;
    let id = source.db.get_offer_id("krabbelcafe-sonnenblume").await.unwrap();
    source.db.confirm_offers(&[id], common::today(), &admin).await.unwrap();
    let pg = common::postgres().await;
    source.db.copy_into(&pg.db).await.unwrap();
    assert_eq!(pg.db.digest().await.unwrap(), source.db.digest().await.unwrap());
    let back = common::sqlite().await;
    pg.db.copy_into(&back.db).await.unwrap();
    assert_eq!(back.db.digest().await.unwrap(), source.db.digest().await.unwrap());
    // Ids continue after the copied ones, and search works on the copy.
    let t = pg.db.get_offer_id("krabbelcafe-sonnenblume").await.unwrap();
    assert_eq!(t, id);
    assert!(!pg.db.search_offers("welheim", "Krabbel").await.unwrap().is_empty());
    let refused = pg.db.copy_into(&pg.db).await;
    assert!(refused.is_err(), "copying into a filled database must be refused");
}

/// The metrics listener counts requests by status and reports the database pool.
#[tokio::test]
async fn metrics_count_requests() {
    let t = common::with_demo(Kind::Sqlite).await;
    let handle = quartiersboard::ops::metrics::install();
    let app = instance(&t.db).await;
    Client::new(&app).get("/de/welheim").await;
    Client::new(&app).get("/de/atlantis").await;
    let addr: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let local = listener.local_addr().unwrap();
    drop(listener);
    tokio::spawn(quartiersboard::ops::metrics::serve(local, t.db.clone()));
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let body = {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut s = tokio::net::TcpStream::connect(local).await.unwrap();
        s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").await.unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).await.unwrap();
        out
    };
    assert!(body.contains("http_requests_total{method=\"GET\",status=\"2xx\"}"), "{body}");
    assert!(body.contains("http_requests_total{method=\"GET\",status=\"4xx\"}"), "{body}");
    assert!(body.contains("db_pool_connections"), "{body}");
    assert!(!handle.render().is_empty());
}
