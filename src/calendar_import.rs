//! `quartiersboard import-calendar`: an organisation's own calendar (.ics) as offers. Reads the
//! events (icalendar's parser; times in any zone or UTC converted to the installation's zone),
//! turns each into an offer (pure `domain::calendar_import`), checks it like the offer form, and
//! writes all of them in one transaction — new events as drafts, known ones (by UID) updated.

use crate::db::{Db, DbError, OfferChange};
use crate::domain::calendar_import::{label, offer_of, CalendarEvent, Slugs, Target, When};
use crate::domain::calendar_source::{CalendarProblem, CalendarReport};
use crate::domain::category::Category;
use crate::domain::offer_form::validate::validate_offer_form;
use crate::domain::offer_form::OfferForm;
use crate::domain::staff::Actor;
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold, Component, Property};
use std::collections::BTreeMap;

/// The largest calendar read (bytes), from a file or an address.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

mod fetch;
pub use fetch::PrivateHosts;

/// The most components nested in one another (VCALENDAR › VEVENT › VALARM needs 3); deeper
/// files are refused before parsing, since the parser recurses once per level.
pub const MAX_DEPTH: usize = 8;

/// The calendar at `source`: an `https://` or `http://` address (fetched with a 30-second limit,
/// redirects followed, public hosts only unless named in `private_hosts`) or a file.
pub async fn read_source(source: &str, private_hosts: &PrivateHosts) -> Result<String, CalendarProblem> {
    if source.starts_with("https://") || source.starts_with("http://") {
        let (url, hosts) = (source.to_owned(), private_hosts.clone());
        let bytes = tokio::task::spawn_blocking(move || fetch::fetch(&url, MAX_BYTES, &hosts))
            .await
            .map_err(|e| CalendarProblem::file("ics_fetch", Some(e.to_string())))??;
        return read_text(&bytes);
    }
    let unreadable = |e: std::io::Error| CalendarProblem::file("ics_fetch", Some(format!("{source}: {e}")));
    let size = std::fs::metadata(source).map_err(unreadable)?.len();
    if size > MAX_BYTES {
        return Err(too_large());
    }
    read_text(&std::fs::read(source).map_err(unreadable)?)
}

fn too_large() -> CalendarProblem {
    CalendarProblem::file("csv_too_large", Some(format!("{} MB", MAX_BYTES >> 20)))
}

/// An uploaded or read calendar as text: UTF-8, with or without BOM.
pub fn read_text(bytes: &[u8]) -> Result<String, CalendarProblem> {
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        CalendarProblem::file("ics_unreadable", Some(format!("UTF-8, byte {}", e.valid_up_to())))
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
}

/// Refuses text whose components nest deeper than `MAX_DEPTH` or that is not a calendar at all
/// (an error page, say: its content is not quoted back).
fn check_shape(unfolded: &str) -> Result<(), CalendarProblem> {
    let mut lines = unfolded.lines().map(str::trim_start).filter(|l| !l.is_empty());
    let first = lines.next().unwrap_or_default();
    if !first.to_ascii_uppercase().starts_with("BEGIN:VCALENDAR") {
        return Err(CalendarProblem::file("ics_unreadable", Some("BEGIN:VCALENDAR".into())));
    }
    let mut depth = 1usize;
    for line in lines {
        let head = line.get(..6).unwrap_or(line).to_ascii_uppercase();
        if head.starts_with("BEGIN:") {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(CalendarProblem::file("ics_too_deep", Some(MAX_DEPTH.to_string())));
            }
        } else if head.starts_with("END:") {
            depth = depth.saturating_sub(1);
        }
    }
    Ok(())
}

