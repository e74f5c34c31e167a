use super::*;
use crate::domain::holidays::HolidayCalendar;
use crate::domain::schedule::validate::parse_schedule;
use crate::domain::schedule::Schedule;
use proptest::prelude::*;

const TZ: &str = "Europe/Berlin";

fn demo() -> CityDocument {
    serde_json::from_str(include_str!("../../demo/demo_city.json")).unwrap()
}

fn schedule(input: &ScheduleInput) -> Schedule {
    parse_schedule(input, &HolidayCalendar::default()).unwrap().schedule
}

fn text(doc: &ExchangeDocument) -> String {
    serde_json::to_string_pretty(doc).unwrap()
}

/// The dates a schedule produces in the two years from 2026.
fn dates(s: &Schedule) -> Vec<crate::domain::schedule::Occurrence> {
    let (from, to) =
        (NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2027, 12, 31).unwrap());
    crate::domain::schedule::expand::occurrences(s, &HolidayCalendar::default(), from, to)
}

/// Every demo schedule means the same after the trip through iCalendar fields: rules come back
/// as they were; listed dates produce the same dates.
#[test]
fn demo_schedules_survive_ical_fields() {
    for o in demo().offers {
        for s in &o.schedules {
            let back = from_ical(&to_ical(s)).unwrap();
            if s.freq == "dates" {
                assert_eq!(dates(&schedule(s)), dates(&schedule(&back)), "{}", o.slug);
            } else {
                assert_eq!(schedule(s), schedule(&back), "{}: {:?}", o.slug, to_ical(s));
            }
        }
    }
}

/// Listed dates are DTSTART and RDATE, as RFC 5545 has them.
#[test]
fn listed_dates_start_at_dtstart() {
    let s = IcalSchedule {
        dtstart: "2026-12-24T10:00".into(),
        duration: Some("PT2H".into()),
        ..Default::default()
    };
    assert_eq!(from_ical(&s).unwrap().dates, vec![NaiveDate::from_ymd_opt(2026, 12, 24).unwrap()]);
    let s = ScheduleInput {
        start_date: NaiveDate::from_ymd_opt(2026, 1, 1),
        freq: "dates".into(),
        dates: vec![
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 2, 1).unwrap(),
        ],
        ..Default::default()
    };
    let ical = to_ical(&s);
    assert_eq!((ical.dtstart.as_str(), ical.rdate.len()), ("2026-02-01", 1));
}

/// export → parse → export gives the same document.
#[test]
fn demo_document_round_trips() {
    let first = export(demo(), TZ);
    let read = parse(&text(&first), TZ).unwrap();
    assert_eq!(text(&export(read, TZ)), text(&first));
}

/// A monthly "first Wednesday" reads as people write it in a calendar.
#[test]
fn writes_what_calendars_write() {
    let s = ScheduleInput {
        start_date: NaiveDate::from_ymd_opt(2026, 9, 2),
        start: Some("15:00".into()),
        end: Some("16:30".into()),
        freq: "monthly_nth".into(),
        interval: Some(1),
        nth: Some(1),
        weekday: Some(3),
        exceptions: vec![ExceptionInput {
            date: NaiveDate::from_ymd_opt(2026, 12, 2),
            cancelled: Some("Krankheit".into()),
            ..Default::default()
        }],
        ..Default::default()
    };
    let ical = to_ical(&s);
    assert_eq!(ical.dtstart, "2026-09-02T15:00");
    assert_eq!(ical.duration.as_deref(), Some("PT1H30M"));
    assert_eq!(ical.rrule.as_deref(), Some("FREQ=MONTHLY;BYDAY=1WE"));
    assert_eq!(ical.exdate[0].reason, "Krankheit");
    assert_eq!(from_ical(&ical).unwrap(), s);
}

/// Broken JSON names its line; a typo in a field name is named, not ignored.
#[test]
fn json_problems_name_line_and_field() {
    let errors = parse("{\n  \"format\": \"quartiersboard/1\",\n  oops\n}", TZ).unwrap_err();
    assert_eq!(errors[0].path, "line 3, column 3");
    let mut v = serde_json::to_value(export(demo(), TZ)).unwrap();
    v["offers"][0]["schedules"][0]["rrules"] = "FREQ=WEEKLY".into();
    let errors = parse(&v.to_string(), TZ).unwrap_err();
    assert!(errors[0].detail.as_deref().unwrap().contains("unknown field `rrules`"), "{errors:?}");
}

