//! Turning schedule input (a form, an import, the demo city) into a [`Schedule`], naming each
//! wrong field with an i18n reason key, and warning about rules that surprise.

use super::rule::{rule_dates, Nth, Rule};
use super::{Exception, ExceptionKind, HolidayMode, PlaceRef, RuleEnd, Schedule, Times};
use crate::domain::holidays::HolidayCalendar;
use crate::domain::time_text::{parse_time, weekday_from_iso};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// The most occurrences a COUNT may ask for.
pub const MAX_COUNT: u32 = 1000;

/// A schedule as entered: flat, with plain numbers and strings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleInput {
    pub start_date: Option<NaiveDate>,
    /// `HH:MM`; both empty means all day.
    pub start: Option<String>,
    pub end: Option<String>,
    /// `weekly`, `monthly_nth`, `monthly_day` or `dates`.
    pub freq: String,
    pub interval: Option<i64>,
    /// ISO weekdays (1 = Monday) for weekly rules.
    pub days: Vec<i64>,
    /// 1–5 or -1 (last) for monthly_nth.
    pub nth: Option<i64>,
    /// ISO weekday for monthly_nth.
    pub weekday: Option<i64>,
    /// Day of the month for monthly_day.
    pub day: Option<i64>,
    pub dates: Vec<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub count: Option<i64>,
    /// `always`, `not_in_school_holidays` or `only_in_school_holidays`.
    pub holidays: Option<String>,
    pub public_holidays: bool,
    /// Slug of a place of its own.
    pub place: Option<String>,
    pub exceptions: Vec<ExceptionInput>,
    pub extra_dates: Vec<NaiveDate>,
}

/// One exception as entered: `cancelled` with a reason, or a change of date, time or place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExceptionInput {
    pub date: Option<NaiveDate>,
    pub cancelled: Option<String>,
    pub moved_to: Option<NaiveDate>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub place: Option<String>,
}

/// Every reason code [`parse_schedule`] can produce; each has a message under `schedule_errors`
/// in every locale (`tests/locales.rs` checks).
pub const REASONS: &[&str] = &[
    "required",
    "time_format",
    "end_not_after_start",
    "interval_range",
    "days_required",
    "weekday_range",
    "nth_range",
    "fifth_skips_months",
    "day_range",
    "day_skips_months",
    "dates_required",
    "freq_unknown",
    "until_or_count",
    "until_before_start",
    "count_range",
    "holidays_unknown",
    "exception_empty",
    "no_occurrence",
    "reason_long",
];

/// The longest cancellation reason (characters): a line on a card, not a letter.
pub const MAX_REASON: usize = 200;

/// A problem with one field; `reason` is an i18n key under `schedule_errors`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldIssue {
    pub field: String,
    pub reason: String,
}

fn issue(field: &str, reason: &str) -> FieldIssue {
    FieldIssue { field: field.into(), reason: reason.into() }
}

/// A parsed schedule plus warnings (accepted, but worth telling the person who entered it).
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub schedule: Schedule,
    pub warnings: Vec<FieldIssue>,
}

/// Checks every field; returns all errors at once. `cal` is used to reject rules that never
/// produce an occurrence.
pub fn parse_schedule(input: &ScheduleInput, cal: &HolidayCalendar) -> Result<Parsed, Vec<FieldIssue>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let start_date = input.start_date;
    if start_date.is_none() {
        errors.push(issue("start_date", "required"));
    }
    let times = parse_times(input.start.as_deref(), input.end.as_deref(), "", &mut errors);
    let interval = match input.interval.unwrap_or(1) {
        n @ 1..=52 => n as u32,
        _ => {
            errors.push(issue("interval", "interval_range"));
            1
        }
    };
    let rule = match input.freq.as_str() {
        "weekly" => {
            let days: Vec<_> = input.days.iter().filter_map(|d| weekday_from_iso(*d).ok()).collect();
            if input.days.is_empty() {
                errors.push(issue("days", "days_required"));
            } else if days.len() != input.days.len() {
                errors.push(issue("days", "weekday_range"));
            }
            Some(Rule::Weekly { interval, days })
        }
        "monthly_nth" => {
            let nth = input.nth.and_then(Nth::from_number);
            let weekday = input.weekday.and_then(|w| weekday_from_iso(w).ok());
            if nth.is_none() {
                errors.push(issue("nth", "nth_range"));
            }
            if weekday.is_none() {
                errors.push(issue("weekday", "weekday_range"));
            }
            if nth == Some(Nth::Fifth) {
                warnings.push(issue("nth", "fifth_skips_months"));
            }
            if interval > 12 {
                errors.push(issue("interval", "interval_range"));
            }
            nth.zip(weekday).map(|(nth, weekday)| Rule::MonthlyNth { interval, nth, weekday })
        }
        "monthly_day" => match input.day {
            Some(day @ 1..=31) => {
                if day > 28 {
                    warnings.push(issue("day", "day_skips_months"));
                }
                Some(Rule::MonthlyDay { interval, day: day as u32 })
            }
            _ => {
                errors.push(issue("day", "day_range"));
                None
            }
        },
        "dates" => {
            if input.dates.is_empty() {
                errors.push(issue("dates", "dates_required"));
            }
            Some(Rule::Dates(input.dates.clone()))
        }
        _ => {
            errors.push(issue("freq", "freq_unknown"));
            None
        }
    };
    let end = match (input.until, input.count) {
        (Some(_), Some(_)) => {
            errors.push(issue("count", "until_or_count"));
            None
        }
        (Some(until), None) => {
            if start_date.is_some_and(|s| until < s) {
                errors.push(issue("until", "until_before_start"));
            }
            Some(RuleEnd::Until(until))
        }
        (None, Some(c)) if (1..=i64::from(MAX_COUNT)).contains(&c) => Some(RuleEnd::Count(c as u32)),
        (None, Some(_)) => {
            errors.push(issue("count", "count_range"));
            None
        }
        (None, None) => None,
    };
    let holidays = match input.holidays.as_deref() {
        None => HolidayMode::Always,
        Some(code) => HolidayMode::from_code(code).unwrap_or_else(|| {
            errors.push(issue("holidays", "holidays_unknown"));
            HolidayMode::Always
        }),
    };
    let exceptions = parse_exceptions(&input.exceptions, &mut errors);
    let (Some(start_date), Some(rule), true) = (start_date, rule, errors.is_empty()) else {
        return Err(errors);
    };
    let schedule = Schedule {
        start_date,
        times,
        rule,
        end,
        holidays,
        on_public_holidays: input.public_holidays,
        place: input.place.clone().map(|slug| PlaceRef { name: slug.clone(), slug }),
        exceptions,
        extra_dates: input.extra_dates.clone(),
    };
    if !has_occurrence(&schedule, cal) {
        return Err(vec![issue("freq", "no_occurrence")]);
    }
    Ok(Parsed { schedule, warnings })
}

