//! The whole city as a Quartiersboard JSON document in the staff area, over HTTP as an
//! administrator uses it: downloaded from one installation, checked and then added to an empty
//! one; the same file again names every identifier as taken, broken JSON its line and column, in
//! German, writing nothing; a document with many offers is written in the background until the
//! page shows the report; editors may do none of it.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use quartiersboard::db::{Db, NewUser};
use quartiersboard::domain::staff::Role;

const PAGE: &str = "/de/staff/data";

async fn app(db: &Db) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

async fn admin_only(db: &Db) {
    let new = NewUser {
        email: ADMIN.into(),
        name: "Admin".into(),
        password_hash: password_auth::generate_hash(PASSWORD),
        role: Role::Admin,
        organisation: None,
        quarters: vec![],
    };
    db.create_user(&new, None).await.unwrap();
}

/// Uploads `file` as the page's form does; the answer's status.
async fn upload(c: &mut Client, file: &[u8], dry_run: bool) -> StatusCode {
    let b = "----quartiersboard-test";
    let mut body = Vec::new();
    if dry_run {
        body.extend(
            format!("--{b}\r\nContent-Disposition: form-data; name=\"dry_run\"\r\n\r\non\r\n").bytes(),
        );
    }
    body.extend(
        format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stadt.json\"\r\nContent-Type: application/json\r\n\r\n")
            .bytes(),
    );
    body.extend_from_slice(file);
    body.extend(format!("\r\n--{b}--\r\n").bytes());
    let req = Request::post("/de/staff/data/import")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}"));
    let r = c.send(req, Body::from(body)).await;
    if r.status == StatusCode::SEE_OTHER {
        assert_eq!(r.location.as_deref(), Some(PAGE));
    }
    r.status
}

async fn page(c: &mut Client) -> String {
    let r = c.get(PAGE).await;
    assert_eq!(r.status, StatusCode::OK);
    r.body.replace("<!-- -->", "").replace("<!>", "")
}

async fn city_document_in_the_staff_area(kind: Kind) {
    let source = common::with_demo(kind).await;
    seed_staff(&source.db).await;
    let from = app(&source.db).await;
    let mut c = Client::new(&from);
    c.sign_in(ADMIN).await;
    let download = c.get("/de/staff/city.json").await;
    assert_eq!(download.status, StatusCode::OK);
    let file = download.body.clone().into_bytes();
    let doc: serde_json::Value = serde_json::from_slice(&file).unwrap();
    let offers = doc["offers"].as_array().unwrap().len();
    assert!(offers > 10);

    // The same file into the installation it came from: every identifier is taken.
    assert_eq!(upload(&mut c, &file, true).await, StatusCode::SEE_OTHER);
    let html = page(&mut c).await;
    assert!(html.contains("Es wurde nichts gespeichert."), "{html}");
    assert!(
        html.contains("<td><code dir=\"ltr\">quarters/welheim</code></td><td>Das ist schon vergeben."),
        "{html}"
    );
    // Broken JSON: its line and column.
    assert_eq!(
        upload(&mut c, b"{\n  \"format\": \"quartiersboard/1\",\n  oops\n}", true).await,
        StatusCode::SEE_OTHER
    );
    let html = page(&mut c).await;
    assert!(
        html.contains(
            "<code dir=\"ltr\">line 3, column 3</code></td><td>Hier ist die Datei kein gültiges JSON:"
        ),
        "{html}"
    );

    // Into an empty installation: checked first (nothing written), then added.
    let target = common::empty(kind).await;
    admin_only(&target.db).await;
    let to = app(&target.db).await;
    let mut t = Client::new(&to);
    t.sign_in(ADMIN).await;
    // Over axum's 2 MB default for uploads (white space after the document is still JSON).
    let mut padded = file.clone();
    padded.extend(std::iter::repeat_n(b' ', 3 << 20));
    assert_eq!(upload(&mut t, &padded, true).await, StatusCode::SEE_OTHER);
    let html = page(&mut t).await;
    assert!(html.contains("Geprüft, keine Fehler."), "{html}");
    assert!(html.contains(&format!("Angebote: {offers}.")), "{html}");
    assert!(target.db.list_offer_slugs().await.unwrap().is_empty());
    assert_eq!(upload(&mut t, &file, false).await, StatusCode::SEE_OTHER);
    assert!(page(&mut t).await.contains("Gespeichert."));
    assert_eq!(target.db.list_offer_slugs().await.unwrap().len(), offers);
    let id = target.db.get_offer_id(doc["offers"][0]["slug"].as_str().unwrap()).await.unwrap();
    let audit = target.db.list_audit(quartiersboard::domain::audit::Entity::Offer, id).await.unwrap();
    assert_eq!((audit[0].actor.as_str(), audit[0].action.as_str()), (ADMIN, "import"));
    assert_eq!(t.get("/de/staff/city.json").await.body, download.body, "the same document comes back");

    // Many offers: written in the background; look again until the report is there.
    let mut big = doc.clone();
    let first = big["offers"][0].clone();
    let extra = quartiersboard::import_jobs::BACKGROUND_LINES + 10;
    for i in 0..extra {
        let mut o = first.clone();
        o["slug"] = format!("viele-{i}").into();
        big["offers"].as_array_mut().unwrap().push(o);
    }
    let third = common::empty(kind).await;
    admin_only(&third.db).await;
    let mut b = Client::new(&app(&third.db).await);
    b.sign_in(ADMIN).await;
    // On PostgreSQL another transaction holds the data version, as a slow write elsewhere would:
    // the import cannot finish, so the page must show it running.
    let mut lock = None;
    if matches!(kind, Kind::Postgres) {
        use sqlx::Connection;
        let mut conn = sqlx::AnyConnection::connect(&third.url).await.unwrap();
        sqlx::query("BEGIN").execute(&mut conn).await.unwrap();
        sqlx::query("UPDATE data_version SET n = n + 1 WHERE id = 1").execute(&mut conn).await.unwrap();
        lock = Some(conn);
    }
    assert_eq!(upload(&mut b, &serde_json::to_vec(&big).unwrap(), false).await, StatusCode::SEE_OTHER);
    let mut html = page(&mut b).await;
    if let Some(mut conn) = lock {
        assert!(html.contains("Die Daten werden gespeichert."), "{html}");
        assert!(third.db.list_offer_slugs().await.unwrap().is_empty(), "nothing written yet");
        sqlx::query("ROLLBACK").execute(&mut conn).await.unwrap();
    }
    for _ in 0..600 {
        if !html.contains("Die Daten werden gespeichert.") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        html = page(&mut b).await;
    }
    assert!(html.contains("Gespeichert."), "{html}");
    assert_eq!(third.db.list_offer_slugs().await.unwrap().len(), offers + extra);

    // Editors may neither download nor add.
    let mut editor = Client::new(&from);
    editor.sign_in(EDITOR_A).await;
    assert_eq!(editor.get("/de/staff/city.json").await.status, StatusCode::FORBIDDEN);
    assert_eq!(upload(&mut editor, &file, true).await, StatusCode::FORBIDDEN);
}

on_both!(city_document_in_the_staff_area);
