//! The iCalendar export checked by an independent implementation: every demo offer's feed is
//! expanded with the `rrule` crate and must give exactly the engine's regular occurrences for a
//! year, and one RECURRENCE-ID override per changed occurrence.

mod common;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use quartiersboard::domain::schedule::expand::occurrences;
use quartiersboard::domain::schedule::{Status, Times};
use quartiersboard::ical::{feed, offer_entries, FeedContext};
use std::collections::{BTreeMap, BTreeSet};

const TZ: Tz = chrono_tz::Europe::Berlin;

/// VEVENT blocks of a feed, with folded lines joined.
fn vevents(ics: &str) -> Vec<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    for raw in ics.split("\r\n") {
        if let Some(rest) = raw.strip_prefix(' ') {
            lines.last_mut().unwrap().push_str(rest);
        } else {
            lines.push(raw.to_owned());
        }
    }
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for l in lines {
        match l.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.push(current.take().unwrap()),
            _ => {
                if let Some(c) = current.as_mut() {
                    c.push(l);
                }
            }
        }
    }
    out
}

fn prop<'a>(event: &'a [String], key: &str) -> Option<&'a str> {
    event
        .iter()
        .find(|l| l.starts_with(&format!("{key}:")) || l.starts_with(&format!("{key};")))
        .map(String::as_str)
}

/// Local start times the `rrule` crate finds in the master event, within `[from, to]`.
fn expand_with_rrule(event: &[String], from: NaiveDate, to: NaiveDate) -> BTreeSet<NaiveDateTime> {
    let keep = ["DTSTART", "RRULE", "RDATE", "EXDATE"];
    let mut text: Vec<String> = event
        .iter()
        .filter(|l| keep.iter().any(|k| l.starts_with(&format!("{k}:")) || l.starts_with(&format!("{k};"))))
        .cloned()
        .collect();
    if prop(event, "RRULE").is_none() {
        // RFC 5545: DTSTART is the first instance even without an RRULE; say so as an RDATE.
        let dtstart = prop(event, "DTSTART").unwrap();
        text.push(dtstart.replacen("DTSTART", "RDATE", 1));
    }
    let mut set: rrule::RRuleSet = text.join("\n").parse().unwrap_or_else(|e| panic!("{e}: {text:?}"));
    let start =
        rrule::Tz::Tz(TZ).from_utc_datetime(&(from.and_hms_opt(0, 0, 0).unwrap() - Duration::days(1)));
    let end = rrule::Tz::Tz(TZ).from_utc_datetime(&(to.and_hms_opt(23, 59, 0).unwrap() + Duration::days(1)));
    set = set.after(start).before(end);
    let found: BTreeSet<NaiveDateTime> = set.all(5000).dates.iter().map(|d| d.naive_local()).collect();
    found.into_iter().filter(|d| d.date() >= from && d.date() <= to).collect()
}

use chrono::TimeZone;

/// A year of every demo offer's dates: export → independent expansion → same occurrences.
#[tokio::test]
async fn feed_expands_to_the_engine_occurrences() {
    let t = common::sqlite_with_demo().await;
    let today = common::today();
    let settings = quartiersboard::config::CalendarSettings::default();
    let cal = quartiersboard::service::holiday_calendar(&t.db, &settings, today).await.unwrap();
    let (from, to) = (today, today + Duration::days(365));
    let doc = quartiersboard::demo::demo_city().unwrap();
    let mut checked_schedules = 0;
    let mut overrides_seen = 0;
    for record in doc.offers.iter().filter(|o| o.status.code() == "published") {
        let offer = t.db.get_offer("de", &record.slug).await.unwrap();
        let entries = offer_entries(
            offer.id,
            &offer.title,
            Some(&offer.description),
            &offer.place.name,
            &offer.schedules,
        );
        let stamp: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let ctx = FeedContext { name: &offer.title, tz: TZ, cal: &cal, window: (from, to), stamp };
        let ics = feed(&ctx, &entries);
        let events = vevents(&ics);
        let mut by_uid: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
        for e in events {
            let uid = prop(&e, "UID").unwrap().trim_start_matches("UID:").to_owned();
            by_uid.entry(uid).or_default().push(e);
        }
        for (i, s) in offer.schedules.iter().enumerate() {
            let uid = format!("offer-{}-{i}@quartiersboard", offer.id);
            let engine = occurrences(s, &cal, from, to);
            let expected: BTreeSet<NaiveDateTime> = engine
                .iter()
                .filter(|o| o.status == Status::Regular)
                .map(|o| match o.times {
                    Times::Timed { start, .. } => o.date.and_time(start),
                    Times::AllDay => o.date.and_hms_opt(0, 0, 0).unwrap(),
                })
                .collect();
            let changed = engine.iter().filter(|o| matches!(o.status, Status::Changed { .. })).count();
            let Some(events) = by_uid.get(&uid) else {
                assert!(expected.is_empty() && changed == 0, "{uid}: no event but {expected:?}");
                continue;
            };
            let master = events.iter().find(|e| prop(e, "RECURRENCE-ID").is_none()).unwrap();
            assert_eq!(expand_with_rrule(master, from, to), expected, "{uid}\n{}", master.join("\n"));
            let overrides = events.iter().filter(|e| prop(e, "RECURRENCE-ID").is_some()).count();
            assert_eq!(overrides, changed, "{uid}");
            overrides_seen += overrides;
            checked_schedules += 1;
        }
    }
    assert!(checked_schedules > 50, "only {checked_schedules} schedules checked");
    assert!(overrides_seen >= 1, "the demo's changed occurrence should appear as an override");
}

