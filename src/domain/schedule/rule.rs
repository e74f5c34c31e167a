//! Recurrence rules and the dates they produce (the RRULE part of a schedule).

use super::RuleEnd;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::ops::ControlFlow;

/// How often a schedule repeats.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Rule {
    /// Every `interval` weeks on the given weekdays (FREQ=WEEKLY;INTERVAL;BYDAY).
    Weekly { interval: u32, days: Vec<Weekday> },
    /// Every `interval` months on the n-th or last weekday (FREQ=MONTHLY;BYDAY=1WE / -1FR).
    MonthlyNth { interval: u32, nth: Nth, weekday: Weekday },
    /// Every `interval` months on a day of the month; months without that day are skipped,
    /// as RFC 5545 does (FREQ=MONTHLY;BYMONTHDAY).
    MonthlyDay { interval: u32, day: u32 },
    /// Single or listed dates (RDATE only).
    Dates(Vec<NaiveDate>),
}

/// Which weekday of the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Nth {
    First,
    Second,
    Third,
    Fourth,
    Fifth,
    Last,
}

impl Nth {
    /// The iCalendar number: 1 to 5, or -1 for the last.
    pub fn number(self) -> i8 {
        match self {
            Nth::First => 1,
            Nth::Second => 2,
            Nth::Third => 3,
            Nth::Fourth => 4,
            Nth::Fifth => 5,
            Nth::Last => -1,
        }
    }

    pub fn from_number(n: i64) -> Option<Self> {
        Some(match n {
            1 => Nth::First,
            2 => Nth::Second,
            3 => Nth::Third,
            4 => Nth::Fourth,
            5 => Nth::Fifth,
            -1 => Nth::Last,
            _ => return None,
        })
    }
}

/// The n-th (or last) `weekday` of a month, if the month has one.
pub fn nth_weekday(year: i32, month: u32, weekday: Weekday, nth: Nth) -> Option<NaiveDate> {
    match nth {
        Nth::Last => {
            let next = if month == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(year, month + 1, 1)?
            };
            let last = next.pred_opt()?;
            let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            Some(last - Duration::days(i64::from(back)))
        }
        n => NaiveDate::from_weekday_of_month_opt(year, month, weekday, n.number() as u8),
    }
}

/// The Monday of the week `d` lies in.
pub fn monday_of(d: NaiveDate) -> NaiveDate {
    d - Duration::days(i64::from(d.weekday().num_days_from_monday()))
}

