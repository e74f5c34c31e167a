//! The way back from a stored [`Schedule`] to the flat [`ScheduleInput`] that forms and documents
//! hold, so an offer can be edited and exported exactly as it is stored.

use super::validate::{ExceptionInput, ScheduleInput};
use super::{ExceptionKind, HolidayMode, Nth, Rule, RuleEnd, Schedule, Times};
use crate::domain::time_text::format_time;

impl From<&Schedule> for ScheduleInput {
    fn from(s: &Schedule) -> Self {
        let (start, end) = times_text(Some(s.times));
        let mut input = ScheduleInput {
            start_date: Some(s.start_date),
            start,
            end,
            holidays: (s.holidays != HolidayMode::Always).then(|| s.holidays.code().to_owned()),
            public_holidays: s.on_public_holidays,
            place: s.place.as_ref().map(|p| p.slug.clone()),
            extra_dates: s.extra_dates.clone(),
            exceptions: s.exceptions.iter().map(exception_input).collect(),
            ..Default::default()
        };
        match &s.rule {
            Rule::Weekly { interval, days } => {
                input.freq = "weekly".into();
                input.interval = Some(i64::from(*interval));
                input.days = days.iter().map(|d| i64::from(d.number_from_monday())).collect();
            }
            Rule::MonthlyNth { interval, nth, weekday } => {
                input.freq = "monthly_nth".into();
                input.interval = Some(i64::from(*interval));
                input.nth = Some(i64::from(Nth::number(*nth)));
                input.weekday = Some(i64::from(weekday.number_from_monday()));
            }
            Rule::MonthlyDay { interval, day } => {
                input.freq = "monthly_day".into();
                input.interval = Some(i64::from(*interval));
                input.day = Some(i64::from(*day));
            }
            Rule::Dates(dates) => {
                input.freq = "dates".into();
                input.dates = dates.clone();
            }
        }
        match s.end {
            Some(RuleEnd::Until(d)) => input.until = Some(d),
            Some(RuleEnd::Count(n)) => input.count = Some(i64::from(n)),
            None => {}
        }
        input
    }
}

fn times_text(times: Option<Times>) -> (Option<String>, Option<String>) {
    match times {
        Some(Times::Timed { start, end }) => (Some(format_time(start)), Some(format_time(end))),
        _ => (None, None),
    }
}

fn exception_input(e: &super::Exception) -> ExceptionInput {
    match &e.kind {
        ExceptionKind::Cancelled { reason } => {
            ExceptionInput { date: Some(e.date), cancelled: Some(reason.clone()), ..Default::default() }
        }
        ExceptionKind::Changed { date, times, place } => {
            let (start, end) = times_text(*times);
            ExceptionInput {
                date: Some(e.date),
                cancelled: None,
                moved_to: *date,
                start,
                end,
                place: place.as_ref().map(|p| p.slug.clone()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::holidays::HolidayCalendar;
    use crate::domain::schedule::validate::parse_schedule;
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Every demo schedule survives input → schedule → input → schedule unchanged.
    #[test]
    fn demo_schedules_round_trip() {
        let doc: crate::domain::document::CityDocument =
            serde_json::from_str(include_str!("../../demo/demo_city.json")).unwrap();
        let cal = HolidayCalendar::default();
        for o in &doc.offers {
            for input in &o.schedules {
                let first = parse_schedule(input, &cal).unwrap().schedule;
                let again = parse_schedule(&ScheduleInput::from(&first), &cal).unwrap().schedule;
                assert_eq!(first, again, "{}", o.slug);
            }
        }
    }

    proptest! {
        /// Weekly and monthly rules of any shape come back as the same schedule.
        #[test]
        fn rules_round_trip(
            kind in 0..3u8, interval in 1..12i64, days in proptest::collection::btree_set(1..=7i64, 1..4),
            nth in prop_oneof![Just(-1i64), 1..=4i64], weekday in 1..=7i64, day in 1..=28i64,
            start in 0..60i64, count in proptest::option::of(1..50i64), hour in 7..20u32,
        ) {
            let input = ScheduleInput {
                start_date: Some(date(2026, 1, 1) + chrono::Duration::days(start)),
                start: Some(format!("{hour:02}:00")),
                end: Some(format!("{:02}:30", hour + 1)),
                freq: ["weekly", "monthly_nth", "monthly_day"][kind as usize].into(),
                interval: Some(interval),
                days: if kind == 0 { days.into_iter().collect() } else { vec![] },
                nth: (kind == 1).then_some(nth),
                weekday: (kind == 1).then_some(weekday),
                day: (kind == 2).then_some(day),
                count,
                ..Default::default()
            };
            let cal = HolidayCalendar::default();
            let first = parse_schedule(&input, &cal).unwrap().schedule;
            let again = parse_schedule(&ScheduleInput::from(&first), &cal).unwrap().schedule;
            prop_assert_eq!(first, again);
        }
    }
}