fn parse_times(start: Option<&str>, end: Option<&str>, prefix: &str, errors: &mut Vec<FieldIssue>) -> Times {
    let field = |f: &str| format!("{prefix}{f}");
    let blank = |s: Option<&str>| s.is_none_or(|s| s.trim().is_empty());
    if blank(start) && blank(end) {
        return Times::AllDay;
    }
    let start = start.and_then(|s| parse_time(s.trim()).ok());
    let end = end.and_then(|s| parse_time(s.trim()).ok());
    match (start, end) {
        (Some(start), Some(end)) if end > start => Times::Timed { start, end },
        (Some(_), Some(_)) => {
            errors.push(FieldIssue { field: field("end"), reason: "end_not_after_start".into() });
            Times::AllDay
        }
        (s, e) => {
            if s.is_none() {
                errors.push(FieldIssue { field: field("start"), reason: "time_format".into() });
            }
            if e.is_none() {
                errors.push(FieldIssue { field: field("end"), reason: "time_format".into() });
            }
            Times::AllDay
        }
    }
}

fn parse_exceptions(inputs: &[ExceptionInput], errors: &mut Vec<FieldIssue>) -> Vec<Exception> {
    let mut out = Vec::new();
    for (i, e) in inputs.iter().enumerate() {
        let prefix = format!("exceptions.{i}.");
        let Some(date) = e.date else {
            errors.push(issue(&format!("{prefix}date"), "required"));
            continue;
        };
        let kind = if let Some(reason) = &e.cancelled {
            if reason.trim().chars().count() > MAX_REASON {
                errors.push(issue(&format!("{prefix}cancelled"), "reason_long"));
            }
            ExceptionKind::Cancelled { reason: reason.trim().to_owned() }
        } else {
            let changes_time = e.start.is_some() || e.end.is_some();
            let times =
                changes_time.then(|| parse_times(e.start.as_deref(), e.end.as_deref(), &prefix, errors));
            if e.moved_to.is_none() && !changes_time && e.place.is_none() {
                errors.push(issue(&format!("{prefix}date"), "exception_empty"));
            }
            ExceptionKind::Changed {
                date: e.moved_to,
                times,
                place: e.place.clone().map(|slug| PlaceRef { name: slug.clone(), slug }),
            }
        };
        out.push(Exception { date, kind });
    }
    out
}

/// Whether the rule yields at least one occurrence within its validity (or the next two years).
fn has_occurrence(s: &Schedule, cal: &HolidayCalendar) -> bool {
    let horizon = match s.end {
        Some(RuleEnd::Until(u)) => u,
        _ => s.start_date + Duration::days(super::expand::MAX_RANGE_DAYS),
    };
    !s.extra_dates.is_empty()
        || !super::expand::occurrences(s, cal, s.start_date, horizon).is_empty()
        || (s.holidays != HolidayMode::Always
            && !rule_dates(&s.rule, s.start_date, s.end, s.start_date, horizon).is_empty()
            && cal.school.is_empty())
}

/// The warnings of an offer's schedules, each addressed by its form path
/// (`schedules.0.day`): accepted rules that will skip dates, for the form to say so.
pub fn warnings_of(inputs: &[ScheduleInput], cal: &HolidayCalendar) -> Vec<FieldIssue> {
    inputs
        .iter()
        .enumerate()
        .filter_map(|(i, input)| Some((i, parse_schedule(input, cal).ok()?)))
        .flat_map(|(i, parsed)| {
            parsed
                .warnings
                .into_iter()
                .map(move |w| FieldIssue { field: format!("schedules.{i}.{}", w.field), ..w })
        })
        .collect()
}

#[cfg(test)]
mod tests;
