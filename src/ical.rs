//! iCalendar feeds (RFC 5545) of offers and quarters, so residents can add dates to their
//! phone calendars. One VEVENT per schedule with RRULE/RDATE, EXDATE for dates that do not take
//! place (holidays, cancellations) in the feed window, RECURRENCE-ID overrides for changed
//! occurrences, a VTIMEZONE built from the time-zone database, and stable UIDs.
//! Events and escaping/folding come from the `icalendar` crate.

use crate::clock::to_instant;
use crate::domain::holidays::HolidayCalendar;
use crate::domain::schedule::expand::{occurrences, MAX_RANGE_DAYS};
use crate::domain::schedule::rule::rule_dates;
use crate::domain::schedule::{Nth, Occurrence, Rule, RuleEnd, Schedule, Status, Times};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use icalendar::{Calendar, Component, Event, EventLike, Property};
use std::collections::BTreeSet;

/// One schedule to publish, with what the calendar entry says.
pub struct FeedEntry<'a> {
    /// Stable across requests and renames: the offer's id and the schedule's position.
    pub uid: String,
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub location: &'a str,
    pub url: Option<String>,
    pub schedule: &'a Schedule,
}

/// One entry per schedule of an offer; UIDs are `offer-<id>-<n>@quartiersboard` (the id, not
/// the slug: a renamed offer's events stay the same events in a subscribed calendar).
pub fn offer_entries<'a>(
    id: i64,
    title: &'a str,
    description: Option<&'a str>,
    location: &'a str,
    schedules: &'a [Schedule],
) -> Vec<FeedEntry<'a>> {
    schedules
        .iter()
        .enumerate()
        .map(|(i, schedule)| FeedEntry {
            uid: format!("offer-{id}-{i}@quartiersboard"),
            title,
            description,
            location,
            url: None,
            schedule,
        })
        .collect()
}

/// Settings of one feed rendering.
pub struct FeedContext<'a> {
    pub name: &'a str,
    pub tz: Tz,
    pub cal: &'a HolidayCalendar,
    /// Dates that do not take place are listed as EXDATE within this window.
    pub window: (NaiveDate, NaiveDate),
    pub stamp: DateTime<Utc>,
}

/// The whole `.ics` document.
pub fn feed(ctx: &FeedContext<'_>, entries: &[FeedEntry<'_>]) -> String {
    let mut calendar = Calendar::new();
    calendar.name(ctx.name);
    calendar.append_property(Property::new("PRODID", "-//Quartiersboard//Angebote//DE"));
    calendar.timezone(ctx.tz.name());
    for entry in entries {
        for event in events(ctx, entry) {
            calendar.push(event);
        }
    }
    // The VTIMEZONE goes in as text: parsed into a component, the crate would give it (and its
    // DAYLIGHT/STANDARD parts) a random UID and a DTSTAMP, which VTIMEZONE does not have.
    let text = calendar.done().to_string();
    let at = text.find("BEGIN:VEVENT").or_else(|| text.find("END:VCALENDAR")).unwrap_or(text.len());
    let zone = vtimezone(ctx.tz, ctx.window.0.year() - 1, ctx.window.1.year() + 1);
    format!("{}{zone}{}", &text[..at], &text[at..])
}

fn local(dt: NaiveDateTime) -> String {
    dt.format("%Y%m%dT%H%M%S").to_string()
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A date-valued property in the schedule's form: a local time with TZID, or a whole date.
fn at(key: &str, date: NaiveDate, times: Times, end: bool, tz: Tz) -> Property {
    match times {
        Times::AllDay => {
            let d = if end { date + Duration::days(1) } else { date };
            let mut p = Property::new(key, day(d));
            p.add_parameter("VALUE", "DATE");
            p
        }
        Times::Timed { start, end: stop } => {
            let mut p = Property::new(key, local(date.and_time(if end { stop } else { start })));
            p.add_parameter("TZID", tz.name());
            p
        }
    }
}

fn byday(d: Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][d.num_days_from_monday() as usize]
}

