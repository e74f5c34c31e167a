//! The coverage analysis over HTTP: the CSV for the funding report (German spreadsheet format,
//! one line per quarter and age band), the page with the gaps in words, wrong periods named per
//! field, and nobody but coordinators and administrators let in.

mod common;

use axum::http::{header, StatusCode};
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use quartiersboard::domain::schedule::{Rule, Times};

async fn app(t: &common::TestDb) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

/// A coordinator downloads every quarter's matrix; the toddler café's weekday shows at least its
/// weekly hours for 0–3 in Welheim; the category choice narrows what is counted.
async fn coordinator_downloads_the_csv(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    c.sign_in(COORDINATOR_X).await;
    let r = c.get("/de/staff/coverage.csv").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
    assert!(r.headers[header::CONTENT_DISPOSITION].to_str().unwrap().starts_with("attachment"));
    assert!(r.body.starts_with('\u{feff}'), "no BOM");
    let lines: Vec<Vec<&str>> =
        r.body.trim_start_matches('\u{feff}').lines().map(|l| l.split(';').collect()).collect();
    assert_eq!(lines[0][0], "Stand");
    assert_eq!(
        lines[1],
        [
            "Quartier",
            "Altersgruppe",
            "Montag",
            "Dienstag",
            "Mittwoch",
            "Donnerstag",
            "Freitag",
            "Samstag",
            "Sonntag"
        ]
    );
    let quarters = t.db.list_quarters("de").await.unwrap().len();
    assert_eq!(lines.len(), 2 + quarters * 7);

    let (_, offers, _) = t.db.get_board_parts("de", "welheim").await.unwrap();
    let cafe = offers.iter().find(|o| o.slug == "krabbelcafe-sonnenblume").unwrap();
    let s = &cafe.schedules[0];
    let (Rule::Weekly { interval: 1, days }, Times::Timed { start, end }) = (&s.rule, s.times) else {
        panic!("the demo's toddler café is weekly: {s:?}")
    };
    let hours = (end - start).num_minutes() as f64 / 60.0;
    let row = lines.iter().find(|l| l[0] == "Welheim" && l[1] == "0–3").expect("Welheim 0–3");
    let cell: f64 = row[2 + days[0].num_days_from_monday() as usize].replace(',', ".").parse().unwrap();
    assert!(cell >= hours, "0–3 on the café's day: {cell} < {hours}");

    let from = quartiersboard::domain::kiosk::monday_of(common::today());
    let range = format!("from={from}&to={}", from + chrono::Duration::days(13));
    let sport = c.get(&format!("/de/staff/coverage.csv?category=sport&{range}")).await;
    assert_eq!(sport.status, StatusCode::OK);
    let all = c.get(&format!("/de/staff/coverage.csv?{range}")).await;
    let total = |body: &str| -> f64 {
        body.lines()
            .skip(2)
            .flat_map(|l| {
                l.split(';').skip(2).map(|v| v.replace(',', ".").parse::<f64>().unwrap()).collect::<Vec<_>>()
            })
            .sum()
    };
    assert!(total(&sport.body) > 0.0 && total(&sport.body) < total(&all.body));
    let english = c.get("/en/staff/coverage.csv").await;
    assert!(english.body.lines().nth(1).unwrap().starts_with("Neighbourhood,Age group,Monday"));
}

/// Wrong periods are named per field (CSV: 422; page: the form with the problem next to the
/// field); editors, guides and strangers get nothing.
async fn wrong_input_and_strangers(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    c.sign_in(ADMIN).await;
    let r = c.get("/de/staff/coverage.csv?from=2026-12-31&to=2026-12-01").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = c.get("/de/staff/coverage?from=2026-12-31&to=2026-12-01").await;
    assert!(page.body.contains("Das Enddatum liegt vor dem Anfang."), "{}", page.body);
    assert!(page.body.contains(r#"id="coverage-to-error""#));
    let page = c.get("/de/staff/coverage?category=jonglieren").await;
    assert!(page.body.contains("Bitte einen Eintrag aus der Liste wählen."), "{}", page.body);
    for who in [EDITOR_A, GUIDE] {
        let mut c = Client::new(&app);
        c.sign_in(who).await;
        assert_eq!(c.get("/de/staff/coverage.csv").await.status, StatusCode::FORBIDDEN, "{who}");
        let page = c.get("/de/staff/coverage").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{who}");
        assert!(!page.body.contains("Welheim, "), "{who} sees coverage");
    }
    let mut stranger = Client::new(&app);
    assert_eq!(stranger.get("/de/staff/coverage.csv").await.status, StatusCode::UNAUTHORIZED);
    let path = path_of::<quartiersboard::serverfns::GetCoverage>();
    assert_eq!(stranger.call(path, "locale=de&query=").await.status, StatusCode::UNAUTHORIZED);
}

/// The page lists every quarter with its matrix as a table and the gaps as sentences; the report
/// of one quarter shows only that quarter.
async fn page_names_the_gaps(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let app = app(&t).await;
    let mut c = Client::new(&app);
    c.sign_in(COORDINATOR_X).await;
    let page = c.get("/de/staff/coverage").await;
    assert_eq!(page.status, StatusCode::OK);
    for q in t.db.list_quarters("de").await.unwrap() {
        assert!(page.body.contains(&format!("Angebotsstunden pro Woche in {}", q.name)), "{}", q.name);
    }
    // The demo has nothing for 6–10-year-olds in Welheim on Sundays (the browser test finds it too).
    assert!(page.body.contains("Welheim, Sonntag: kein Angebot für 6–10."), "{}", page.body);
    let report = c.get("/de/staff/coverage/welheim").await;
    assert!(report.body.contains("Angebotsstunden pro Woche in Welheim"));
    assert!(!report.body.contains("Angebotsstunden pro Woche in Altstadt"));
    assert_eq!(c.get("/de/staff/coverage/nirgendwo").await.status, StatusCode::NOT_FOUND);
}

on_both!(coordinator_downloads_the_csv, wrong_input_and_strangers, page_names_the_gaps);
