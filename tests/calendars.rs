//! Organisations' calendars in the staff area, over HTTP as administrators use it: a wrong
//! address is named in German, a calendar address is set up and read by the server (checked
//! first, then taken over, the outcome kept with the calendar), an uploaded file with a broken
//! event lists the problem and writes nothing; editors may do none of it. The server's regular
//! reading is `refresh_all`, run here directly.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use quartiersboard::serverfns::calendars::{GetCalendars, ReadCalendarNow, RemoveCalendar, SaveCalendar};
use std::io::{Read, Write};

const ORG: &str = "tv-welheim";
const PLACE: &str = "sportplatz-welheim";
const PAGE: &str = "/de/staff/calendars";

fn ics(summary: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:lauftreff@tv.example\r\n\
         SUMMARY:{summary}\r\nDTSTART;TZID=Europe/Berlin:20270109T100000\r\nDURATION:PT1H\r\n\
         RRULE:FREQ=WEEKLY;BYDAY=SA\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

/// Serves `bodies` one request each at a local address, then stops.
fn serve(bodies: Vec<String>) -> (String, std::thread::JoinHandle<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/verein.ics", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        for body in bodies {
            let (mut s, _) = listener.accept().unwrap();
            let _ = s.read(&mut [0u8; 4096]);
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/calendar\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            s.write_all(head.as_bytes()).unwrap();
            s.write_all(body.as_bytes()).unwrap();
        }
    });
    (address, server)
}

/// Settings under which the test's own calendar servers (on 127.0.0.1) may be read.
fn local_calendars() -> quartiersboard::config::CalendarSettings {
    quartiersboard::config::CalendarSettings {
        private_hosts: quartiersboard::calendar_import::PrivateHosts(vec!["127.0.0.1".into()]),
        ..Default::default()
    }
}

/// Answers one request at a local address with a redirect to `to`, then stops.
fn redirect(to: String) -> (String, std::thread::JoinHandle<()>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/kalender.ics", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (mut s, _) = listener.accept().unwrap();
        let _ = s.read(&mut [0u8; 4096]);
        let head =
            format!("HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        s.write_all(head.as_bytes()).unwrap();
    });
    (address, server)
}

async fn page(c: &mut Client) -> String {
    let r = c.get(PAGE).await;
    assert_eq!(r.status, StatusCode::OK);
    r.body.replace("<!-- -->", "").replace("<!>", "")
}

/// Uploads an .ics file as the page's form does.
async fn upload(c: &mut Client, file: &str, dry_run: bool) -> StatusCode {
    let b = "----quartiersboard-test";
    let part = |name: &str, value: &str| {
        format!("--{b}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
    };
    let mut body = part("organisation", ORG) + &part("place", PLACE) + &part("category", "sport");
    if dry_run {
        body += &part("dry_run", "on");
    }
    body += &format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"verein.ics\"\r\nContent-Type: text/calendar\r\n\r\n{file}\r\n--{b}--\r\n"
    );
    let req = Request::post("/de/staff/calendars/upload")
        .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={b}"));
    let r = c.send(req, Body::from(body)).await;
    if r.status == StatusCode::SEE_OTHER {
        assert_eq!(r.location.as_deref(), Some(PAGE));
    }
    r.status
}

