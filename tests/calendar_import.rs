//! An organisation's own calendar (.ics) as offers, against a real database: events in Berlin
//! time, in UTC and all day, a cancelled and a moved date, new events as drafts, the next import
//! of the same calendar updating them, and a calendar with an impossible rule writing nothing.

mod common;

use chrono::NaiveDate;
use common::Kind;
use quartiersboard::calendar_import::{import, Destination};
use quartiersboard::domain::audit::Entity;
use quartiersboard::domain::category::{Category, OfferStatus};
use quartiersboard::domain::holidays::HolidayCalendar;
use quartiersboard::domain::schedule::expand::occurrences;
use quartiersboard::domain::schedule::validate::parse_schedule;

const ORG: &str = "tv-welheim";
const PLACE: &str = "sportplatz-welheim";

fn calendar(summary: &str, extra: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Verein//DE\r\n\
         BEGIN:VEVENT\r\nUID:turnen@tv.example\r\nSUMMARY:{summary}\r\nDESCRIPTION:Für Kinder ab 2 Jahren\\, mit Eltern.\r\n\
         DTSTART;TZID=Europe/Berlin:20270106T153000\r\nDTEND;TZID=Europe/Berlin:20270106T170000\r\n\
         RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20270331T225959Z\r\nEXDATE;TZID=Europe/Berlin:20270113T153000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:turnen@tv.example\r\nRECURRENCE-ID;TZID=Europe/Berlin:20270120T153000\r\nSUMMARY:{summary}\r\n\
         DTSTART;TZID=Europe/Berlin:20270121T160000\r\nDTEND;TZID=Europe/Berlin:20270121T173000\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:sportfest@tv.example\r\nSUMMARY:Sportfest\r\nDTSTART:20270605T080000Z\r\nDURATION:PT4H\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:ferien@tv.example\r\nSUMMARY:Ferienspiele\r\nDTSTART;VALUE=DATE:20270719\r\n\
         RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10\r\nEND:VEVENT\r\n{extra}END:VCALENDAR\r\n"
    )
}

fn to(place: &str) -> Destination<'_> {
    Destination { organisation: ORG, place, category: Category::Sport }
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn calendar_becomes_offers(kind: Kind) {
    let t = common::with_demo(kind).await;
    let settings = quartiersboard::config::CalendarSettings::default();
    let run = |ics: String, dry_run: bool| {
        let (db, settings) = (t.db.clone(), settings.clone());
        async move { import(&db, &settings, &ics, to(PLACE), dry_run, None).await }
    };
    let before = t.db.list_offer_slugs().await.unwrap().len();
    let dry = run(calendar("Eltern-Kind-Turnen", ""), true).await.unwrap();
    assert_eq!(dry.created.len(), 3);
    assert_eq!(t.db.list_offer_slugs().await.unwrap().len(), before, "a dry run writes nothing");

    let report = run(calendar("Eltern-Kind-Turnen", ""), false).await.unwrap();
    assert_eq!((report.created.len(), report.updated.len()), (3, 0));
    let id = t.db.get_offer_id("eltern-kind-turnen").await.unwrap();
    let turnen = t.db.get_stored_offer(id).await.unwrap().record;
    assert_eq!(
        (turnen.status, turnen.organisation.as_str(), turnen.place.as_str()),
        (OfferStatus::Draft, ORG, PLACE)
    );
    assert_eq!(turnen.description, "Für Kinder ab 2 Jahren, mit Eltern.");
    let cal = HolidayCalendar::default();
    let s = parse_schedule(&turnen.schedules[0], &cal).unwrap().schedule;
    let dates: Vec<String> = occurrences(&s, &cal, d("2027-01-01"), d("2027-01-31"))
        .into_iter()
        .filter(|o| !o.is_cancelled())
        .map(|o| format!("{} {:?}", o.date, o.times))
        .collect();
    assert_eq!(dates.len(), 3, "{dates:?}"); // 6th; 13th cancelled; 20th moved to the 21st; 27th
    assert!(dates[0].starts_with("2027-01-06") && dates[0].contains("15:30"), "{dates:?}");
    assert!(dates[1].starts_with("2027-01-21") && dates[1].contains("16:00"), "{dates:?}");
    let fest = t.db.get_stored_offer(t.db.get_offer_id("sportfest").await.unwrap()).await.unwrap().record;
    assert_eq!(fest.schedules[0].start.as_deref(), Some("10:00"), "08:00 UTC is 10:00 in Berlin in June");
    assert_eq!(fest.schedules[0].end.as_deref(), Some("14:00"));

    // The next import of the same calendar updates the same offers; staff changes stay.
    let again = run(calendar("Eltern-Kind-Turnen mit Musik", ""), false).await.unwrap();
    assert_eq!((again.created.len(), again.updated.len(), again.unchanged), (0, 1, 2));
    let updated = t.db.get_stored_offer(id).await.unwrap();
    assert_eq!(updated.record.title, "Eltern-Kind-Turnen mit Musik");
    assert_eq!(t.db.list_audit(Entity::Offer, id).await.unwrap()[0].actor, "cli");

    // An event whose rule the schedules cannot hold: named, nothing written.
    let daily = "BEGIN:VEVENT\r\nUID:taeglich@tv.example\r\nSUMMARY:Täglich\r\nDTSTART:20270101T100000\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n";
    let refused = run(calendar("Eltern-Kind-Turnen neu", daily), false).await.unwrap();
    let problem = &refused.problems[0];
    assert_eq!(
        (problem.event.as_str(), problem.field.as_str(), problem.reason.as_str()),
        ("Täglich (taeglich@tv.example)", "RRULE", "ics_rule")
    );
    assert!(problem.detail.as_deref().is_some_and(|d| d.contains("FREQ=DAILY")), "{problem:?}");
    assert!(!refused.written);
    assert_eq!(t.db.get_stored_offer(id).await.unwrap().record.title, "Eltern-Kind-Turnen mit Musik");

    let broken = run(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Ohne\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n".into(),
        true,
    )
    .await
    .unwrap();
    assert_eq!(broken.problems[0].to_string(), "#1 (Ohne): UID is missing");
    let unknown = import(&t.db, &settings, &calendar("x", ""), to("nirgendwo"), true, None).await.unwrap();
    assert_eq!(unknown.problems[0].to_string(), "place does not exist (nirgendwo)");
}

on_both!(calendar_becomes_offers);