/// Reads every VEVENT of `ics`; overrides (RECURRENCE-ID) are attached to their event. Problems
/// name the event (its SUMMARY or position) and the property.
pub fn read_events(ics: &str, tz: Tz) -> Result<Vec<CalendarEvent>, Vec<CalendarProblem>> {
    let unfolded = unfold(ics);
    check_shape(&unfolded).map_err(|p| vec![p])?;
    let calendar =
        read_calendar(&unfolded).map_err(|e| vec![CalendarProblem::file("ics_unreadable", Some(e))])?;
    let mut masters: BTreeMap<String, CalendarEvent> = BTreeMap::new();
    let mut overrides = Vec::new();
    let mut problems = Vec::new();
    for (i, c) in calendar.components.iter().filter(|c| c.name == "VEVENT").enumerate() {
        let text = |key: &str| c.find_prop(key).map(|p| unescape(p.val.as_str())).unwrap_or_default();
        let label = match text("SUMMARY") {
            s if s.is_empty() => format!("#{}", i + 1),
            s => format!("#{} ({s})", i + 1),
        };
        let problem = |(field, reason, detail): Fault| CalendarProblem::new(&label, &field, reason, detail);
        let uid = text("UID");
        if uid.is_empty() {
            problems.push(problem(("UID".into(), "ics_missing", None)));
            continue;
        }
        let when = match when(c, tz) {
            Ok(w) => w,
            Err(f) => {
                problems.push(problem(f));
                continue;
            }
        };
        if let Some(id) = c.find_prop("RECURRENCE-ID") {
            match moment(id, tz) {
                Ok(at) => {
                    let cancelled = text("STATUS").eq_ignore_ascii_case("CANCELLED");
                    overrides.push((uid, label.clone(), at.0, (!cancelled).then_some(when)));
                }
                Err((reason, detail)) => problems.push(problem(("RECURRENCE-ID".into(), reason, detail))),
            }
            continue;
        }
        let dates = |key: &str| -> Result<Vec<NaiveDate>, Fault> {
            let mut out = Vec::new();
            for p in c.properties.iter().filter(|p| p.name == key) {
                for part in p.val.as_str().split(',').filter(|s| !s.trim().is_empty()) {
                    let single =
                        Property { name: p.name.clone(), params: p.params.clone(), val: part.trim().into() };
                    out.push(moment(&single, tz).map_err(|(r, d)| (key.to_owned(), r, d))?.0);
                }
            }
            Ok(out)
        };
        let (rdate, exdate) = match (dates("RDATE"), dates("EXDATE")) {
            (Ok(r), Ok(x)) => (r, x),
            (Err(f), _) | (_, Err(f)) => {
                problems.push(problem(f));
                continue;
            }
        };
        let event = CalendarEvent {
            uid: uid.clone(),
            summary: text("SUMMARY"),
            description: text("DESCRIPTION"),
            when,
            rrule: c.find_prop("RRULE").map(|p| p.val.as_str().to_owned()),
            rdate,
            exdate,
            overrides: vec![],
        };
        if masters.insert(uid.clone(), event).is_some() {
            problems.push(problem(("UID".into(), "ics_uid_twice", Some(uid))));
        }
    }
    for (uid, label, date, new) in overrides {
        match masters.get_mut(&uid) {
            Some(m) => m.overrides.push((date, new)),
            None => problems.push(CalendarProblem::new(&label, "RECURRENCE-ID", "ics_no_event", Some(uid))),
        }
    }
    if problems.is_empty() {
        Ok(masters.into_values().collect())
    } else {
        Err(problems)
    }
}