async fn calendars_in_the_staff_area(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, local_calendars()).await.unwrap();
    let mut c = Client::new(&app);
    c.sign_in(ADMIN).await;
    assert!(page(&mut c).await.contains("Noch ist kein Kalender eingerichtet."));

    // A wrong address: named at its field, in German; nothing stored.
    let form = |url: &str| {
        format!("form[organisation]={ORG}&form[url]={}&form[place]={PLACE}&form[category]=sport", enc(url))
    };
    let r = c.submit(path_of::<SaveCalendar>(), &form("ftp://verein.example/x.ics"), PAGE).await;
    assert_eq!(r.status, StatusCode::FOUND);
    let html = c.get(r.location.as_deref().unwrap()).await.body.replace("<!-- -->", "").replace("<!>", "");
    assert!(html.contains("Bitte eine Webadresse mit https:// eingeben."), "{html}");
    assert!(html.contains("value=\"ftp://verein.example/x.ics\""), "the form keeps what was typed");
    assert!(t.db.list_calendar_sources().await.unwrap().is_empty());

    // The address of the club's calendar: checked (nothing written), then taken over.
    let (address, server) = serve(vec![ics("Lauftreff"), ics("Lauftreff"), ics("Lauftreff für Familien")]);
    let r = c.submit(path_of::<SaveCalendar>(), &form(&address), PAGE).await;
    assert_eq!(r.location.as_deref(), Some("/de/staff/calendars?done=saved"));
    let before = t.db.list_offer_slugs().await.unwrap().len();
    let read = |dry: bool| format!("organisation={ORG}{}", if dry { "&dry_run=on" } else { "" });
    c.submit(path_of::<ReadCalendarNow>(), &read(true), PAGE).await;
    let html = page(&mut c).await;
    assert!(html.contains("Geprüft, keine Fehler. Noch nichts gespeichert. Neu: 1, geändert: 0"), "{html}");
    assert_eq!(t.db.list_offer_slugs().await.unwrap().len(), before);
    c.submit(path_of::<ReadCalendarNow>(), &read(false), PAGE).await;
    assert!(page(&mut c).await.contains("Gespeichert. Neu: 1, geändert: 0, unverändert: 0."));
    let id = t.db.get_offer_id("lauftreff").await.unwrap();
    let audit = t.db.list_audit(quartiersboard::domain::audit::Entity::Offer, id).await.unwrap();
    assert_eq!((audit[0].actor.as_str(), audit[0].action.as_str()), (ADMIN, "import"));

    // The server's regular reading takes the changed title over and keeps the outcome.
    let settings = local_calendars();
    quartiersboard::calendar_sources::refresh_all(&t.db, &settings).await.unwrap();
    server.join().unwrap();
    assert_eq!(t.db.get_stored_offer(id).await.unwrap().record.title, "Lauftreff für Familien");
    let source = t.db.get_calendar_source(ORG).await.unwrap();
    let report = source.report.unwrap();
    assert_eq!((report.updated.len(), report.written), (1, true));
    assert!(source.checked_at.is_some());
    // The calendar cannot be reached any more: named, nothing changed, kept with the calendar.
    quartiersboard::calendar_sources::refresh_all(&t.db, &settings).await.unwrap();
    let report = t.db.get_calendar_source(ORG).await.unwrap().report.unwrap();
    assert_eq!((report.problems[0].reason.as_str(), report.written), ("ics_fetch", false));
    assert!(page(&mut c).await.contains("Nicht übernommen, Fehler: 1."));

    // An uploaded file with an event without UID: the problem by event and property.
    let broken = ics("Lauftreff").replace("UID:lauftreff@tv.example\r\n", "");
    assert_eq!(upload(&mut c, &broken, false).await, StatusCode::SEE_OTHER);
    let html = page(&mut c).await;
    assert!(html.contains("Es wurde nichts übernommen."), "{html}");
    assert!(
        html.contains("<td>#1 (Lauftreff)</td><td dir=\"ltr\">UID</td><td>Diese Angabe fehlt."),
        "{html}"
    );
    assert_eq!(upload(&mut c, &ics("Lauftreff am Samstag"), true).await, StatusCode::SEE_OTHER);
    assert!(page(&mut c).await.contains("Neu: 0, geändert: 1, unverändert: 0."));
    assert_eq!(t.db.get_stored_offer(id).await.unwrap().record.title, "Lauftreff für Familien");

    let r = c.submit(path_of::<RemoveCalendar>(), &format!("organisation={ORG}"), PAGE).await;
    assert_eq!(r.location.as_deref(), Some("/de/staff/calendars?done=calendar_removed"));
    assert!(t.db.list_calendar_sources().await.unwrap().is_empty());
    assert!(t.db.get_offer_id("lauftreff").await.is_ok(), "the offers stay");

    // Editors and coordinators may neither see nor use any of it.
    c.submit(path_of::<SaveCalendar>(), &form(&address), PAGE).await;
    for who in [EDITOR_A, COORDINATOR_X] {
        let mut other = Client::new(&app);
        other.sign_in(who).await;
        assert_eq!(upload(&mut other, &ics("x"), false).await, StatusCode::FORBIDDEN, "{who}");
        assert_eq!(other.call(path_of::<GetCalendars>(), "").await.status, StatusCode::FORBIDDEN, "{who}");
        let calls = [
            (path_of::<SaveCalendar>(), form("https://anders.example/k.ics")),
            (path_of::<ReadCalendarNow>(), read(false)),
            (path_of::<RemoveCalendar>(), format!("organisation={ORG}")),
        ];
        for (path, body) in calls {
            assert_eq!(other.call(path, &body).await.status, StatusCode::FORBIDDEN, "{who} {path}");
        }
    }
    assert_eq!(t.db.get_calendar_source(ORG).await.unwrap().url, address, "nothing changed");
}

