//! Short links and QR codes for print: every quarter's board in every language as PNG and SVG,
//! decoded by an independent reader (zbarimg from zbar-tools; the SVG rasterised by rsvg-convert),
//! redirects to the page, and an offer's old slug still working after a rename.

mod common;

use axum::http::{header, StatusCode};
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use leptos_i18n::Locale as _;
use quartiersboard::domain::offer_form::OfferForm;
use quartiersboard::i18n::Locale;
use quartiersboard::serverfns::offers::SaveOffer;
use std::process::Command;

async fn app(t: &common::TestDb) -> (axum::Router, String) {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    let public = format!("http://{}", conf.leptos_options.site_addr);
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap();
    (app, public)
}

async fn bytes(app: &axum::Router, path: &str) -> (StatusCode, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let res = app
        .clone()
        .oneshot(axum::http::Request::get(path).body(axum::body::Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    (status, res.into_body().collect().await.unwrap().to_bytes().to_vec())
}

/// What zbarimg reads from an image file.
fn decode(file: &std::path::Path) -> String {
    let out = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(file)
        .output()
        .expect("zbarimg (zbar-tools) installed");
    assert!(out.status.success(), "zbarimg could not read {}", file.display());
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

/// Every quarter × language: the PNG and the rasterised SVG decode to the short link, and the
/// short link redirects to the board in that language.
#[tokio::test]
async fn every_quarter_and_language_decodes() {
    let t = common::sqlite_with_demo().await;
    let (app, public) = app(&t).await;
    let dir = tempfile::tempdir().unwrap();
    let mut c = Client::new(&app);
    for q in t.db.list_quarters("de").await.unwrap() {
        for l in Locale::get_all() {
            let lang = l.as_str();
            let expected = format!("{public}/q/{}/{lang}", q.slug);
            let (status, png) = bytes(&app, &format!("/qr/q/{}/{lang}.png", q.slug)).await;
            assert_eq!(status, StatusCode::OK);
            let png_file = dir.path().join(format!("{}-{lang}.png", q.slug));
            std::fs::write(&png_file, png).unwrap();
            assert_eq!(decode(&png_file), expected, "PNG");
            let (status, svg) = bytes(&app, &format!("/qr/q/{}/{lang}.svg", q.slug)).await;
            assert_eq!(status, StatusCode::OK);
            let svg_file = dir.path().join(format!("{}-{lang}.svg", q.slug));
            let raster = dir.path().join(format!("{}-{lang}-svg.png", q.slug));
            std::fs::write(&svg_file, svg).unwrap();
            let ok = Command::new("rsvg-convert")
                .arg("-o")
                .arg(&raster)
                .arg(&svg_file)
                .status()
                .expect("rsvg-convert (librsvg2-bin) installed");
            assert!(ok.success());
            assert_eq!(decode(&raster), expected, "SVG");
            let r = c.get(&format!("/q/{}/{lang}", q.slug)).await;
            assert_eq!(r.status, StatusCode::FOUND);
            assert_eq!(r.location.as_deref(), Some(format!("/{lang}/{}", q.slug).as_str()));
        }
    }
    let week = c.get("/q/welheim/ar/week").await;
    assert_eq!(week.location.as_deref(), Some("/ar/welheim/week"));
    let (_, png) = bytes(&app, "/qr/q/welheim/ar-week.png").await;
    let file = dir.path().join("week.png");
    std::fs::write(&file, png).unwrap();
    assert_eq!(decode(&file), format!("{public}/q/welheim/ar/week"));
    // A shortlist's code carries the list in its address.
    let (status, png) = bytes(&app, "/qr/list/de.png?list=muettercafe-welheim,krabbelcafe-sonnenblume").await;
    assert_eq!(status, StatusCode::OK);
    std::fs::write(dir.path().join("list.png"), png).unwrap();
    assert_eq!(
        decode(&dir.path().join("list.png")),
        format!("{public}/de/list?list=muettercafe-welheim,krabbelcafe-sonnenblume")
    );
    // Link previews show the page's code; every page but the offer (own section) offers "share".
    let board = c.get("/ar/welheim").await.body;
    assert!(
        board.contains(&format!(r#"<meta property="og:image" content="{public}/qr/q/welheim/ar.png""#)),
        "{board}"
    );
    assert!(board.contains("share-actions"));
    let week = c.get("/de/welheim/week").await.body;
    assert!(week.contains("/qr/q/welheim/de-week.png") && week.contains("share-actions"));
    let offer = c.get("/de/offers/muettercafe-welheim").await.body;
    assert!(offer.contains("/qr/o/muettercafe-welheim/de.png"));
    assert_eq!(offer.matches("share-actions").count(), 1);
    // The start, network and shortlist pages have a preview image too: their own address's code.
    for (page, image, address) in [
        ("/ar", "/qr/start/ar.png".to_owned(), format!("{public}/ar")),
        (
            "/de/welheim/network",
            "/qr/q/welheim/network/de.png".to_owned(),
            format!("{public}/de/welheim/network"),
        ),
        (
            "/ru/list?list=muettercafe-welheim",
            "/qr/list/ru.png?list=muettercafe-welheim".to_owned(),
            format!("{public}/ru/list?list=muettercafe-welheim"),
        ),
    ] {
        let body = c.get(page).await.body;
        assert!(
            body.contains(&format!(r#"<meta property="og:image" content="{public}{image}""#)),
            "{page}: {body}"
        );
        let (status, png) = bytes(&app, &image).await;
        assert_eq!(status, StatusCode::OK, "{image}");
        let file = dir.path().join("preview.png");
        std::fs::write(&file, png).unwrap();
        assert_eq!(decode(&file), address, "{image}");
    }
    assert!(!c.get("/de/list").await.body.contains("og:image"), "an empty list has no code");
    for bad in [
        "/qr/q/welheim/de.gif",
        "/qr/q/nirgendwo/de.png",
        "/qr/start/xx.png",
        "/qr/q/nirgendwo/network/de.png",
    ] {
        assert_eq!(c.get(bad).await.status, StatusCode::NOT_FOUND, "{bad}");
    }
    // Printed links never dead-end: any case, an unknown language, a quarter or offer that is gone.
    for (link, to) in [
        ("/q/Welheim/DE", "/de/welheim"),
        ("/q/WELHEIM/ar/week", "/ar/welheim/week"),
        ("/o/Muettercafe-Welheim/ru", "/ru/offers/muettercafe-welheim"),
        ("/q/welheim/xx", "/de/welheim"),
    ] {
        let r = c.get(link).await;
        assert_eq!((r.status, r.location.as_deref()), (StatusCode::FOUND, Some(to)), "{link}");
    }
    for (link, lang, heading) in
        [("/q/nirgendwo/de", "de", "Seite nicht gefunden"), ("/o/nichts/ar", "ar", "الصفحة غير موجودة")]
    {
        let r = c.get(link).await;
        assert_eq!(r.status, StatusCode::FOUND, "{link}");
        let page = c.get(r.location.as_deref().unwrap()).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{link}");
        assert!(
            page.body.contains(&format!(r#"lang="{lang}""#)) && page.body.contains(heading),
            "{link}: {}",
            page.body
        );
        assert!(page.body.contains(&format!(r#"href="/{lang}/altstadt""#)), "the quarters, {link}");
    }
}

/// After an offer is renamed, its old short link, QR code and the new one all lead to the offer.
async fn renamed_offer_keeps_its_links(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let (app, public) = app(&t).await;
    let old = "krabbelcafe-sonnenblume";
    let id = t.db.get_offer_id(old).await.unwrap();
    let mut admin = Client::new(&app);
    admin.sign_in(ADMIN).await;
    let rename = |to: &'static str| {
        let db = t.db.clone();
        async move {
            let s = db.get_stored_offer(id).await.unwrap();
            let mut form = OfferForm::from_record(&s.record, s.version);
            form.slug = to.into();
            #[derive(serde::Serialize)]
            struct Args {
                id: i64,
                form: OfferForm,
            }
            serde_qs::to_string(&Args { id, form }).unwrap()
        }
    };
    let r = admin.call(path_of::<SaveOffer>(), &rename("krabbelcafe-welheim").await).await;
    assert!(r.status.is_success(), "{}", r.body);
    let r = admin.call(path_of::<SaveOffer>(), &rename("krabbeltreff-welheim").await).await;
    assert!(r.status.is_success(), "{}", r.body);
    let mut c = Client::new(&app);
    for slug in [old, "krabbelcafe-welheim", "krabbeltreff-welheim"] {
        let r = c.get(&format!("/o/{slug}/ru")).await;
        assert_eq!(r.status, StatusCode::FOUND, "{slug}");
        assert_eq!(r.location.as_deref(), Some("/ru/offers/krabbeltreff-welheim"), "{slug}");
    }
    let (status, png) = bytes(&app, &format!("/qr/o/{old}/ru.png")).await;
    assert_eq!(status, StatusCode::OK);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("o.png"), png).unwrap();
    assert_eq!(decode(&dir.path().join("o.png")), format!("{public}/o/{old}/ru"));
    let page = c.get("/ru/offers/krabbeltreff-welheim").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.headers.get(header::SET_COOKIE).is_none());
}

on_both!(renamed_offer_keeps_its_links);