/// Wrong format or zone, an impossible rule, a place that does not exist: each named, nothing read.
#[test]
fn content_problems_name_their_place() {
    let good = export(demo(), TZ);
    let wrong_zone = parse(&text(&good), "Europe/Vienna").unwrap_err();
    assert_eq!(wrong_zone[0].path, "time_zone");
    let mut doc = good.clone();
    doc.format = "something/2".into();
    assert_eq!(parse(&text(&doc), TZ).unwrap_err()[0].path, "format");
    let mut doc = good.clone();
    doc.offers[0].schedules[0].rrule = Some("FREQ=YEARLY".into());
    doc.offers[1].schedules[0].duration = Some("PT25H".into());
    let errors = parse(&text(&doc), TZ).unwrap_err();
    let paths: Vec<_> = errors.iter().map(|e| e.path.clone()).collect();
    assert!(paths.contains(&format!("offers/{}/schedules/0/rrule", doc.offers[0].slug)), "{paths:?}");
    assert!(paths.contains(&format!("offers/{}/schedules/0/duration", doc.offers[1].slug)), "{paths:?}");
    let mut doc = good;
    doc.offers[2].place = "nowhere".into();
    let errors = parse(&text(&doc), TZ).unwrap_err();
    assert_eq!(errors[0].path, format!("offers/{}/place", doc.offers[2].slug));
}

/// A time without a duration, or a duration on an all-day schedule, is refused.
#[test]
fn duration_goes_with_a_time() {
    let timed = IcalSchedule {
        dtstart: "2026-09-02T15:00".into(),
        rrule: Some("FREQ=WEEKLY".into()),
        ..Default::default()
    };
    assert_eq!(from_ical(&timed).unwrap_err().0, "duration");
    let all_day =
        IcalSchedule { dtstart: "2026-09-02".into(), duration: Some("PT1H".into()), ..timed.clone() };
    assert_eq!(from_ical(&all_day).unwrap_err().0, "duration");
    let bad = IcalSchedule { dtstart: "2026-02-30".into(), ..timed };
    assert_eq!(from_ical(&bad).unwrap_err().0, "dtstart");
}

proptest! {
    /// Weekly and monthly rules of any shape mean the same after the trip.
    #[test]
    fn rules_survive_ical_fields(
        kind in 0..3u8, interval in 1..12i64, days in proptest::collection::btree_set(1..=7i64, 1..4),
        nth in prop_oneof![Just(-1i64), 1..=4i64], weekday in 1..=7i64, day in 1..=28i64,
        start in 0..60i64, count in proptest::option::of(1..50i64), hour in 0..23u32, minutes in 1..59u32,
        all_day: bool, extra in proptest::option::of(0..90i64),
    ) {
        let start_date = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Duration::days(start);
        let input = ScheduleInput {
            start_date: Some(start_date),
            start: (!all_day).then(|| format!("{hour:02}:00")),
            end: (!all_day).then(|| format!("{hour:02}:{minutes:02}")),
            freq: ["weekly", "monthly_nth", "monthly_day"][kind as usize].into(),
            interval: Some(interval),
            days: if kind == 0 { days.into_iter().collect() } else { vec![] },
            nth: (kind == 1).then_some(nth),
            weekday: (kind == 1).then_some(weekday),
            day: (kind == 2).then_some(day),
            count,
            extra_dates: extra.map(|e| start_date + chrono::Duration::days(e)).into_iter().collect(),
            ..Default::default()
        };
        let canonical = ScheduleInput::from(&schedule(&input));
        prop_assert_eq!(schedule(&from_ical(&to_ical(&canonical)).unwrap()), schedule(&canonical));
    }

    /// Any text given as a document: an answer, never a panic.
    #[test]
    fn any_text_is_answered(text in ".{0,200}") {
        let _ = parse(&text, TZ);
    }

    /// Any schedule fields: an answer, never a panic.
    #[test]
    fn any_schedule_fields_are_answered(dtstart in ".{0,24}", duration in proptest::option::of(".{0,12}"), rule in proptest::option::of(".{0,40}")) {
        let _ = from_ical(&IcalSchedule { dtstart, duration, rrule: rule, ..Default::default() });
    }
}

/// A field given twice is named, not silently taken.
#[test]
fn duplicate_fields_are_named() {
    let errors = parse(r#"{"format": "quartiersboard/1", "format": "quartiersboard/1"}"#, TZ).unwrap_err();
    assert!(errors[0].to_string().contains("duplicate field `format`"), "{errors:?}");
}

/// A translation given twice for one language is named by its path, not silently the last.
#[test]
fn duplicate_translations_are_named() {
    let doc = export(demo(), TZ);
    let twice = r#""translations": {"tr": {"title": "A", "description": "B"}, "tr": {"title": "C", "description": "D"},"#;
    let all = text(&doc);
    let (head, offers) = all.split_at(all.find(r#""offers": ["#).unwrap());
    let json = format!("{head}{}", offers.replacen(r#""translations": {"#, twice, 1));
    let errors = parse(&json, TZ).unwrap_err();
    assert!(errors[0].path.ends_with("/translations/tr"), "{errors:?}");
    assert_eq!(errors[0].reason, "json_key_twice");
}
