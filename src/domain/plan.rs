//! The weekly-plan editor's model: blocks (one occurrence of one schedule in the shown week),
//! the changes staff make by dragging or with the keyboard, and how a change rewrites an offer's
//! schedules — for this week only (an exception) or from that date on (the rule itself).

pub mod apply;
pub mod conflicts;

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// One occurrence on the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanBlock {
    pub offer: i64,
    pub title: String,
    /// Index of the schedule in the offer's record.
    pub schedule: usize,
    /// The date the rule gives this occurrence (exceptions are addressed by it).
    pub regular: NaiveDate,
    /// The date it takes place (differs when moved).
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// Place slug and name (where it takes place this time).
    pub place: String,
    pub place_name: String,
    /// The caller may change it.
    pub editable: bool,
    /// Its rule can be changed "from now on" (weekly or monthly on a weekday, without a count).
    pub rule_editable: bool,
}

/// Whether a change is for the shown week only or for the rule from that date on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeScope {
    ThisWeek,
    FromNowOn,
}

/// One edit on the grid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanChange {
    /// Move (or resize) the occurrence of schedule `schedule` regularly on `regular`.
    Move {
        schedule: usize,
        regular: NaiveDate,
        date: NaiveDate,
        start: NaiveTime,
        end: NaiveTime,
        scope: ChangeScope,
    },
    /// Take it out (this week: cancelled; from now on: the rule ends or loses that weekday).
    Remove { schedule: usize, regular: NaiveDate, scope: ChangeScope },
    /// A new slot for the offer (this week: one date; from now on: weekly on that day).
    Add { date: NaiveDate, start: NaiveTime, end: NaiveTime, scope: ChangeScope },
}

/// Why a change cannot be made; the code is an i18n key under `plan_errors`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanError {
    /// No such schedule or occurrence (the plan is outdated).
    Unknown,
    /// This kind of rule cannot be changed "from now on" on the grid (use the form).
    RuleUnsupported,
    /// The end is not after the start, or outside the day.
    Times,
}

impl PlanError {
    pub fn code(self) -> &'static str {
        match self {
            PlanError::Unknown => "unknown",
            PlanError::RuleUnsupported => "rule_unsupported",
            PlanError::Times => "times",
        }
    }
}

/// First and last quarter hour of the grid.
pub const DAY_START: u32 = 7 * 60;
pub const DAY_END: u32 = 22 * 60;
/// The grid's step in minutes.
pub const STEP: u32 = 15;

/// Minutes since midnight.
pub fn minutes(t: NaiveTime) -> u32 {
    use chrono::Timelike;
    t.hour() * 60 + t.minute()
}

/// The time at `m` minutes since midnight (clamped to the day).
pub fn time_at(m: u32) -> NaiveTime {
    let m = m.min(23 * 60 + 59);
    NaiveTime::from_hms_opt(m / 60, m % 60, 0).expect("in range")
}

/// `m` rounded to the grid step.
pub fn snap(m: i64) -> u32 {
    let step = i64::from(STEP);
    (((m + step / 2).div_euclid(step)) * step).clamp(0, 24 * 60 - i64::from(STEP)) as u32
}

/// What a plan shows: the offers of a quarter, of a place or of an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanScope {
    Quarter(String),
    Place(String),
    Organisation(String),
}

impl PlanScope {
    /// From the page's query (`quarter=…`, `place=…`, `organisation=…`, or `scope=place:…` as the
    /// page's choice sends it).
    pub fn from_pairs<'a>(mut pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Option<Self> {
        pairs.find_map(|(k, v)| {
            let (k, v) = if k == "scope" { v.split_once(':')? } else { (k, v) };
            match k {
                "quarter" => Some(PlanScope::Quarter(v.to_owned())),
                "place" => Some(PlanScope::Place(v.to_owned())),
                "organisation" => Some(PlanScope::Organisation(v.to_owned())),
                _ => None,
            }
        })
    }

    /// The value of the page's choice (`place:kita`).
    pub fn choice(&self) -> String {
        self.query().replacen('=', ":", 1)
    }

    /// The query naming it (`quarter=welheim`).
    pub fn query(&self) -> String {
        match self {
            PlanScope::Quarter(s) => format!("quarter={s}"),
            PlanScope::Place(s) => format!("place={s}"),
            PlanScope::Organisation(s) => format!("organisation={s}"),
        }
    }
}

