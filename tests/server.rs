//! The HTTP application in-process: server-rendered pages from a real SQLite file, 404s.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use leptos::config::get_configuration;
use tower::ServiceExt;

async fn get(app: &axum::Router, path: &str) -> (StatusCode, String) {
    let res = app
        .clone()
        .oneshot(Request::get(path).header("accept-language", "de").body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&body).into_owned())
}

async fn app(kind: common::Kind) -> (axum::Router, common::TestDb) {
    let t = common::with_demo(kind).await;
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap();
    (app, t)
}

/// The start page lists every quarter with a link to its board.
async fn start_page_lists_quarters(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let (status, html) = get(&app, "/de").await;
    assert_eq!(status, StatusCode::OK);
    for (slug, name) in
        [("welheim", "Welheim"), ("altstadt", "Altstadt"), ("batenbrock-sued", "Batenbrock-Süd")]
    {
        assert!(html.contains(&format!("href=\"/de/{slug}\"")), "missing link to {slug}");
        assert!(html.contains(name));
    }
    assert!(html.contains("lang=\"de\""));
}

/// A board is server-rendered HTML that already contains its offers.
async fn board_html_contains_offers(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let (_, offers, _) = t.db.get_board_parts("de", "welheim").await.unwrap();
    let (status, html) = get(&app, "/de/welheim").await;
    assert_eq!(status, StatusCode::OK);
    for o in &offers {
        let title = o.title.replace('&', "&amp;").replace('"', "&quot;");
        assert!(html.contains(&title), "board misses {}", o.title);
        assert!(html.contains(&format!("/de/offers/{}", o.slug)));
    }
    assert!(html.contains("Quartiersbüro"));
}

