//! Fresh data: an offer not confirmed for one period is flagged to the people who run it; after
//! two periods it leaves every public page (not deleted) until someone confirms it again.

mod common;

use axum::http::StatusCode;
use chrono::Duration;
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use quartiersboard::serverfns::offers::{ConfirmOffers, GetStaffOffers, StaffOffers};

async fn app(t: &common::TestDb) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

async fn set_confirmed(t: &common::TestDb, slug: &str, days_ago: i64) {
    let raw = sqlx::AnyPool::connect(t.db.url()).await.unwrap();
    sqlx::query("UPDATE offers SET last_confirmed = $1 WHERE slug = $2")
        .bind((common::today() - Duration::days(days_ago)).to_string())
        .bind(slug)
        .execute(&raw)
        .await
        .unwrap();
    raw.close().await;
}

const STALE: &str = "krabbelcafe-sonnenblume";
const DUE: &str = "babymassage-sonnenblume";

/// Thirteen months without confirmation (default period six months): gone from the board, the
/// network page, the offer page and the kiosk; seven months: still public, but flagged. The
/// organisation's editor sees both in the dashboard, confirms, and the offer is back.
async fn unconfirmed_offers_leave_and_come_back(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    set_confirmed(&t, STALE, 400).await;
    set_confirmed(&t, DUE, 210).await;
    let app = app(&t).await;
    let mut public = Client::new(&app);
    let board = public.get("/de/welheim").await;
    assert!(!board.body.contains(&format!("/de/offers/{STALE}")), "stale offer on the board");
    assert!(board.body.contains(&format!("/de/offers/{DUE}")), "due offer missing from the board");
    assert_eq!(public.get(&format!("/de/offers/{STALE}")).await.status, StatusCode::NOT_FOUND);
    assert!(!public.get("/de/welheim/network").await.body.contains(&format!("/de/offers/{STALE}")));
    assert!(!public.get("/kiosk/welheim/data?langs=de").await.body.contains("Krabbelcafé"));
    assert!(public.get(&format!("/de/offers/{DUE}")).await.status.is_success());

    let mut editor = Client::new(&app);
    editor.sign_in(EDITOR_A).await;
    let r = editor.call(path_of::<GetStaffOffers>(), "query=mine%3D1%26unconfirmed%3D1").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page: StaffOffers = serde_json::from_str(&r.body).unwrap();
    assert!(page.due >= 2 && page.hidden == 1, "due {} hidden {}", page.due, page.hidden);
    assert_eq!(page.months, 6);
    let listed: Vec<&str> = page.rows.iter().map(|r| r.slug.as_str()).collect();
    assert!(listed.contains(&STALE) && listed.contains(&DUE), "{listed:?}");
    let html = editor.get("/de/staff").await.body.replace("<!>", "");
    assert!(html.contains("davon schon nicht mehr öffentlich sichtbar: 1"), "{html}");
    assert!(html.contains("nicht öffentlich sichtbar</span>"));

    // The quarter's coordinator is told too; another organisation's editor is not.
    let mut coordinator = Client::new(&app);
    coordinator.sign_in(COORDINATOR_X).await;
    let theirs: StaffOffers =
        serde_json::from_str(&coordinator.call(path_of::<GetStaffOffers>(), "query=").await.body).unwrap();
    assert_eq!(theirs.hidden, 1);
    let mut other = Client::new(&app);
    other.sign_in(EDITOR_B).await;
    let theirs: StaffOffers =
        serde_json::from_str(&other.call(path_of::<GetStaffOffers>(), "query=").await.body).unwrap();
    assert_eq!(theirs.hidden, 0);

    let id = t.db.get_offer_id(STALE).await.unwrap();
    let r = editor.call(path_of::<ConfirmOffers>(), &format!("ids[]={id}")).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert!(public.get("/de/welheim").await.body.contains(&format!("/de/offers/{STALE}")));
    assert!(public.get(&format!("/de/offers/{STALE}")).await.status.is_success());
}

on_both!(unconfirmed_offers_leave_and_come_back);