/// An offer of the scope as the editor's side list shows it, with its schedules: the editor
/// applies a change to them (`apply::apply`) and sends the result with the version it started from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanOffer {
    pub id: i64,
    pub title: String,
    pub version: i64,
    pub schedules: Vec<crate::domain::schedule::validate::ScheduleInput>,
    /// Its usual place (new slots happen there).
    pub place: String,
    pub place_name: String,
    pub editable: bool,
}

/// Moves a block by whole days and quarter hours, keeping it inside the grid's day; `resize`
/// moves only its end (at least one step after the start).
pub fn shift(block: &PlanBlock, days: i64, steps: i64, resize: bool) -> PlanBlock {
    let mut b = block.clone();
    b.date += chrono::Duration::days(days);
    let (start, end) = (i64::from(minutes(b.start)), i64::from(minutes(b.end)));
    let delta = steps * i64::from(STEP);
    let (lo, hi, step) = (i64::from(DAY_START), i64::from(DAY_END), i64::from(STEP));
    if resize {
        let new_end = (end + delta).clamp(start + step, hi);
        b.end = time_at(new_end as u32);
    } else {
        let length = end - start;
        let new_start = (start + delta).clamp(lo, hi - length);
        b.start = time_at(new_start as u32);
        b.end = time_at((new_start + length) as u32);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block() -> PlanBlock {
        let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        PlanBlock {
            offer: 1,
            title: "Hausaufgabenhilfe".into(),
            schedule: 0,
            regular: date,
            date,
            start: time_at(15 * 60),
            end: time_at(16 * 60 + 30),
            place: "p".into(),
            place_name: "P".into(),
            editable: true,
            rule_editable: true,
        }
    }

    /// Moving keeps the length and stays inside 07:00–22:00; resizing keeps at least 15 minutes.
    #[test]
    fn shifting_blocks() {
        let b = shift(&block(), 2, 6, false);
        assert_eq!(
            (b.date.to_string(), b.start, b.end),
            ("2026-11-26".into(), time_at(16 * 60 + 30), time_at(18 * 60))
        );
        let late = shift(&block(), 0, 100, false);
        assert_eq!(late.end, time_at(DAY_END));
        let early = shift(&block(), 0, -100, false);
        assert_eq!(early.start, time_at(DAY_START));
        let short = shift(&block(), 0, -100, true);
        assert_eq!(short.end, time_at(15 * 60 + 15));
        assert_eq!(snap(61), 60);
        assert_eq!(snap(68), 75);
    }

    /// The scope comes from the query and goes back into it.
    #[test]
    fn scope_query() {
        let s = PlanScope::from_pairs([("week", "2026-W48"), ("place", "kita")].into_iter()).unwrap();
        assert_eq!(s, PlanScope::Place("kita".into()));
        assert_eq!(s.query(), "place=kita");
        assert_eq!(PlanScope::from_pairs([("x", "y")].into_iter()), None);
        let chosen = PlanScope::from_pairs([("scope", "organisation:tv")].into_iter()).unwrap();
        assert_eq!(chosen, PlanScope::Organisation("tv".into()));
        assert_eq!(chosen.choice(), "organisation:tv");
    }
}

/// Everything the editor shows for one week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanData {
    pub scope: PlanScope,
    pub scope_name: String,
    pub monday: NaiveDate,
    /// ISO week labels (`2026-W48`) of this, the previous and the next week.
    pub week: String,
    pub previous_week: String,
    pub next_week: String,
    pub blocks: Vec<PlanBlock>,
    pub offers: Vec<PlanOffer>,
}

/// What became of saving one offer's schedules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanOutcome {
    Saved {
        version: i64,
    },
    /// Put aside for a coordinator's approval.
    Submitted,
    /// Someone saved the offer meanwhile; nothing was changed.
    Conflict,
    Forbidden,
    /// The change cannot be made (an i18n key under `plan_errors`).
    Invalid(String),
}
