//! Computing one quarter's week plan for 500 offers (budget: median ≤ 1 ms). Run with
//! `bench/week-plan.sh`; the offers mix every rule kind, holiday modes and exceptions.

use chrono::{Duration, NaiveDate, NaiveTime, Weekday};
use criterion::{criterion_group, criterion_main, Criterion};
use quartiersboard::domain::holidays::{HolidayCalendar, SchoolHoliday};
use quartiersboard::domain::schedule::{
    Exception, ExceptionKind, HolidayMode, Nth, Rule, RuleEnd, Schedule, Times,
};
use quartiersboard::domain::week_plan::{typical_week, week_plan, PlannedOffer};
use std::hint::black_box;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// 500 offers with one or two schedules each, deterministic.
fn offers() -> Vec<PlannedOffer> {
    let weekday = |i: usize| Weekday::try_from((i % 7) as u8).unwrap();
    (0..500)
        .map(|i| {
            let start = NaiveTime::from_hms_opt(8 + (i % 12) as u32, 0, 0).unwrap();
            let times = Times::Timed { start, end: start + Duration::minutes(90) };
            let rule = match i % 5 {
                0 => Rule::Weekly { interval: 1, days: vec![weekday(i), weekday(i + 2)] },
                1 => Rule::Weekly { interval: 2, days: vec![weekday(i)] },
                2 => Rule::MonthlyNth {
                    interval: 1,
                    nth: if i % 2 == 0 { Nth::First } else { Nth::Last },
                    weekday: weekday(i),
                },
                3 => Rule::MonthlyDay { interval: 1, day: 1 + (i % 28) as u32 },
                _ => Rule::Dates(
                    (0..10).map(|k| d("2026-09-01") + Duration::days(k * 11 + i as i64 % 7)).collect(),
                ),
            };
            let schedule = Schedule {
                start_date: d("2026-01-05"),
                times,
                rule,
                end: if i % 7 == 0 { Some(RuleEnd::Count(200)) } else { None },
                holidays: [
                    HolidayMode::Always,
                    HolidayMode::NotInSchoolHolidays,
                    HolidayMode::OnlyInSchoolHolidays,
                ][i % 3],
                on_public_holidays: i % 4 == 0,
                place: None,
                exceptions: vec![Exception {
                    date: d("2026-11-25") + Duration::days(i as i64 % 5),
                    kind: ExceptionKind::Cancelled { reason: "Raum belegt".into() },
                }],
                extra_dates: if i % 10 == 0 { vec![d("2026-11-28")] } else { vec![] },
            };
            let mut schedules = vec![schedule.clone()];
            if i % 3 == 0 {
                schedules.push(Schedule {
                    rule: Rule::Weekly { interval: 1, days: vec![weekday(i + 4)] },
                    ..schedule
                });
            }
            PlannedOffer {
                slug: format!("offer-{i}"),
                category: quartiersboard::domain::category::Category::Meeting,
                title: format!("Angebot {i}"),
                lang: "de".into(),
                place_name: "Ort".into(),
                schedules,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let offers = offers();
    let school =
        [SchoolHoliday { name: "Herbst".into(), first_day: d("2026-10-17"), last_day: d("2026-10-31") }];
    let cal = HolidayCalendar::new("DE-NW", 2025, 2028, &school).unwrap();
    let monday = d("2026-11-23");
    c.bench_function("week_plan_500_offers", |b| {
        b.iter(|| week_plan(black_box(&offers), &cal, black_box(monday)))
    });
    c.bench_function("typical_week_500_offers", |b| b.iter(|| typical_week(black_box(&offers))));
}

criterion_group!(benches, bench);
criterion_main!(benches);