/// The RRULE value of a rule, `None` for listed dates.
pub fn rrule(rule: &Rule, end: Option<RuleEnd>, times: Times, tz: Tz) -> Option<String> {
    let mut r = match rule {
        Rule::Weekly { interval, days } => {
            let days: Vec<_> = days.iter().map(|d| byday(*d)).collect();
            format!("FREQ=WEEKLY;INTERVAL={interval};BYDAY={};WKST=MO", days.join(","))
        }
        Rule::MonthlyNth { interval, nth, weekday } => {
            let n = match nth {
                Nth::Last => "-1".to_owned(),
                n => n.number().to_string(),
            };
            format!("FREQ=MONTHLY;INTERVAL={interval};BYDAY={n}{}", byday(*weekday))
        }
        Rule::MonthlyDay { interval, day } => format!("FREQ=MONTHLY;INTERVAL={interval};BYMONTHDAY={day}"),
        Rule::Dates(_) => return None,
    };
    match end {
        Some(RuleEnd::Count(c)) => r.push_str(&format!(";COUNT={c}")),
        Some(RuleEnd::Until(u)) => match times {
            Times::AllDay => r.push_str(&format!(";UNTIL={}", day(u))),
            Times::Timed { start, .. } => {
                let until = to_instant(tz, u.and_time(start));
                r.push_str(&format!(";UNTIL={}", until.format("%Y%m%dT%H%M%SZ")));
            }
        },
        None => {}
    }
    Some(r)
}

/// The master event of a schedule plus one override per changed occurrence in the window.
fn events(ctx: &FeedContext<'_>, e: &FeedEntry<'_>) -> Vec<Event> {
    let s = e.schedule;
    let (from, to) = ctx.window;
    let to = to.min(from + Duration::days(MAX_RANGE_DAYS));
    let rule = rule_dates(&s.rule, s.start_date, s.end, s.start_date, s.start_date + Duration::days(800));
    let extra: BTreeSet<NaiveDate> = s.extra_dates.iter().copied().collect();
    let Some(first) = rule.first().copied().or_else(|| extra.first().copied()) else {
        return Vec::new();
    };
    let occurring = occurrences(s, ctx.cal, from, to);
    let regular: BTreeSet<NaiveDate> =
        occurring.iter().filter(|o| o.status == Status::Regular).map(|o| o.date).collect();

    let mut master = base_event(ctx, e);
    master.append_property(at("DTSTART", first, s.times, false, ctx.tz));
    master.append_property(at("DTEND", first, s.times, true, ctx.tz));
    if let Some(r) = rrule(&s.rule, s.end, s.times, ctx.tz) {
        master.add_property("RRULE", r);
    }
    // Every produced date the engine does not show as regular in the window is excluded.
    let produced: BTreeSet<NaiveDate> = rule_dates(&s.rule, s.start_date, s.end, from, to)
        .into_iter()
        .chain(extra.iter().copied().filter(|d| *d >= from && *d <= to))
        .collect();
    let listed_or_extra: Vec<NaiveDate> = match &s.rule {
        Rule::Dates(dates) => dates.iter().copied().chain(extra.iter().copied()).collect(),
        _ => extra.iter().copied().collect(),
    };
    for d in listed_or_extra.into_iter().collect::<BTreeSet<_>>() {
        if d != first {
            master.append_multi_property(at("RDATE", d, s.times, false, ctx.tz));
        }
    }
    for d in produced.iter().filter(|d| !regular.contains(d)) {
        master.append_multi_property(at("EXDATE", *d, s.times, false, ctx.tz));
    }
    let mut out = vec![master.done()];
    for o in occurring.iter().filter(|o| matches!(o.status, Status::Changed { .. })) {
        out.push(override_event(ctx, e, o));
    }
    out
}

fn base_event(ctx: &FeedContext<'_>, e: &FeedEntry<'_>) -> Event {
    let mut ev = Event::new();
    ev.uid(&e.uid);
    ev.summary(e.title);
    ev.location(e.location);
    ev.timestamp(ctx.stamp);
    if let Some(d) = e.description {
        ev.description(d);
    }
    if let Some(url) = &e.url {
        ev.url(url);
    }
    ev
}

