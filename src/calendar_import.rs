//! `quartiersboard import-calendar`: an organisation's own calendar (.ics) as offers. Reads the
//! events (icalendar's parser; times in any zone or UTC converted to the installation's zone),
//! turns each into an offer (pure `domain::calendar_import`), checks it like the offer form, and
//! writes all of them in one transaction — new events as drafts, known ones (by UID) updated.

use crate::db::{Db, DbError, OfferChange};
use crate::domain::calendar_import::{new_slug, offer_of, CalendarEvent, Target, When};
use crate::domain::category::Category;
use crate::domain::offer_form::validate::validate_offer_form;
use crate::domain::offer_form::OfferForm;
use chrono::{NaiveDate, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold, Component, Property};
use std::collections::{BTreeMap, HashSet};

/// The largest calendar read (bytes), from a file or an address.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// The calendar at `source`: an `https://` or `http://` address (fetched with a 30-second limit,
/// redirects followed) or a file.
pub async fn read_source(source: &str) -> Result<String, String> {
    if source.starts_with("https://") || source.starts_with("http://") {
        let url = source.to_owned();
        return tokio::task::spawn_blocking(move || fetch(&url)).await.map_err(|e| e.to_string())?;
    }
    let path = std::path::Path::new(source);
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read {source}: {e}"))?.len();
    if size > MAX_BYTES {
        return Err(format!("{source} is larger than {} MB", MAX_BYTES >> 20));
    }
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {source}: {e}"))
}

fn fetch(url: &str) -> Result<String, String> {
    let agent: ureq::Agent =
        ureq::Agent::config_builder().timeout_global(Some(std::time::Duration::from_secs(30))).build().into();
    let mut response = agent.get(url).call().map_err(|e| format!("cannot fetch {url}: {e}"))?;
    response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_string()
        .map_err(|e| format!("cannot read {url}: {e}"))
}

/// What an import did (or would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarReport {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: usize,
}

