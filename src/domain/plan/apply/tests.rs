use super::*;
use crate::domain::holidays::HolidayCalendar;
use crate::domain::schedule::expand::merged;
use crate::domain::schedule::validate::parse_schedule;
use crate::domain::schedule::{Status, Times};
use chrono::Weekday;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// Weekly on Tuesday (and optionally Friday), 15:00–16:30, since 2 November 2026.
fn weekly(days: Vec<i64>) -> ScheduleInput {
    ScheduleInput {
        start_date: Some(d(2026, 11, 2)),
        start: Some("15:00".into()),
        end: Some("16:30".into()),
        freq: "weekly".into(),
        days,
        ..Default::default()
    }
}

/// (date, start) of every occurrence that takes place between `from` and `to`.
fn dates(inputs: &[ScheduleInput], from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, NaiveTime)> {
    let cal = HolidayCalendar::default();
    let schedules: Vec<_> = inputs.iter().map(|i| parse_schedule(i, &cal).unwrap().schedule).collect();
    merged(&schedules, &cal, from, to)
        .into_iter()
        .filter(|o| !matches!(o.status, Status::Cancelled { .. }))
        .map(|o| match o.times {
            Times::Timed { start, .. } => (o.date, start),
            Times::AllDay => (o.date, t(0, 0)),
        })
        .collect()
}

/// Moving Tuesday 15:00 to Thursday 16:30 from 24 November on: earlier weeks keep Tuesday.
#[test]
fn from_now_on_moves_the_rule_and_keeps_the_past() {
    let tue = d(2026, 11, 24);
    let change = PlanChange::Move {
        schedule: 0,
        regular: tue,
        date: d(2026, 11, 26),
        start: t(16, 30),
        end: t(18, 0),
        scope: ChangeScope::FromNowOn,
    };
    let after = apply(&[weekly(vec![2])], &change).unwrap();
    let got = dates(&after, d(2026, 11, 16), d(2026, 12, 6));
    assert_eq!(
        got,
        vec![(d(2026, 11, 17), t(15, 0)), (d(2026, 11, 26), t(16, 30)), (d(2026, 12, 3), t(16, 30))]
    );
}

/// Moving only this week's occurrence leaves the next week on the regular day and time.
#[test]
fn this_week_only_is_an_exception() {
    let change = PlanChange::Move {
        schedule: 0,
        regular: d(2026, 11, 24),
        date: d(2026, 11, 26),
        start: t(16, 30),
        end: t(18, 0),
        scope: ChangeScope::ThisWeek,
    };
    let after = apply(&[weekly(vec![2])], &change).unwrap();
    assert_eq!(after.len(), 1);
    let got = dates(&after, d(2026, 11, 23), d(2026, 12, 6));
    assert_eq!(got, vec![(d(2026, 11, 26), t(16, 30)), (d(2026, 12, 1), t(15, 0))]);
}

/// A weekly rule on two days keeps the other day when one is moved from now on.
#[test]
fn other_weekdays_continue() {
    let change = PlanChange::Move {
        schedule: 0,
        regular: d(2026, 11, 24),
        date: d(2026, 11, 25),
        start: t(15, 0),
        end: t(16, 30),
        scope: ChangeScope::FromNowOn,
    };
    let after = apply(&[weekly(vec![2, 5])], &change).unwrap();
    let weekdays: Vec<Weekday> =
        dates(&after, d(2026, 11, 30), d(2026, 12, 6)).iter().map(|(d, _)| d.weekday()).collect();
    assert_eq!(weekdays, vec![Weekday::Wed, Weekday::Fri]);
    assert_eq!(dates(&after, d(2026, 11, 16), d(2026, 11, 22)).len(), 2, "the week before is unchanged");
}