fn override_event(ctx: &FeedContext<'_>, e: &FeedEntry<'_>, o: &Occurrence) -> Event {
    let original = match o.status {
        Status::Changed { from: Some(d) } => d,
        _ => o.date,
    };
    let mut ev = base_event(ctx, e);
    ev.append_property(at("RECURRENCE-ID", original, e.schedule.times, false, ctx.tz));
    ev.append_property(at("DTSTART", o.date, o.times, false, ctx.tz));
    ev.append_property(at("DTEND", o.date, o.times, true, ctx.tz));
    if let Some(p) = &o.place {
        ev.location(&p.name);
    }
    ev.done()
}

/// A VTIMEZONE with every offset change of `tz` in the years given, found in the tz database.
pub fn vtimezone(tz: Tz, from_year: i32, to_year: i32) -> String {
    let offset_at = |t: DateTime<Utc>| tz.offset_from_utc_datetime(&t.naive_utc()).fix().local_minus_utc();
    let name_at = |t: DateTime<Utc>| t.with_timezone(&tz).format("%Z").to_string();
    let fmt_offset = |secs: i32| {
        let sign = if secs < 0 { '-' } else { '+' };
        let s = secs.abs();
        format!("{sign}{:02}{:02}", s / 3600, (s % 3600) / 60)
    };
    let start = Utc.with_ymd_and_hms(from_year, 1, 1, 0, 0, 0).single().expect("valid year");
    let end = Utc.with_ymd_and_hms(to_year, 12, 31, 0, 0, 0).single().expect("valid year");
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", tz.name());
    let mut t = start;
    let mut found = false;
    while t < end {
        let next = t + Duration::hours(6);
        if offset_at(t) != offset_at(next) {
            // Narrow the change down to the second (integer timestamps, so it ends exactly on it).
            let (mut lo, mut hi) = (t.timestamp(), next.timestamp());
            let at_ts = |ts: i64| DateTime::from_timestamp(ts, 0).expect("in range");
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if offset_at(at_ts(mid)) == offset_at(at_ts(lo)) {
                    lo = mid
                } else {
                    hi = mid
                }
            }
            let (lo, hi) = (at_ts(lo), at_ts(hi));
            let (before, after) = (offset_at(lo), offset_at(hi));
            let kind = if after > before { "DAYLIGHT" } else { "STANDARD" };
            let onset = hi.naive_utc() + Duration::seconds(i64::from(before));
            out.push_str(&format!(
                "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{}\r\nEND:{kind}\r\n",
                local(onset),
                fmt_offset(before),
                fmt_offset(after),
                name_at(hi)
            ));
            found = true;
        }
        t = next;
    }
    if !found {
        let o = fmt_offset(offset_at(start));
        out.push_str(&format!(
            "BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:{o}\r\nTZOFFSETTO:{o}\r\nTZNAME:{}\r\nEND:STANDARD\r\n",
            name_at(start)
        ));
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Berlin's 2026 changes: summer time from 29 March 02:00, winter time from 25 October 03:00.
    #[test]
    fn vtimezone_berlin_2026() {
        let v = vtimezone(chrono_tz::Europe::Berlin, 2026, 2026);
        assert!(
            v.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"),
            "{v}"
        );
        assert!(
            v.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"),
            "{v}"
        );
    }

    /// Rules become RRULE values; UNTIL is the UTC instant of the last possible start.
    #[test]
    fn rrule_values() {
        let tz = chrono_tz::Europe::Berlin;
        let t = Times::Timed {
            start: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            end: chrono::NaiveTime::from_hms_opt(11, 30, 0).unwrap(),
        };
        let first_wed = Rule::MonthlyNth { interval: 1, nth: Nth::First, weekday: Weekday::Wed };
        assert_eq!(rrule(&first_wed, None, t, tz).unwrap(), "FREQ=MONTHLY;INTERVAL=1;BYDAY=1WE");
        let every2 = Rule::Weekly { interval: 2, days: vec![Weekday::Fri] };
        let until = Some(RuleEnd::Until("2026-12-31".parse().unwrap()));
        assert_eq!(
            rrule(&every2, until, t, tz).unwrap(),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR;WKST=MO;UNTIL=20261231T090000Z"
        );
        assert_eq!(rrule(&Rule::Dates(vec![]), None, t, tz), None);
    }
}
