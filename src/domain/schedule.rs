//! Schedules: when an offer happens. Modelled on iCalendar (RFC 5545) so feeds and imports are
//! lossless: a start date, local wall-clock times (or all day), a recurrence rule, an optional end,
//! holiday behaviour, per-occurrence exceptions and extra dates.
//!
//! All dates and times are local wall-clock values in the configured zone (Europe/Berlin by
//! default); converting to instants happens on the server (`src/clock.rs`).

pub mod expand;
pub mod input;
pub mod rule;
pub mod validate;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

pub use rule::{Nth, Rule};

/// One schedule of an offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// First day the rule may produce an occurrence (not necessarily an occurrence itself).
    pub start_date: NaiveDate,
    pub times: Times,
    pub rule: Rule,
    pub end: Option<RuleEnd>,
    pub holidays: HolidayMode,
    /// Whether it runs on public holidays (default: no).
    pub on_public_holidays: bool,
    /// A place of its own, when it differs from the offer's.
    pub place: Option<PlaceRef>,
    pub exceptions: Vec<Exception>,
    /// One-off dates on top of the rule (RDATE).
    pub extra_dates: Vec<NaiveDate>,
}

/// Local start and end time, or the whole day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Times {
    AllDay,
    Timed { start: NaiveTime, end: NaiveTime },
}

impl Times {
    /// Sort key: all-day first, then by start time.
    pub fn sort_key(&self) -> (u8, NaiveTime) {
        match self {
            Times::AllDay => (0, NaiveTime::MIN),
            Times::Timed { start, .. } => (1, *start),
        }
    }
}

/// Where the rule stops: on a date (inclusive) or after a number of occurrences.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleEnd {
    Until(NaiveDate),
    Count(u32),
}

/// How a schedule relates to school holidays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum HolidayMode {
    #[default]
    Always,
    NotInSchoolHolidays,
    OnlyInSchoolHolidays,
}

impl HolidayMode {
    pub fn code(self) -> &'static str {
        match self {
            HolidayMode::Always => "always",
            HolidayMode::NotInSchoolHolidays => "not_in_school_holidays",
            HolidayMode::OnlyInSchoolHolidays => "only_in_school_holidays",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Self::Always, Self::NotInSchoolHolidays, Self::OnlyInSchoolHolidays]
            .into_iter()
            .find(|m| m.code() == code)
    }
}

/// A place named by slug and display name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlaceRef {
    pub slug: String,
    pub name: String,
}

/// A change to one occurrence, addressed by its regular date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Exception {
    pub date: NaiveDate,
    pub kind: ExceptionKind,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ExceptionKind {
    /// It does not take place; the reason is shown to residents.
    Cancelled { reason: String },
    /// It takes place differently: another date, time and/or place.
    Changed { date: Option<NaiveDate>, times: Option<Times>, place: Option<PlaceRef> },
}

/// One concrete occurrence with what residents need to know about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    pub date: NaiveDate,
    pub times: Times,
    pub status: Status,
    /// Set when the occurrence is somewhere other than usual.
    pub place: Option<PlaceRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Regular,
    /// Differs from the rule; `from` is the regular date when it was moved to another day.
    Changed {
        from: Option<NaiveDate>,
    },
    Cancelled {
        reason: String,
    },
}

impl Occurrence {
    pub fn is_cancelled(&self) -> bool {
        matches!(self.status, Status::Cancelled { .. })
    }
}