/// The HTTP feed answers with text/calendar, a VTIMEZONE and the offer's events; unknown is 404.
#[tokio::test]
async fn feed_over_http() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let t = common::sqlite_with_demo().await;
    let conf = leptos::config::get_configuration(Some("Cargo.toml")).unwrap();
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap();
    let res = app
        .clone()
        .oneshot(Request::get("/feeds/de/offers/muettercafe-welheim.ics").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "text/calendar; charset=utf-8");
    let body = String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
    assert!(body.contains("BEGIN:VTIMEZONE") && body.contains("TZID:Europe/Berlin"));
    assert!(body.contains("RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=1WE"), "{body}");
    let id = t.db.get_offer("de", "muettercafe-welheim").await.unwrap().id;
    assert!(body.contains(&format!("UID:offer-{id}-0@quartiersboard")), "{body}");
    let quarter = app
        .clone()
        .oneshot(Request::get("/feeds/de/quarters/welheim.ics").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(quarter.status(), StatusCode::OK);
    for path in [
        "/feeds/de/offers/nothing.ics",
        "/feeds/xx/offers/muettercafe-welheim.ics",
        "/feeds/de/offers/muettercafe-welheim",
    ] {
        let res = app.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

/// Feeds of a place, an organisation and a filtered board hold exactly their published offers.
#[tokio::test]
async fn feeds_of_places_organisations_and_filters() {
    use axum::body::Body;
    use axum::http::{Request, StatusCode};
    use http_body_util::BodyExt;
    use quartiersboard::domain::category::OfferStatus;
    use std::collections::BTreeSet;
    use tower::ServiceExt;
    let t = common::sqlite_with_demo().await;
    let conf = leptos::config::get_configuration(Some("Cargo.toml")).unwrap();
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap();
    // UIDs name offers by id (`offer-<id>-<n>`): the feed's offers as slugs.
    let doc = t.db.export_document().await.unwrap();
    let mut slug_of = std::collections::HashMap::new();
    for o in &doc.offers {
        if let Ok(shown) = t.db.get_offer("de", &o.slug).await {
            slug_of.insert(format!("offer-{}", shown.id), shown.slug);
        }
    }
    let feed_slugs = |path: String| {
        let slug_of = slug_of.clone();
        let app = app.clone();
        async move {
            let res = app.oneshot(Request::get(&path).body(Body::empty()).unwrap()).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let body =
                String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap();
            assert!(
                body.lines().filter(|l| l.starts_with("UID:")).all(|l| l.ends_with("@quartiersboard")),
                "{body}"
            );
            body.lines()
                .filter_map(|l| l.strip_prefix("UID:")?.strip_suffix("@quartiersboard"))
                .map(|uid| slug_of[uid.rsplit_once('-').unwrap().0].clone())
                .collect::<BTreeSet<_>>()
        }
    };
    let shown_since = t.db.freshness().hidden_before(chrono::Utc::now().date_naive());
    let published = || {
        doc.offers.iter().filter(|o| o.status == OfferStatus::Published && o.last_confirmed >= shown_since)
    };
    // Offers without dates ("by appointment") have no events.
    let published = || published().filter(|o| !o.schedules.is_empty());
    let at_place: BTreeSet<_> =
        published().filter(|o| o.place == "quartiersbuero-welheim").map(|o| o.slug.clone()).collect();
    assert!(!at_place.is_empty());
    assert_eq!(feed_slugs("/feeds/de/places/quartiersbuero-welheim.ics".into()).await, at_place);
    let org = &doc.offers[0].organisation;
    let by_org: BTreeSet<_> =
        published().filter(|o| &o.organisation == org).map(|o| o.slug.clone()).collect();
    assert_eq!(feed_slugs(format!("/feeds/ru/organisations/{org}.ics")).await, by_org);

    let (filter, _) = quartiersboard::domain::filter::parse_query([("age", "7"), ("day", "3")]);
    let board =
        quartiersboard::service::board(&t.db, &Default::default(), "de", "welheim", filter).await.unwrap();
    let matching: BTreeSet<_> =
        board.matching_offers().filter(|o| !o.schedules.is_empty()).map(|o| o.slug.clone()).collect();
    assert!(matching.len() < board.offers.len());
    assert_eq!(feed_slugs("/feeds/de/quarters/welheim.ics?age=7&day=3".into()).await, matching);

    for path in ["/feeds/de/places/nirgendwo.ics", "/feeds/de/organisations/niemand.ics"] {
        let res = app.clone().oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
}