/// ~1,000 nested components (17 KB) fail that calendar only, uploaded or read from an address;
/// the server keeps answering.
async fn deeply_nested_calendars_fail_alone(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, local_calendars()).await.unwrap();
    let mut c = Client::new(&app);
    c.sign_in(ADMIN).await;
    let nested = format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}{}END:VCALENDAR\r\n",
        "BEGIN:X\r\n".repeat(1000),
        "END:X\r\n".repeat(1000)
    );
    assert!(nested.len() > 16_000);
    assert_eq!(upload(&mut c, &nested, false).await, StatusCode::SEE_OTHER);
    assert!(page(&mut c).await.contains("zu tief verschachtelt"), "named on the page");
    let (address, server) = serve(vec![nested]);
    let form = format!(
        "form[organisation]={ORG}&form[url]={}&form[place]={PLACE}&form[category]=sport",
        enc(&address)
    );
    c.submit(path_of::<SaveCalendar>(), &form, PAGE).await;
    c.submit(path_of::<ReadCalendarNow>(), &format!("organisation={ORG}"), PAGE).await;
    server.join().unwrap();
    let report = t.db.get_calendar_source(ORG).await.unwrap().report.unwrap();
    assert_eq!((report.problems[0].reason.as_str(), report.written), ("ics_too_deep", false));
    assert_eq!(Client::new(&app).get("/de/welheim").await.status, StatusCode::OK, "the server still answers");
}

/// Calendar addresses reach only public hosts: a local address is refused, and so is a redirect
/// from an allowed host to one that is not (which never receives the request).
async fn calendar_addresses_stay_public(kind: Kind) {
    let t = common::with_demo(kind).await;
    let source = |url: &str| quartiersboard::domain::calendar_source::CalendarSource {
        organisation: ORG.into(),
        organisation_name: String::new(),
        url: url.into(),
        place: PLACE.into(),
        place_name: String::new(),
        category: quartiersboard::domain::category::Category::Sport,
        checked_at: None,
        report: None,
    };
    let inside = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    inside.set_nonblocking(true).unwrap();
    let inside_address = format!("http://{}/intern", inside.local_addr().unwrap());
    let settings = quartiersboard::config::CalendarSettings::default();
    let report =
        quartiersboard::calendar_sources::refresh(&t.db, &settings, &source(&inside_address), true, None)
            .await
            .unwrap();
    assert_eq!(report.problems[0].reason, "ics_fetch");
    assert!(
        report.problems[0].detail.as_deref().unwrap_or_default().contains("not a public address"),
        "{report:?}"
    );
    let (outside, server) = redirect(inside_address.clone());
    let port = outside.trim_start_matches("http://127.0.0.1:").split('/').next().unwrap().to_owned();
    let settings = quartiersboard::config::CalendarSettings {
        private_hosts: quartiersboard::calendar_import::PrivateHosts(vec![format!("127.0.0.1:{port}")]),
        ..Default::default()
    };
    let report = quartiersboard::calendar_sources::refresh(&t.db, &settings, &source(&outside), true, None)
        .await
        .unwrap();
    server.join().unwrap();
    assert_eq!(report.problems[0].reason, "ics_fetch");
    assert!(
        report.problems[0].detail.as_deref().unwrap_or_default().contains("not a public address"),
        "{report:?}"
    );
    assert!(inside.accept().is_err(), "the inside address was never contacted");
}

on_both!(calendars_in_the_staff_area, deeply_nested_calendars_fail_alone, calendar_addresses_stay_public);
