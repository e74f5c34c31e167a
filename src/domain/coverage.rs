//! Where are the gaps? Weekly offer-hours per age band and weekday for the social office.
//!
//! Definitions (also written on the coverage page):
//! - An offer-hour is one hour of one published offer taking place; an all-day date counts as
//!   [`ALL_DAY_HOURS`]. An offer counts fully for every age band its age range touches (the board's
//!   filter rule, [`AgeBand::covers`]); an offer without an age counts for every band, except one
//!   that is only for parents, which counts for the parents band alone.
//! - Typical week: each rule in force (with a date in the coming year) counts by its shape: weekly
//!   every N weeks → 1/N of its hours on each of its weekdays; monthly on an n-th weekday → a quarter
//!   ([`MONTHLY_SHARE`]) per month interval; rules on a day of the month (no fixed weekday) and
//!   single dates do not make a typical week.
//! - A date range: the dates that take place in it (school holidays, public holidays and
//!   cancellations honoured), divided by the number of weeks in the range.

pub mod query;

use super::age::AgeRange;
use super::category::{Audience, Category};
use super::filter::{AgeBand, BANDS};
use super::holidays::HolidayCalendar;
use super::schedule::expand::occurrences;
use super::schedule::{Rule, Schedule, Times};
use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

pub use query::{parse_query, CoverageQuery, Period, MAX_PERIOD_DAYS};

/// Hours an all-day date counts for.
pub const ALL_DAY_HOURS: f64 = 8.0;
/// Share of a weekly offer that a monthly one counts for in the typical week.
pub const MONTHLY_SHARE: f64 = 0.25;
/// A rule counts in the typical week when it has a date within this many days from today.
pub const IN_FORCE_DAYS: i64 = 365;

/// What the analysis needs to know about a published offer.
#[derive(Clone, Debug, PartialEq)]
pub struct CoverageOffer {
    pub category: Category,
    pub ages: AgeRange,
    pub audiences: Vec<Audience>,
    pub schedules: Vec<Schedule>,
}

/// Weekly offer-hours: one row per band of [`BANDS`], one column per weekday, Monday first.
pub type Matrix = Vec<[f64; 7]>;

/// One quarter's matrix in a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuarterCoverage {
    pub slug: String,
    pub name: String,
    /// Published offers counted (after the category choice).
    pub offers: usize,
    pub hours: Matrix,
}

/// The coverage page: every quarter side by side, as of `today`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CoverageReport {
    pub query: CoverageQuery,
    pub today: NaiveDate,
    pub quarters: Vec<QuarterCoverage>,
}

impl From<super::offer::OfferSummary> for CoverageOffer {
    fn from(o: super::offer::OfferSummary) -> Self {
        Self { category: o.category, ages: o.ages, audiences: o.audiences, schedules: o.schedules }
    }
}

/// Hours of one date with these times.
pub fn hours(times: &Times) -> f64 {
    match times {
        Times::AllDay => ALL_DAY_HOURS,
        Times::Timed { start, end } => ((*end - *start).num_minutes().max(0) as f64) / 60.0,
    }
}

/// Weekly hours of one schedule per weekday in `period`, looked at on `today`.
pub fn schedule_hours(s: &Schedule, period: Period, cal: &HolidayCalendar, today: NaiveDate) -> [f64; 7] {
    match period {
        Period::Typical => typical_hours(s, cal, today),
        Period::Dates { from, to } => range_hours(s, cal, from, to),
    }
}

fn typical_hours(s: &Schedule, cal: &HolidayCalendar, today: NaiveDate) -> [f64; 7] {
    let mut week = [0.0; 7];
    let in_force =
        occurrences(s, cal, today, today + Duration::days(IN_FORCE_DAYS)).iter().any(|o| !o.is_cancelled());
    if !in_force {
        return week;
    }
    let h = hours(&s.times);
    match &s.rule {
        Rule::Weekly { interval, days } => {
            for d in days {
                week[d.num_days_from_monday() as usize] += h / f64::from((*interval).max(1));
            }
        }
        Rule::MonthlyNth { interval, weekday, .. } => {
            week[weekday.num_days_from_monday() as usize] +=
                h * MONTHLY_SHARE / f64::from((*interval).max(1));
        }
        // No fixed weekday: in a typical week it would smear a few hours over every day and hide
        // the gaps. Date ranges count its real dates.
        Rule::MonthlyDay { .. } | Rule::Dates(_) => {}
    }
    week
}

fn range_hours(s: &Schedule, cal: &HolidayCalendar, from: NaiveDate, to: NaiveDate) -> [f64; 7] {
    let mut week = [0.0; 7];
    if to < from {
        return week;
    }
    let weeks = ((to - from).num_days() + 1) as f64 / 7.0;
    for o in occurrences(s, cal, from, to).iter().filter(|o| !o.is_cancelled()) {
        week[o.date.weekday().num_days_from_monday() as usize] += hours(&o.times) / weeks;
    }
    week
}

/// The band × weekday matrix of a quarter's offers.
pub fn matrix(offers: &[CoverageOffer], period: Period, cal: &HolidayCalendar, today: NaiveDate) -> Matrix {
    let mut m = vec![[0.0; 7]; BANDS.len()];
    for o in offers {
        let mut week = [0.0; 7];
        for s in &o.schedules {
            for (cell, h) in week.iter_mut().zip(schedule_hours(s, period, cal, today)) {
                *cell += h;
            }
        }
        let only_parents = o.ages.is_open() && o.audiences == [Audience::Parents];
        for (row, (_, band)) in m.iter_mut().zip(BANDS) {
            let counts = match band {
                AgeBand::Range(..) => !only_parents && band.covers(&o.ages, &o.audiences),
                AgeBand::Parents => band.covers(&o.ages, &o.audiences),
            };
            if counts {
                for (cell, h) in row.iter_mut().zip(week) {
                    *cell += h;
                }
            }
        }
    }
    m
}

/// The empty cells, as (band index into [`BANDS`], weekday 0 = Monday), band by band.
pub fn gaps(m: &Matrix) -> Vec<(usize, usize)> {
    m.iter()
        .enumerate()
        .flat_map(|(b, row)| row.iter().enumerate().filter(|(_, h)| **h <= 0.0).map(move |(d, _)| (b, d)))
        .collect()
}

/// Hours as shown in the matrix and the CSV: one decimal, a point as separator.
pub fn format_hours(h: f64) -> String {
    format!("{:.1}", (h * 10.0).round() / 10.0)
}

/// The band's code (`0-3`, `parents`) for the CSV and the page.
pub fn band_code(index: usize) -> &'static str {
    BANDS.get(index).map_or("", |(code, _)| code)
}

/// Whether a band is a range of ages (as opposed to the parents band).
pub fn band_range(index: usize) -> Option<(u8, u8)> {
    match BANDS.get(index)?.1 {
        AgeBand::Range(lo, hi) => Some((lo, hi)),
        AgeBand::Parents => None,
    }
}

#[cfg(test)]
mod tests;
