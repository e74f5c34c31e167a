//! The documented import/export format, "Quartiersboard JSON" (`docs/import-format.md`, JSON
//! Schema `docs/import-format.schema.json`): a [`CityDocument`] whose schedules are written with
//! iCalendar fields (local DTSTART, DURATION, RRULE, RDATE, EXDATE, RECURRENCE-ID changes).
//! Pure conversion both ways; every problem is reported with the place it was found.

mod duplicates;
pub mod rrule;

use super::document::{
    self, CityDocument, DocumentError, OfferRecord, OrganisationRecord, PlaceRecord, QuarterRecord,
};
use super::schedule::validate::{ExceptionInput, ScheduleInput};
use super::time_text::{format_time, parse_time};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// The value of `format`; a later incompatible format gets a new number.
pub const FORMAT: &str = "quartiersboard/1";

/// The largest document an import reads (bytes).
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// A whole export: the city with iCalendar-shaped schedules, and the zone its local times are in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeDocument {
    pub format: String,
    /// IANA zone of every local date and time (`Europe/Berlin`).
    pub time_zone: String,
    pub quarters: Vec<QuarterRecord>,
    pub organisations: Vec<OrganisationRecord>,
    pub places: Vec<PlaceRecord>,
    pub offers: Vec<OfferRecord<IcalSchedule>>,
}