/// Reads every VEVENT of `ics`; overrides (RECURRENCE-ID) are attached to their event. Errors
/// name the event (its SUMMARY or position) and the property.
pub fn read_events(ics: &str, tz: Tz) -> Result<Vec<CalendarEvent>, Vec<String>> {
    let unfolded = unfold(ics);
    let calendar = read_calendar(&unfolded).map_err(|e| vec![e])?;
    let mut masters: BTreeMap<String, CalendarEvent> = BTreeMap::new();
    let mut overrides = Vec::new();
    let mut errors = Vec::new();
    for (i, c) in calendar.components.iter().filter(|c| c.name == "VEVENT").enumerate() {
        let text = |key: &str| c.find_prop(key).map(|p| unescape(p.val.as_str())).unwrap_or_default();
        let label = match text("SUMMARY") {
            s if s.is_empty() => format!("event {}", i + 1),
            s => format!("event {} ({s})", i + 1),
        };
        let uid = text("UID");
        if uid.is_empty() {
            errors.push(format!("{label}: UID is missing"));
            continue;
        }
        let when = match when(c, tz) {
            Ok(w) => w,
            Err(e) => {
                errors.push(format!("{label}: {e}"));
                continue;
            }
        };
        if let Some(id) = c.find_prop("RECURRENCE-ID") {
            match moment(id, tz) {
                Ok(at) => {
                    let cancelled = text("STATUS").eq_ignore_ascii_case("CANCELLED");
                    overrides.push((uid, at.0, (!cancelled).then_some(when)));
                }
                Err(e) => errors.push(format!("{label}: RECURRENCE-ID {e}")),
            }
            continue;
        }
        let dates = |key: &str| -> Result<Vec<NaiveDate>, String> {
            let mut out = Vec::new();
            for p in c.properties.iter().filter(|p| p.name == key) {
                for part in p.val.as_str().split(',').filter(|s| !s.trim().is_empty()) {
                    let single =
                        Property { name: p.name.clone(), params: p.params.clone(), val: part.trim().into() };
                    out.push(moment(&single, tz).map_err(|e| format!("{key} {e}"))?.0);
                }
            }
            Ok(out)
        };
        let (rdate, exdate) = match (dates("RDATE"), dates("EXDATE")) {
            (Ok(r), Ok(x)) => (r, x),
            (Err(e), _) | (_, Err(e)) => {
                errors.push(format!("{label}: {e}"));
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
        if masters.insert(uid, event).is_some() {
            errors.push(format!("{label}: UID used twice"));
        }
    }
    for (uid, date, new) in overrides {
        match masters.get_mut(&uid) {
            Some(m) => m.overrides.push((date, new)),
            None => errors.push(format!("an override of {uid:?} has no event")),
        }
    }
    if errors.is_empty() {
        Ok(masters.into_values().collect())
    } else {
        Err(errors)
    }
}

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
fn when(c: &Component<'_>, tz: Tz) -> Result<When, String> {
    let start = c.find_prop("DTSTART").ok_or("DTSTART is missing")?;
    let (date, time) = moment(start, tz).map_err(|e| format!("DTSTART {e}"))?;
    let Some(time) = time else { return Ok(When::AllDay(date)) };
    let start = date.and_time(time);
    let minutes = if let Some(end) = c.find_prop("DTEND") {
        let (d, t) = moment(end, tz).map_err(|e| format!("DTEND {e}"))?;
        (d.and_time(t.unwrap_or_default()) - start).num_minutes()
    } else if let Some(d) = c.find_prop("DURATION") {
        crate::domain::exchange::rrule::parse_duration(d.val.as_str()).map_err(|e| format!("DURATION {e}"))?
    } else {
        return Err("a timed event needs DTEND or DURATION".into());
    };
    Ok(When::Timed { start, minutes })
}

/// A date or date-time property as a local date (and time) in `tz`: `VALUE=DATE`, `TZID=…`,
/// UTC (`Z`) or floating.
fn moment(p: &Property<'_>, tz: Tz) -> Result<(NaiveDate, Option<chrono::NaiveTime>), String> {
    let v = p.val.as_str().trim();
    let bad = || format!("{v:?} is not a date or date and time");
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
        let zone: Tz = zone.parse().map_err(|_| format!("TZID {zone:?} is not a known time zone"))?;
        let instant = zone.from_local_datetime(&naive).earliest().ok_or_else(bad)?;
        instant.with_timezone(&tz).naive_local()
    } else {
        naive
    };
    Ok((here.date(), Some(here.time())))
}

/// Checks every event of the file as an offer of `organisation` at `place` and, unless
/// `dry_run`, writes them all in one transaction. Errors list every problem; nothing is written.
pub async fn import(
    db: &Db,
    settings: &crate::config::CalendarSettings,
    ics: &str,
    organisation: &str,
    place: &str,
    category: Category,
    dry_run: bool,
) -> Result<CalendarReport, Vec<String>> {
    let events = read_events(ics, settings.tz)?;
    let storage = |e: DbError| vec![e.to_string()];
    let organisation_id = db
        .get_organisation_id(organisation)
        .await
        .map_err(|_| vec![format!("no organisation {organisation:?}")])?;
    let quarter = match db.get_place_quarter(place).await {
        Ok(q) => q,
        Err(DbError::NotFound) => return Err(vec![format!("no place {place:?}")]),
        Err(e) => return Err(storage(e)),
    };
    let today = crate::clock::local_now(settings.tz).date();
    let target = Target { organisation, place, quarter: &quarter, category, today };
    let cal = crate::service::holiday_calendar(db, settings, today).await.map_err(storage)?;
    let choices = db.get_form_options().await.map_err(storage)?.choices(&crate::editing::locales());
    let mut taken: HashSet<String> = db.list_offer_slugs().await.map_err(storage)?.into_iter().collect();
    let (mut report, mut changes, mut errors) = (CalendarReport::default(), Vec::new(), Vec::new());
    for e in &events {
        let stored = match db.get_calendar_offer(organisation_id, &e.uid).await.map_err(storage)? {
            Some(id) => Some(db.get_stored_offer(id).await.map_err(storage)?),
            None => None,
        };
        let slug = new_slug(&e.summary, |s| taken.contains(s));
        let record = match offer_of(e, stored.as_ref().map(|s| &s.record), &slug, &target) {
            Ok(r) => r,
            Err(why) => {
                errors.push(format!("{} ({}): {why}", e.summary, e.uid));
                continue;
            }
        };
        let form = OfferForm::from_record(&record, 0);
        let checked = validate_offer_form(&form, &choices, &cal, record.status, record.last_confirmed);
        if let Err(issues) = checked {
            let list: Vec<_> = issues.iter().map(|i| format!("{} {}", i.field, i.reason)).collect();
            errors.push(format!("{} ({}): {}", e.summary, e.uid, list.join(", ")));
            continue;
        }
        match stored {
            Some(s) if s.record == record => report.unchanged += 1,
            Some(s) => {
                report.updated.push(record.slug.clone());
                changes.push((OfferChange::Update(Box::new(s), record), None));
            }
            None => {
                taken.insert(slug.clone());
                report.created.push(slug);
                changes.push((OfferChange::Create(record), Some((organisation_id, e.uid.clone()))));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if !dry_run {
        db.import_offers_from(&changes, None).await.map_err(storage)?;
    }
    Ok(report)
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
}