/// A property's problem: its name, the reason code and the text at fault.
type Fault = (String, &'static str, Option<String>);

/// A value's problem: the reason code and the text at fault.
type Reason = (&'static str, Option<String>);

fn unescape(v: &str) -> String {
    v.replace("\\n", "\n")
        .replace("\\N", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";")
        .replace("\\\\", "\\")
        .trim()
        .to_owned()
}

/// DTSTART with DTEND or DURATION.
fn when(c: &Component<'_>, tz: Tz) -> Result<When, Fault> {
    let with = |key: &'static str| move |(reason, detail): Reason| (key.to_owned(), reason, detail);
    let start = c.find_prop("DTSTART").ok_or(("DTSTART".to_owned(), "ics_missing", None))?;
    let (date, time) = moment(start, tz).map_err(with("DTSTART"))?;
    let Some(time) = time else { return Ok(When::AllDay(date)) };
    let start = date.and_time(time);
    let minutes = if let Some(end) = c.find_prop("DTEND") {
        let (d, t) = moment(end, tz).map_err(with("DTEND"))?;
        (d.and_time(t.unwrap_or_default()) - start).num_minutes()
    } else if let Some(d) = c.find_prop("DURATION") {
        crate::domain::exchange::rrule::parse_duration(d.val.as_str())
            .map_err(|e| ("DURATION".to_owned(), "ics_rule", Some(e)))?
    } else {
        return Err(("DTEND".into(), "ics_needs_end", None));
    };
    Ok(When::Timed { start, minutes })
}

/// A date or date-time property as a local date (and time) in `tz`: `VALUE=DATE`, `TZID=…`,
/// UTC (`Z`) or floating. Errors: the reason code and the value at fault.
fn moment(p: &Property<'_>, tz: Tz) -> Result<(NaiveDate, Option<chrono::NaiveTime>), Reason> {
    let v = p.val.as_str().trim();
    let bad = || ("ics_bad_date", Some(v.to_owned()));
    if v.len() == 8 {
        return NaiveDate::parse_from_str(v, "%Y%m%d").map(|d| (d, None)).map_err(|_| bad());
    }
    let (local, utc) = match v.strip_suffix('Z') {
        Some(u) => (u, true),
        None => (v, false),
    };
    let naive = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
    let param = |name: &str| {
        p.params
            .iter()
            .find(|x| x.key == name)
            .and_then(|x| x.val.as_ref())
            .map(|v| v.as_str().trim_matches('"').to_owned())
    };
    let here = if utc {
        chrono::Utc.from_utc_datetime(&naive).with_timezone(&tz).naive_local()
    } else if let Some(zone) = param("TZID") {
        let zone: Tz = zone.parse().map_err(|_| ("ics_bad_zone", Some(zone.clone())))?;
        let instant = zone.from_local_datetime(&naive).earliest().ok_or_else(bad)?;
        instant.with_timezone(&tz).naive_local()
    } else {
        naive
    };
    Ok((here.date(), Some(here.time())))
}

/// Where a calendar's events go: offers of the organisation at the place, of that kind (slugs).
#[derive(Clone, Copy, Debug)]
pub struct Destination<'a> {
    pub organisation: &'a str,
    pub place: &'a str,
    pub category: Category,
}

/// Checks every event of the file as an offer at `to` and, unless `dry_run`, writes them all in
/// one transaction (audited as `by`; `None`: the command line). With problems (all listed)
/// nothing is written.
pub async fn import(
    db: &Db,
    settings: &crate::config::CalendarSettings,
    ics: &str,
    to: Destination<'_>,
    dry_run: bool,
    by: Option<&Actor>,
) -> Result<CalendarReport, DbError> {
    let Destination { organisation, place, category } = to;
    let events = match read_events(ics, settings.tz) {
        Ok(events) => events,
        Err(problems) => return Ok(CalendarReport { problems, ..Default::default() }.capped()),
    };
    let unknown = |field: &str, slug: &str| {
        Ok(CalendarReport::failed(CalendarProblem::new("", field, "unknown_choice", Some(slug.to_owned()))))
    };
    let organisation_id = match db.get_organisation_id(organisation).await {
        Ok(id) => id,
        Err(DbError::NotFound) => return unknown("organisation", organisation),
        Err(e) => return Err(e),
    };
    let quarter = match db.get_place_quarter(place).await {
        Ok(q) => q,
        Err(DbError::NotFound) => return unknown("place", place),
        Err(e) => return Err(e),
    };
    let today = crate::clock::local_now(settings.tz).date();
    let target = Target { organisation, place, quarter: &quarter, category, today };
    let cal = crate::service::holiday_calendar(db, settings, today).await?;
    let choices = db.get_form_options().await?.choices(&crate::editing::locales());
    let mut slugs = Slugs::new(db.list_offer_slugs().await?);
    let (mut report, mut changes) = (CalendarReport::default(), Vec::new());
    for e in &events {
        let stored = match db.get_calendar_offer(organisation_id, &e.uid).await? {
            Some(id) => Some(db.get_stored_offer(id).await?),
            None => None,
        };
        let slug = slugs.pick(&e.summary);
        let record = match offer_of(e, stored.as_ref().map(|s| &s.record), &slug, &target) {
            Ok(r) => r,
            Err(p) => {
                report.problems.push(p);
                continue;
            }
        };
        let form = OfferForm::from_record(&record, 0);
        let checked = validate_offer_form(&form, &choices, &cal, record.status, record.last_confirmed);
        if let Err(issues) = checked {
            let event = label(e);
            report
                .problems
                .extend(issues.iter().map(|i| CalendarProblem::new(&event, &i.field, &i.reason, None)));
            continue;
        }
        match stored {
            Some(s) if s.record == record => report.unchanged += 1,
            Some(s) => {
                report.updated.push(record.slug.clone());
                changes.push((OfferChange::Update(Box::new(s), record), None));
            }
            None => {
                slugs.take(slug.clone());
                report.created.push(slug);
                changes.push((OfferChange::Create(record), Some((organisation_id, e.uid.clone()))));
            }
        }
    }
    if report.problems.is_empty() && !dry_run {
        db.import_offers_from(&changes, by).await?;
        report.written = true;
    }
    Ok(report.capped())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// TZID, UTC and all-day values land on the local date and time.
    #[test]
    fn reads_times_in_any_zone() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:A\r\nDTSTART;TZID=America/New_York:20270106T090000\r\n\
            DURATION:PT1H\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nSUMMARY:B\r\nDTSTART;VALUE=DATE:20270107\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let events = read_events(ics, chrono_tz::Europe::Berlin).unwrap();
        let at = |h, m| NaiveDate::from_ymd_opt(2027, 1, 6).unwrap().and_hms_opt(h, m, 0).unwrap();
        assert_eq!(events[0].when, When::Timed { start: at(15, 0), minutes: 60 });
        assert_eq!(events[1].when, When::AllDay(NaiveDate::from_ymd_opt(2027, 1, 7).unwrap()));
    }

    proptest! {
        /// Any text as a calendar, and any lines inside an event: an answer, never a panic.
        #[test]
        fn any_text_is_answered(text in ".{0,300}", lines in proptest::collection::vec("[A-Z;=:0-9TZ/-]{0,40}", 0..8)) {
            let _ = read_events(&text, chrono_tz::Europe::Berlin);
            let ics = format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", lines.join("\r\n"));
            let _ = read_events(&ics, chrono_tz::Europe::Berlin);
        }
    }

    /// A line of a generated calendar: component starts and ends (any case, with folding
    /// whitespace), properties of events and noise.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => "(BEGIN|begin|End|END):(X|VEVENT|VALARM|VTIMEZONE|[A-Z]{1,6})",
            2 => "(UID|SUMMARY|DTSTART|DURATION|RRULE|EXDATE|RDATE|RECURRENCE-ID)(;TZID=Europe/Berlin)?:[0-9TZ=;A-Z,]{0,20}",
            1 => " [ -~]{0,20}",
            1 => ".{0,30}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// The import's fuzz target: generated calendars with nesting up to thousands of levels,
        /// read on a thread with a small stack (256 KiB) — an answer every time, never a crash.
        #[test]
        fn nesting_never_crashes(
            depth in 0usize..3000,
            lines in proptest::collection::vec(line(), 0..60),
            close in proptest::bool::ANY,
        ) {
            let mut ics = String::from("BEGIN:VCALENDAR\r\n");
            ics += &"BEGIN:X\r\n".repeat(depth);
            ics += &lines.join("\r\n");
            if close {
                ics += &"\r\nEND:X".repeat(depth);
            }
            ics += "\r\nEND:VCALENDAR\r\n";
            let answered = std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || read_events(&ics, chrono_tz::Europe::Berlin).map(|e| e.len()).map_err(|p| p.len()))
                .unwrap()
                .join();
            prop_assert!(answered.is_ok(), "the reader crashed at depth {}", depth);
            if depth + 1 > MAX_DEPTH {
                prop_assert!(answered.unwrap().is_err());
            }
        }
    }
}
