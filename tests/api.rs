//! The read-only JSON API over HTTP: quarters, offers filtered exactly like the board, dates in a
//! range, one offer, the directory; refusals that name the parameter; ETag revalidation, CORS,
//! the per-address limit; the HSDS 3 export validated against the official schema in
//! `tests/hsds`; the OpenAPI description.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::{Datelike, NaiveDate};
use common::Kind;
use http_body_util::BodyExt;
use leptos::config::get_configuration;
use quartiersboard::domain::category::OfferStatus;
use serde_json::Value;
use tower::ServiceExt;

/// The official compiled HSDS 3 service schema, kept in `tests/hsds` with its licence
/// (`HSDS_DIR` names another place). Missing, the test fails: it never passes without checking.
fn hsds_schema() -> std::path::PathBuf {
    let dir = std::env::var_os("HSDS_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hsds"));
    let file = dir.join("compiled/service_with_definitions.json");
    assert!(file.exists(), "the HSDS 3 schemas are expected at {} (set HSDS_DIR)", dir.display());
    file
}

async fn app(t: &common::TestDb) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

struct Reply {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

async fn send(app: &axum::Router, req: Request<Body>) -> Reply {
    let res = app.clone().oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    Reply { status, headers, body }
}

async fn get(app: &axum::Router, path: &str) -> Reply {
    send(app, Request::get(path).body(Body::empty()).unwrap()).await
}

/// Quarters in a language; the age-7-on-Wednesday filter gives exactly the board's matches; the
/// offer's page data; the directory.
async fn reads_like_the_board(kind: Kind) {
    let t = common::with_demo(kind).await;
    let app = app(&t).await;
    let quarters = get(&app, "/api/v1/quarters?locale=en").await;
    assert_eq!(quarters.status, StatusCode::OK);
    assert_eq!(quarters.headers[header::CONTENT_TYPE], "application/json");
    let list = quarters.json();
    assert_eq!(list.as_array().unwrap().len(), t.db.list_quarters("de").await.unwrap().len());
    assert!(list[0]["url"].as_str().unwrap().contains("/en/"));
    assert_eq!(list[0]["lang"], "en", "the demo's quarters are translated");

    let (filter, _) = quartiersboard::domain::filter::parse_query([("age", "7"), ("day", "3")]);
    let board =
        quartiersboard::service::board(&t.db, &Default::default(), "de", "welheim", filter).await.unwrap();
    let expected: Vec<&str> = board.matching_offers().map(|o| o.slug.as_str()).collect();
    assert!(!expected.is_empty() && expected.len() < board.offers.len(), "the demo filter is not trivial");
    let offers = get(&app, "/api/v1/quarters/welheim/offers?age=7&day=3&colour=blue").await.json();
    let got: Vec<&str> =
        offers["offers"].as_array().unwrap().iter().map(|o| o["slug"].as_str().unwrap()).collect();
    assert_eq!(got, expected);
    assert_eq!(offers["not_understood"], serde_json::json!(["colour"]));

    let one = get(&app, &format!("/api/v1/offers/{}?locale=ar", expected[0])).await.json();
    assert_eq!(one["slug"], expected[0]);
    assert_eq!(one["lang"], t.db.get_offer("ar", expected[0]).await.unwrap().lang.as_str());
    assert!(one["calendar_url"].as_str().unwrap().ends_with(".ics"));

    let directory = get(&app, "/api/v1/quarters/welheim/directory").await.json();
    assert!(directory["places"].as_array().unwrap().iter().any(|p| p["slug"] == "quartiersbuero-welheim"));
    assert!(!directory["organisations"].as_array().unwrap().is_empty());
}

/// Dates in a range: inside it, in order, only Wednesdays when asked; wrong ranges are named.
async fn dates_in_a_range(kind: Kind) {
    let t = common::with_demo(kind).await;
    let app = app(&t).await;
    let from = common::today();
    let to = from + chrono::Duration::days(27);
    let r = get(&app, &format!("/api/v1/quarters/welheim/occurrences?from={from}&to={to}&day=3")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let dates: Vec<NaiveDate> = r.json()["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["date"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(!dates.is_empty());
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in order");
    assert!(
        dates.iter().all(|d| (from..=to).contains(d) && d.weekday() == chrono::Weekday::Wed),
        "{dates:?}"
    );

    for (query, names) in [
        ("from=gestern", "from:"),
        (&format!("from={from}&to=2020-01-01") as &str, "to:"),
        (&format!("from={from}&to={}", from + chrono::Duration::days(200)), "to:"),
        ("locale=xx", "locale:"),
    ] {
        let r = get(&app, &format!("/api/v1/quarters/welheim/occurrences?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(r.json()["message"].as_str().unwrap().starts_with(names), "{query}: {}", r.body);
    }
    for path in
        ["/api/v1/quarters/nirgendwo/offers", "/api/v1/offers/gibt-es-nicht", "/api/v1/quarters/..%2F/offers"]
    {
        let r = get(&app, path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(r.json()["error"], "not_found");
    }
}

/// Published offers only, every service valid against the official HSDS 3 schema (formats
/// checked: UUIDs, dates), and a "first Wednesday" written as HSDS writes it.
async fn hsds_export_is_valid(kind: Kind) {
    let t = common::with_demo(kind).await;
    let app = app(&t).await;
    let r = get(&app, "/api/v1/hsds/services").await;
    assert_eq!(r.status, StatusCode::OK);
    let services = r.json();
    let services = services.as_array().unwrap();
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(hsds_schema()).unwrap()).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    for s in services {
        let problems: Vec<String> =
            validator.iter_errors(s).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(problems.is_empty(), "{}: {problems:#?}", s["x_slug"]);
    }
    let doc = t.db.export_document().await.unwrap();
    let published: Vec<_> = doc.offers.iter().filter(|o| o.status == OfferStatus::Published).collect();
    assert_eq!(services.len(), published.len());
    let mut monthly = 0;
    for o in &published {
        let s = services.iter().find(|s| s["x_slug"] == o.slug.as_str()).unwrap();
        for (i, sch) in o.schedules.iter().enumerate().filter(|(_, s)| s.freq == "monthly_nth") {
            let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][sch.weekday.unwrap() as usize - 1];
            assert_eq!(s["schedules"][i]["freq"], "MONTHLY");
            assert_eq!(s["schedules"][i]["byday"], format!("{}{day}", sch.nth.unwrap()));
            monthly += 1;
        }
    }
    assert!(monthly > 0, "the demo has a monthly offer");
}

on_both!(reads_like_the_board, dates_in_a_range, hsds_export_is_valid);

/// A second request with the ETag gets a bodiless 304; any origin may read; the description is served.
#[tokio::test]
async fn etag_cors_and_description() {
    let t = common::sqlite_with_demo().await;
    let app = app(&t).await;
    let first = send(
        &app,
        Request::get("/api/v1/quarters")
            .header(header::ORIGIN, "https://stadt.example")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(first.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    let etag = first.headers[header::ETAG].clone();
    let again = send(
        &app,
        Request::get("/api/v1/quarters")
            .header(header::IF_NONE_MATCH, etag.clone())
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.headers[header::ETAG], etag);
    let other = send(
        &app,
        Request::get("/api/v1/quarters?locale=ru")
            .header(header::IF_NONE_MATCH, etag)
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(other.status, StatusCode::OK, "another language is another answer");

    let description = get(&app, "/api/v1/openapi.json").await.json();
    assert_eq!(description["info"]["title"], "Quartiersboard API");
    for path in [
        "/api/v1/quarters",
        "/api/v1/quarters/{quarter}/offers",
        "/api/v1/quarters/{quarter}/occurrences",
        "/api/v1/quarters/{quarter}/directory",
        "/api/v1/offers/{offer}",
        "/api/v1/hsds/services",
    ] {
        assert!(description["paths"][path]["get"].is_object(), "{path} not described");
    }
}

/// More than the allowance in a row from one address: 429 with Retry-After, as JSON.
#[tokio::test]
async fn too_many_requests_are_refused() {
    let t = common::sqlite().await;
    let app = app(&t).await;
    let mut refused = None;
    for _ in 0..(quartiersboard::api::REQUESTS_PER_MINUTE + 30) {
        let r = get(&app, "/api/v1/quarters").await;
        if r.status == StatusCode::TOO_MANY_REQUESTS {
            refused = Some(r);
            break;
        }
        assert_eq!(r.status, StatusCode::OK);
    }
    let refused = refused.expect("the limit holds");
    assert!(refused.headers[header::RETRY_AFTER].to_str().unwrap().parse::<u64>().unwrap() >= 1);
    assert_eq!(refused.json()["error"], "too_many_requests");
}