/// One schedule in iCalendar terms. With a rule, DTSTART is the first day the rule applies (as in
/// the staff form; RFC 5545 would also count it as an occurrence); without one, DTSTART and RDATE
/// are the dates, as in RFC 5545.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IcalSchedule {
    /// `2026-09-02` (all day) or `2026-09-02T15:00` (local time).
    pub dtstart: String,
    /// `PT1H30M`; required with a time, absent for all day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    /// RRULE value (`FREQ=MONTHLY;BYDAY=1WE`); absent when the dates are listed in `rdate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rrule: Option<String>,
    /// With a rule: dates on top of it. Without: the dates after DTSTART's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rdate: Vec<NaiveDate>,
    /// Cancelled dates with the reason residents see.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exdate: Vec<CancelledDate>,
    /// Occurrences moved or changed (RECURRENCE-ID overrides).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ChangedDate>,
    /// `not_in_school_holidays` or `only_in_school_holidays`; absent means always.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays: Option<String>,
    /// Whether it also takes place on public holidays.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub public_holidays: bool,
    /// Slug of a place of its own (LOCATION), when it differs from the offer's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CancelledDate {
    pub date: NaiveDate,
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangedDate {
    pub recurrence_id: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// The exchange form of a city document (as stored, every list in the order given).
pub fn export(city: CityDocument, time_zone: &str) -> ExchangeDocument {
    let offers = city.offers.into_iter().map(|o| {
        let schedules = o.schedules.iter().map(to_ical).collect();
        with_schedules(o, schedules)
    });
    ExchangeDocument {
        format: FORMAT.into(),
        time_zone: time_zone.into(),
        quarters: city.quarters,
        organisations: city.organisations,
        places: city.places,
        offers: offers.collect(),
    }
}

/// Reads an exchange document: JSON errors name line and column; then the format, the zone
/// (`time_zone` must be this installation's), every schedule and every reference are checked.
/// Returns all problems at once.
pub fn parse(text: &str, time_zone: &str) -> Result<CityDocument, Vec<DocumentError>> {
    let one = |path: &str, reason: &str, detail: String| vec![DocumentError::new(path, reason, Some(detail))];
    if text.len() > MAX_BYTES {
        return Err(one("", "csv_too_large", format!("{} MB", MAX_BYTES / 1024 / 1024)));
    }
    let doc: ExchangeDocument = serde_json::from_str(text).map_err(|e| {
        one(&format!("line {}, column {}", e.line(), e.column()), "json_syntax", without_position(&e))
    })?;
    let twice: Vec<DocumentError> = duplicates::duplicate_keys(text)
        .into_iter()
        .map(|path| DocumentError::new(path, "json_key_twice", None))
        .collect();
    if !twice.is_empty() {
        return Err(twice);
    }
    if doc.format != FORMAT {
        return Err(one("format", "json_format", doc.format));
    }
    if doc.time_zone != time_zone {
        return Err(one("time_zone", "json_time_zone", time_zone.to_owned()));
    }
    let mut errors = Vec::new();
    let mut offers = Vec::new();
    for o in doc.offers {
        let mut schedules = Vec::new();
        for (i, s) in o.schedules.iter().enumerate() {
            match from_ical(s) {
                Ok(input) => schedules.push(input),
                Err((field, why)) => errors.push(DocumentError::new(
                    format!("offers/{}/schedules/{i}/{field}", o.slug),
                    "ics_rule",
                    Some(why),
                )),
            }
        }
        offers.push(with_schedules(o, schedules));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let city =
        CityDocument { quarters: doc.quarters, organisations: doc.organisations, places: doc.places, offers };
    document::validate(&city)?;
    Ok(city)
}

fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_owned()
}

fn with_schedules<S, T>(o: OfferRecord<S>, schedules: Vec<T>) -> OfferRecord<T> {
    OfferRecord {
        slug: o.slug,
        title: o.title,
        description: o.description,
        easy_description: o.easy_description,
        organisation: o.organisation,
        place: o.place,
        quarters: o.quarters,
        category: o.category,
        age_min: o.age_min,
        age_max: o.age_max,
        audiences: o.audiences,
        free: o.free,
        cost_text: o.cost_text,
        languages: o.languages,
        registration_required: o.registration_required,
        registration_text: o.registration_text,
        contact: o.contact,
        status: o.status,
        last_confirmed: o.last_confirmed,
        schedules,
        translations: o.translations,
        internal_note: o.internal_note,
    }
}

/// A stored schedule (its flat form) in iCalendar fields.
pub fn to_ical(s: &ScheduleInput) -> IcalSchedule {
    let date = s.start_date.unwrap_or_default();
    let times = s
        .start
        .as_deref()
        .and_then(|t| parse_time(t).ok())
        .zip(s.end.as_deref().and_then(|t| parse_time(t).ok()));
    let (dtstart, duration) = match times {
        Some((start, end)) => (
            date.and_time(start).format("%Y-%m-%dT%H:%M").to_string(),
            Some(rrule::format_duration((end - start).num_minutes())),
        ),
        None => (date.to_string(), None),
    };
    let rule = rrule::format_rrule(s);
    let mut rdate = if rule.is_some() {
        s.extra_dates.clone()
    } else {
        // Listed dates as RFC 5545 has them: DTSTART is the first, RDATE the others.
        let listed = s.dates.iter().filter(|d| s.start_date.is_none_or(|start| **d >= start));
        listed.chain(&s.extra_dates).copied().collect()
    };
    rdate.sort_unstable();
    rdate.dedup();
    let dtstart = match (rule.is_none(), rdate.first().copied()) {
        (true, Some(first)) => {
            rdate.remove(0);
            dtstart.replacen(&date.to_string(), &first.to_string(), 1)
        }
        _ => dtstart,
    };
    let (cancelled, changed): (Vec<_>, Vec<_>) = s.exceptions.iter().partition(|e| e.cancelled.is_some());
    IcalSchedule {
        dtstart,
        duration,
        rrule: rule,
        rdate,
        exdate: cancelled
            .into_iter()
            .map(|e| CancelledDate {
                date: e.date.unwrap_or_default(),
                reason: e.cancelled.clone().unwrap_or_default(),
            })
            .collect(),
        changes: changed
            .into_iter()
            .map(|e| ChangedDate {
                recurrence_id: e.date.unwrap_or_default(),
                date: e.moved_to,
                start: e.start.clone(),
                end: e.end.clone(),
                location: e.place.clone(),
            })
            .collect(),
        holidays: s.holidays.clone(),
        public_holidays: s.public_holidays,
        location: s.place.clone(),
    }
}

/// iCalendar fields back into the flat form, or the field that is wrong and why.
pub fn from_ical(s: &IcalSchedule) -> Result<ScheduleInput, (&'static str, String)> {
    let (date, time) = parse_dtstart(&s.dtstart).ok_or_else(|| {
        (
            "dtstart",
            format!("{:?} is not a local date (2026-09-02) or date and time (2026-09-02T15:00)", s.dtstart),
        )
    })?;
    let (start, end) = match (time, &s.duration) {
        (None, None) => (None, None),
        (None, Some(_)) => return Err(("duration", "an all-day schedule has no duration".into())),
        (Some(_), None) => {
            return Err(("duration", "a schedule with a time needs a duration, e.g. PT1H30M".into()))
        }
        (Some(t), Some(d)) => {
            let minutes = rrule::parse_duration(d).map_err(|e| ("duration", e))?;
            let end_minutes = i64::from(t.num_seconds_from_midnight() / 60) + minutes;
            if minutes <= 0 || end_minutes >= 24 * 60 {
                return Err(("duration", "must end after the start and on the same day".into()));
            }
            let end = NaiveTime::from_num_seconds_from_midnight_opt(end_minutes as u32 * 60, 0)
                .expect("within the day");
            (Some(format_time(t)), Some(format_time(end)))
        }
    };
    let mut input = ScheduleInput {
        start_date: Some(date),
        start,
        end,
        holidays: s.holidays.clone(),
        public_holidays: s.public_holidays,
        place: s.location.clone(),
        ..Default::default()
    };
    match &s.rrule {
        Some(rule) => {
            rrule::parse_rrule(rule, date, &mut input).map_err(|e| ("rrule", e))?;
            input.extra_dates = s.rdate.clone();
        }
        None => {
            input.freq = "dates".into();
            input.dates = std::iter::once(date).chain(s.rdate.iter().copied()).collect();
            input.dates.sort_unstable();
            input.dates.dedup();
        }
    }
    let cancelled = s.exdate.iter().map(|c| ExceptionInput {
        date: Some(c.date),
        cancelled: Some(c.reason.clone()),
        ..Default::default()
    });
    let changed = s.changes.iter().map(|c| ExceptionInput {
        date: Some(c.recurrence_id),
        cancelled: None,
        moved_to: c.date,
        start: c.start.clone(),
        end: c.end.clone(),
        place: c.location.clone(),
    });
    input.exceptions = cancelled.chain(changed).collect();
    Ok(input)
}

fn parse_dtstart(v: &str) -> Option<(NaiveDate, Option<NaiveTime>)> {
    if let Ok(d) = NaiveDate::parse_from_str(v, "%Y-%m-%d") {
        return Some((d, None));
    }
    let t = NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(v, "%Y-%m-%dT%H:%M:%S"))
        .ok()?;
    (t.second() == 0).then(|| (t.date(), Some(t.time())))
}

#[cfg(test)]
mod tests;