/// Dates the rule produces in `[from, to]`, in order. `start` is the first day the rule may
/// produce; `COUNT` counts from `start`, so the work is bounded by the count or the range,
/// whichever ends first.
pub fn rule_dates(
    rule: &Rule,
    start: NaiveDate,
    end: Option<RuleEnd>,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<NaiveDate> {
    let until = match end {
        Some(RuleEnd::Until(u)) => to.min(u),
        _ => to,
    };
    let count = match end {
        Some(RuleEnd::Count(c)) => Some(c),
        _ => None,
    };
    let mut out = Vec::new();
    let mut produced = 0u32;
    // Hands one candidate over; Break when nothing later can be wanted.
    let mut emit = |date: NaiveDate| -> ControlFlow<()> {
        if date < start {
            return ControlFlow::Continue(());
        }
        if date > until || count.is_some_and(|c| produced >= c) {
            return ControlFlow::Break(());
        }
        produced += 1;
        if date >= from {
            out.push(date);
        }
        ControlFlow::Continue(())
    };
    // Without COUNT, periods before `from` can be skipped.
    let skip_to = if count.is_some() { start } else { from.max(start) };
    match rule {
        Rule::Weekly { interval, days } => {
            let interval = i64::from((*interval).max(1));
            let mut days: Vec<_> = days.iter().map(|d| d.num_days_from_monday()).collect();
            days.sort_unstable();
            days.dedup();
            let week0 = monday_of(start);
            let skipped_weeks = (monday_of(skip_to) - week0).num_days() / 7;
            let mut k = skipped_weeks - skipped_weeks % interval;
            'weeks: loop {
                let monday = week0 + Duration::weeks(k);
                if monday > until {
                    break;
                }
                for d in &days {
                    if emit(monday + Duration::days(i64::from(*d))).is_break() {
                        break 'weeks;
                    }
                }
                k += interval;
            }
        }
        Rule::MonthlyNth { interval, .. } | Rule::MonthlyDay { interval, .. } => {
            let interval = i64::from((*interval).max(1));
            let month_index = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
            let m0 = month_index(start);
            let skipped = month_index(skip_to) - m0;
            let mut k = skipped - skipped % interval;
            loop {
                let m = m0 + k;
                let (year, month) =
                    (i32::try_from(m.div_euclid(12)).unwrap_or(i32::MAX), (m.rem_euclid(12) + 1) as u32);
                let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
                    break;
                };
                if first > until {
                    break;
                }
                let candidate = match rule {
                    Rule::MonthlyNth { nth, weekday, .. } => nth_weekday(year, month, *weekday, *nth),
                    Rule::MonthlyDay { day, .. } => NaiveDate::from_ymd_opt(year, month, *day),
                    _ => None,
                };
                if let Some(date) = candidate {
                    if emit(date).is_break() {
                        break;
                    }
                }
                k += interval;
            }
        }
        Rule::Dates(dates) => {
            let mut dates = dates.clone();
            dates.sort_unstable();
            dates.dedup();
            for d in dates {
                if emit(d).is_break() {
                    break;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// First Wednesday of every month across 2026: twelve dates, each the first Wednesday.
    #[test]
    fn first_wednesday_monthly_across_a_year() {
        let rule = Rule::MonthlyNth { interval: 1, nth: Nth::First, weekday: Weekday::Wed };
        let got = rule_dates(&rule, d("2026-01-01"), None, d("2026-01-01"), d("2026-12-31"));
        let expected = [
            "2026-01-07",
            "2026-02-04",
            "2026-03-04",
            "2026-04-01",
            "2026-05-06",
            "2026-06-03",
            "2026-07-01",
            "2026-08-05",
            "2026-09-02",
            "2026-10-07",
            "2026-11-04",
            "2026-12-02",
        ];
        assert_eq!(got, expected.map(d));
    }

    /// Last Friday of the month, including months with five Fridays.
    #[test]
    fn last_friday() {
        let rule = Rule::MonthlyNth { interval: 1, nth: Nth::Last, weekday: Weekday::Fri };
        let got = rule_dates(&rule, d("2026-01-01"), None, d("2026-01-01"), d("2026-06-30"));
        let expected = ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29", "2026-06-26"];
        assert_eq!(got, expected.map(d));
    }

    /// Every second Friday keeps its rhythm across New Year of a year with ISO week 53 (2026).
    #[test]
    fn every_second_week_across_iso_week_53() {
        let rule = Rule::Weekly { interval: 2, days: vec![Weekday::Fri] };
        let got = rule_dates(&rule, d("2026-12-11"), None, d("2026-12-01"), d("2027-01-31"));
        let expected = ["2026-12-11", "2026-12-25", "2027-01-08", "2027-01-22"];
        assert_eq!(got, expected.map(d));
        // Asking for a later window alone gives the same rhythm (no drift from skipping ahead).
        let later = rule_dates(&rule, d("2026-12-11"), None, d("2027-01-01"), d("2027-01-31"));
        assert_eq!(later, ["2027-01-08", "2027-01-22"].map(d));
    }

    /// COUNT counts from the start even when the window begins later.
    #[test]
    fn count_counts_from_start() {
        let rule = Rule::Weekly { interval: 1, days: vec![Weekday::Mon, Weekday::Thu] };
        let end = Some(RuleEnd::Count(5));
        let got = rule_dates(&rule, d("2026-11-02"), end, d("2026-11-10"), d("2026-12-31"));
        // 2.11, 5.11, 9.11 are before the window; 12.11 and 16.11 are the 4th and 5th.
        assert_eq!(got, ["2026-11-12", "2026-11-16"].map(d));
    }

    /// UNTIL is inclusive.
    #[test]
    fn until_is_inclusive() {
        let rule = Rule::Weekly { interval: 1, days: vec![Weekday::Tue] };
        let got = rule_dates(
            &rule,
            d("2026-11-01"),
            Some(RuleEnd::Until(d("2026-11-17"))),
            d("2026-11-01"),
            d("2026-12-31"),
        );
        assert_eq!(got, ["2026-11-03", "2026-11-10", "2026-11-17"].map(d));
    }

    /// Monthly on the 31st skips months without one.
    #[test]
    fn monthly_31st_skips_short_months() {
        let rule = Rule::MonthlyDay { interval: 1, day: 31 };
        let got = rule_dates(&rule, d("2026-01-01"), None, d("2026-01-01"), d("2026-06-30"));
        assert_eq!(got, ["2026-01-31", "2026-03-31", "2026-05-31"].map(d));
    }

    /// Listed dates come sorted, once each, inside the window.
    #[test]
    fn listed_dates() {
        let rule = Rule::Dates(vec![d("2026-07-04"), d("2026-06-01"), d("2026-07-04"), d("2027-01-01")]);
        let got = rule_dates(&rule, d("2026-01-01"), None, d("2026-06-15"), d("2026-12-31"));
        assert_eq!(got, [d("2026-07-04")]);
    }
}