/// Removing from now on ends the rule; removing this week cancels one date; adding makes a slot.
#[test]
fn remove_and_add() {
    let tue = d(2026, 11, 24);
    let gone = apply(
        &[weekly(vec![2])],
        &PlanChange::Remove { schedule: 0, regular: tue, scope: ChangeScope::FromNowOn },
    )
    .unwrap();
    assert!(dates(&gone, tue, d(2027, 1, 31)).is_empty());
    assert_eq!(dates(&gone, d(2026, 11, 16), d(2026, 11, 22)).len(), 1);
    let once = apply(
        &[weekly(vec![2])],
        &PlanChange::Remove { schedule: 0, regular: tue, scope: ChangeScope::ThisWeek },
    )
    .unwrap();
    assert_eq!(dates(&once, d(2026, 11, 23), d(2026, 12, 6)), vec![(d(2026, 12, 1), t(15, 0))]);
    let added = apply(
        &[],
        &PlanChange::Add {
            date: d(2026, 11, 27),
            start: t(10, 0),
            end: t(11, 0),
            scope: ChangeScope::FromNowOn,
        },
    )
    .unwrap();
    assert_eq!(
        dates(&added, d(2026, 11, 23), d(2026, 12, 6)),
        vec![(d(2026, 11, 27), t(10, 0)), (d(2026, 12, 4), t(10, 0))]
    );
}

/// Rules with a number of dates or on days of the month are changed with the form, not the grid.
#[test]
fn unsupported_rules_are_refused() {
    let mut counted = weekly(vec![2]);
    counted.count = Some(10);
    let change = PlanChange::Remove { schedule: 0, regular: d(2026, 11, 24), scope: ChangeScope::FromNowOn };
    assert_eq!(apply(&[counted], &change), Err(PlanError::RuleUnsupported));
    assert_eq!(
        apply(
            &[],
            &PlanChange::Remove { schedule: 3, regular: d(2026, 11, 24), scope: ChangeScope::ThisWeek }
        ),
        Err(PlanError::Unknown)
    );
}

/// In a rule's first week nothing lies before the change: the rule simply starts changed, and a
/// second change in the same week works too (no empty rule left behind).
#[test]
fn from_now_on_in_the_first_week() {
    let mut first = weekly(vec![2]);
    first.start_date = Some(d(2026, 11, 23));
    let cal = HolidayCalendar::default();
    let change = |regular, date, start: NaiveTime| PlanChange::Move {
        schedule: 0,
        regular,
        date,
        start,
        end: start + Duration::hours(1),
        scope: ChangeScope::FromNowOn,
    };
    let after = apply(&[first], &change(d(2026, 11, 24), d(2026, 11, 26), t(16, 0))).unwrap();
    assert_eq!(after.len(), 1);
    assert!(after.iter().all(|s| parse_schedule(s, &cal).is_ok()), "{after:?}");
    let again = apply(&after, &change(d(2026, 11, 26), d(2026, 11, 27), t(17, 0))).unwrap();
    assert!(again.iter().all(|s| parse_schedule(s, &cal).is_ok()), "{again:?}");
    assert_eq!(
        dates(&again, d(2026, 11, 23), d(2026, 12, 6)),
        vec![(d(2026, 11, 27), t(17, 0)), (d(2026, 12, 4), t(17, 0))]
    );
}

/// A rule with dates before the change keeps them, for weekly and monthly rules alike.
#[test]
fn earlier_dates_are_kept() {
    let mut monthly = weekly(vec![]);
    monthly.freq = "monthly_nth".into();
    monthly.nth = Some(1);
    monthly.weekday = Some(3);
    let change = PlanChange::Move {
        schedule: 0,
        regular: d(2026, 12, 2),
        date: d(2026, 12, 3),
        start: t(15, 0),
        end: t(16, 30),
        scope: ChangeScope::FromNowOn,
    };
    let after = apply(&[monthly], &change).unwrap();
    assert_eq!(after.len(), 2, "November's first Wednesday stays");
    assert_eq!(dates(&after, d(2026, 11, 1), d(2026, 11, 30)), vec![(d(2026, 11, 4), t(15, 0))]);
}