/// The offer page shows its texts, place and organisation.
async fn offer_page_shows_details(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let slug = t.db.get_board_parts("de", "altstadt").await.unwrap().1[0].slug.clone();
    let offer = t.db.get_offer("de", &slug).await.unwrap();
    let (status, html) = get(&app, &format!("/de/offers/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&offer.place.name.replace('&', "&amp;")));
    assert!(html.contains(&offer.organisation.name.replace('&', "&amp;")));
}

/// Unknown quarters, offers, locales and paths get a real 404 page that links to the quarters.
async fn unknown_things_are_404_with_links(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    for path in ["/de/atlantis", "/de/offers/nothing-here", "/de/welheim/extra/deep", "/de/Bad_Slug"] {
        let (status, html) = get(&app, path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        assert!(html.contains("Seite nicht gefunden"), "{path}");
        assert!(html.contains("href=\"/de/welheim\""), "{path} lacks quarter links");
    }
}

/// English pages use the English texts, with German where no translation exists.
async fn english_board_is_english(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let (status, html) = get(&app, "/en/welheim").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("lang=\"en\""));
    assert!(html.contains("Neighbourhood office"));
}

/// Next week's plan of Welheim shows the toddler café as cancelled, with its reason, in German
/// and in English; a malformed week is a 404.
async fn week_plan_shows_cancellation(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let next_monday = {
        let today = common::today();
        today - chrono::Duration::days(i64::from(chrono::Datelike::weekday(&today).num_days_from_monday()))
            + chrono::Duration::days(7)
    };
    let week = quartiersboard::domain::week_plan::iso_week_label(next_monday);
    let (status, html) = get(&app, &format!("/de/welheim/week/{week}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Fällt aus"), "no cancellation in {week}");
    assert!(html.contains("Der Raum ist in dieser Woche belegt."));
    let (status, html) = get(&app, &format!("/en/welheim/week/{week}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Cancelled"));
    let (status, _) = get(&app, "/de/welheim/week/2026-W99").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(&app, "/de/welheim/week/1999-W01").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn raw(app: &axum::Router, path: &str, headers: &[(&str, &str)]) -> axum::response::Response {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    app.clone().oneshot(req.body(Body::empty()).unwrap()).await.unwrap()
}

/// Unknown or missing locales redirect to the negotiated one; a malformed Accept-Language is ignored.
async fn unknown_locale_redirects(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let cases = [
        ("/xx/welheim", "de", "/de/welheim"),
        ("/xx/welheim", "ar-EG,ar;q=0.9", "/ar/welheim"),
        ("/welheim", "fa", "/fa/welheim"),
        ("/ru-RU/welheim/week?x=1", "de", "/ru/welheim/week?x=1"),
        ("/xx/welheim", ";;q=,,garbage;q=banana", "/de/welheim"),
    ];
    for (path, accept, target) in cases {
        let res = raw(&app, path, &[("accept-language", accept)]).await;
        assert_eq!(res.status(), StatusCode::FOUND, "{path}");
        assert_eq!(res.headers()["location"], target, "{path} with {accept}");
    }
}

/// Choosing a language sets the one cookie and opens the same page; `/` then goes there.
async fn explicit_choice_is_remembered(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let res = raw(&app, "/language/ar?to=%2Fde%2Fwelheim%3Fage%3D7", &[]).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()["location"], "/ar/welheim?age=7");
    let cookie = res.headers()["set-cookie"].to_str().unwrap();
    assert!(cookie.starts_with("qb_lang=ar;") && cookie.contains("SameSite=Lax"), "{cookie}");
    let res = raw(&app, "/", &[("cookie", "qb_lang=ar")]).await;
    assert_eq!(res.headers()["location"], "/ar");
    // No choice, no cookie: the start page is served in the negotiated language.
    let res = raw(&app, "/", &[("accept-language", "ru")]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers().get("set-cookie").is_none());
    // Quality values count: the language asked for most strongly, not the first one named.
    let res = raw(&app, "/", &[("accept-language", "ru;q=0.2, fr, ar;q=0.9")]).await;
    assert!(res.headers().get_all("vary").iter().any(|v| v.to_str().unwrap().contains("accept-language")));
    let html = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\""), "{}", &html[..200.min(html.len())]);
    // Only local targets.
    let res = raw(&app, "/language/ar?to=https://evil.example/", &[]).await;
    assert_eq!(res.headers()["location"], "/ar");
    let res = raw(&app, "/language/xx?to=/de", &[]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

/// Arabic and Farsi pages are right-to-left from the server on.
async fn rtl_pages_from_the_server(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    for (locale, dir) in [("ar", "rtl"), ("fa", "rtl"), ("ru", "ltr"), ("tr", "ltr"), ("uk", "ltr")] {
        let (status, html) = get(&app, &format!("/{locale}/welheim")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&format!("<html lang=\"{locale}\" dir=\"{dir}\"")), "{locale}");
    }
}

/// Easy German is offered on German offer pages that have it, and shown when chosen.
async fn easy_german_on_request(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let (_, html) = get(&app, "/de/offers/muettercafe-welheim").await;
    assert!(html.contains("In Leichter Sprache lesen") && !html.contains("Sie trinken Kaffee."));
    let (_, html) = get(&app, "/de/offers/muettercafe-welheim?easy=1").await;
    assert!(html.contains("Sie trinken Kaffee.") && html.contains("In Alltagssprache lesen"));
    let (_, html) = get(&app, "/en/offers/muettercafe-welheim").await;
    assert!(!html.contains("Read in easy German"));
}

/// Quarter texts and place names appear translated where the demo has translations.
async fn translated_quarter_and_place_names(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let doc = quartiersboard::demo::demo_city().unwrap();
    let welheim = doc.quarters.iter().find(|q| q.slug == "welheim").unwrap();
    let ar = &welheim.translations["ar"];
    let (_, html) = get(&app, "/ar/welheim").await;
    assert!(html.contains(&format!("<h1 lang=\"ar\" dir=\"auto\">{}", ar.name)), "translated quarter name");
    let place =
        doc.places.iter().find(|p| p.quarter == "welheim" && p.name_translations.contains_key("ar")).unwrap();
    assert!(html.contains(&place.name_translations["ar"]), "translated place name {}", place.slug);
}

/// The offer page links to the map by coordinates and carries a QR code of its public URL.
async fn offer_page_has_map_links_and_qr(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let (_, html) = get(&app, "/de/offers/muettercafe-welheim").await;
    assert!(html.contains("https://www.openstreetmap.org/?mlat="), "OSM link");
    assert!(html.contains("href=\"geo:"), "geo link");
    assert!(html.contains("<svg role=\"img\""), "QR code");
    assert!(html.contains("class=\"share-url\""), "public URL shown");
    assert!(html.contains("http://127.0.0.1:3000/de/offers/muettercafe-welheim"), "absolute public URL");
}

/// Pages carry a description and OpenGraph tags so shared links preview well.
async fn pages_have_opengraph(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let (_, html) = get(&app, "/de/offers/muettercafe-welheim").await;
    assert!(
        html.contains("<meta property=\"og:title\" content=\"Müttercafé Welheim – Quartiersboard\""),
        "og:title"
    );
    assert!(
        html.contains("property=\"og:url\" content=\"http://127.0.0.1:3000/de/offers/muettercafe-welheim\"")
    );
    assert!(html.contains("<meta name=\"description\""));
}

/// The offer page describes itself in schema.org JSON-LD: Event, Schedule with byMonthWeek,
/// exceptDate for the cancelled date, Place, Organization, audience ages.
async fn offer_json_ld(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let extract = |html: &str| -> serde_json::Value {
        let start = html.find("<script type=\"application/ld+json\">").expect("json-ld") + 35;
        let end = start + html[start..].find("</script>").unwrap();
        serde_json::from_str(&html[start..end].replace("<\\/", "</")).unwrap()
    };
    let (_, html) = get(&app, "/de/offers/muettercafe-welheim").await;
    let doc = extract(&html);
    assert_eq!(doc["@type"], "Event");
    let schedule = &doc["eventSchedule"][0];
    assert_eq!(schedule["byMonthWeek"], 1);
    assert_eq!(schedule["byDay"], "https://schema.org/Wednesday");
    assert_eq!(schedule["startTime"], "10:00");
    assert_eq!(doc["location"]["@type"], "Place");
    assert_eq!(doc["organizer"]["@type"], "Organization");
    let (_, html) = get(&app, "/de/offers/krabbelcafe-sonnenblume").await;
    let doc = extract(&html);
    let except: Vec<String> = doc["eventSchedule"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["exceptDate"].as_array().cloned().unwrap_or_default())
        .map(|d| d.as_str().unwrap().to_owned())
        .collect();
    assert!(!except.is_empty(), "the demo's cancellation next week is an exceptDate");
    assert_eq!(doc["audience"]["@type"], "PeopleAudience");
}

/// The network page lists the quarter's places with opening hours and its organisations, and
/// together they link every published offer of the quarter.
async fn network_page_lists_places_and_organisations(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let dir = t.db.get_directory("de", "welheim").await.unwrap();
    let (_, offers, _) = t.db.get_board_parts("de", "welheim").await.unwrap();
    let mut by_org: Vec<_> =
        dir.organisations.iter().flat_map(|o| o.offers.iter().map(|l| l.slug.clone())).collect();
    let mut by_place: Vec<_> =
        dir.places.iter().flat_map(|p| p.offers.iter().map(|l| l.slug.clone())).collect();
    let mut all: Vec<_> = offers.iter().map(|o| o.slug.clone()).collect();
    for v in [&mut by_org, &mut by_place, &mut all] {
        v.sort();
    }
    assert_eq!(by_org, all);
    assert_eq!(by_place, all);
    assert!(dir.places.iter().any(|p| p.place.opening_hours.is_some()));
    let (status, html) = get(&app, "/de/welheim/network").await;
    assert_eq!(status, StatusCode::OK);
    for o in &offers {
        assert!(html.contains(&format!("/de/offers/{}", o.slug)));
    }
    let (status, _) = get(&app, "/de/atlantis/network").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[path = "server/board_filters.rs"]
mod board_filters;

on_both!(
    start_page_lists_quarters,
    board_html_contains_offers,
    offer_page_shows_details,
    unknown_things_are_404_with_links,
    english_board_is_english,
    week_plan_shows_cancellation,
    unknown_locale_redirects,
    explicit_choice_is_remembered,
    rtl_pages_from_the_server,
    easy_german_on_request,
    translated_quarter_and_place_names,
    offer_page_has_map_links_and_qr,
    pages_have_opengraph,
    offer_json_ld,
    network_page_lists_places_and_organisations,
);
