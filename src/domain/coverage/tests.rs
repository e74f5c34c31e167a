use super::*;
use crate::domain::holidays::SchoolHoliday;
use crate::domain::schedule::{HolidayMode, Nth, RuleEnd};
use chrono::{NaiveTime, Weekday};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn t(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").unwrap()
}

fn schedule(rule: Rule, start: &str, end: &str) -> Schedule {
    Schedule {
        start_date: d("2026-01-05"),
        times: Times::Timed { start: t(start), end: t(end) },
        rule,
        end: None,
        holidays: HolidayMode::Always,
        on_public_holidays: true,
        place: None,
        exceptions: vec![],
        extra_dates: vec![],
    }
}

fn weekly(days: Vec<Weekday>) -> Schedule {
    schedule(Rule::Weekly { interval: 1, days }, "15:00", "16:30")
}

fn offer(min: Option<u8>, max: Option<u8>, schedules: Vec<Schedule>) -> CoverageOffer {
    CoverageOffer { category: Category::ALL[0], ages: AgeRange { min, max }, audiences: vec![], schedules }
}

const TODAY: &str = "2026-11-27";
const WED: usize = 2;

fn typical(s: &Schedule) -> [f64; 7] {
    schedule_hours(s, Period::Typical, &HolidayCalendar::default(), d(TODAY))
}

fn row(code: &str) -> usize {
    BANDS.iter().position(|(c, _)| *c == code).unwrap()
}

/// A weekly 90-minute offer is 1.5 offer-hours on its day; a monthly one a quarter of that; one
/// every second week half of it; a monthly day-of-month one has no weekday and is left out.
#[test]
fn rule_shapes_in_the_typical_week() {
    assert_eq!(typical(&weekly(vec![Weekday::Wed]))[WED], 1.5);
    let monthly =
        schedule(Rule::MonthlyNth { interval: 1, nth: Nth::First, weekday: Weekday::Wed }, "15:00", "16:30");
    assert_eq!(typical(&monthly)[WED], 0.375);
    assert_eq!(typical(&monthly).iter().sum::<f64>(), 0.375);
    let fortnightly = schedule(Rule::Weekly { interval: 2, days: vec![Weekday::Mon] }, "10:00", "12:00");
    assert_eq!(typical(&fortnightly)[0], 1.0);
    let by_day = schedule(Rule::MonthlyDay { interval: 1, day: 15 }, "10:00", "12:00");
    assert_eq!(typical(&by_day), [0.0; 7]);
}

/// Single dates make no typical week; neither does a rule that ended; an all-day date counts 8 hours.
#[test]
fn dates_ended_rules_and_all_day() {
    let one_off = schedule(Rule::Dates(vec![d("2026-12-02")]), "15:00", "17:00");
    assert_eq!(typical(&one_off), [0.0; 7]);
    let mut ended = weekly(vec![Weekday::Wed]);
    ended.end = Some(RuleEnd::Until(d("2026-06-30")));
    assert_eq!(typical(&ended), [0.0; 7]);
    let mut all_day = weekly(vec![Weekday::Sat]);
    all_day.times = Times::AllDay;
    assert_eq!(typical(&all_day)[5], ALL_DAY_HOURS);
    // In a date range the single date counts: 2 hours in one week.
    let range = Period::Dates { from: d("2026-11-30"), to: d("2026-12-06") };
    assert_eq!(schedule_hours(&one_off, range, &HolidayCalendar::default(), d(TODAY))[WED], 2.0);
}

/// A date range honours school holidays and cancellations and is divided by its weeks.
#[test]
fn date_range_honours_holidays_and_cancellations() {
    let school =
        [SchoolHoliday { name: "Weihnachten".into(), first_day: d("2026-12-23"), last_day: d("2027-01-06") }];
    let cal = HolidayCalendar::new("DE-NW", 2026, 2027, &school).unwrap();
    let mut homework = weekly(vec![Weekday::Tue]);
    homework.holidays = HolidayMode::NotInSchoolHolidays;
    let term_week = Period::Dates { from: d("2026-12-14"), to: d("2026-12-20") };
    assert_eq!(schedule_hours(&homework, term_week, &cal, d(TODAY))[1], 1.5);
    // Two weeks: 22 Dec (term) and 29 Dec (holidays) → 1.5 hours in two weeks.
    let around_christmas = Period::Dates { from: d("2026-12-21"), to: d("2027-01-03") };
    assert_eq!(schedule_hours(&homework, around_christmas, &cal, d(TODAY))[1], 0.75);
    homework.exceptions.push(crate::domain::schedule::Exception {
        date: d("2026-12-15"),
        kind: crate::domain::schedule::ExceptionKind::Cancelled { reason: "illness".into() },
    });
    assert_eq!(schedule_hours(&homework, term_week, &cal, d(TODAY))[1], 0.0);
}

/// An offer for 6–10 counts for 3–6, 6–10 and 10–14 (both ends inclusive); "from 12" for every
/// band from 10–14 up; no age for every age band; the parents band only for parents and families.
#[test]
fn bands_follow_the_board_filter() {
    let cal = HolidayCalendar::default();
    let wed = || vec![weekly(vec![Weekday::Wed])];
    let m = matrix(&[offer(Some(6), Some(10), wed())], Period::Typical, &cal, d(TODAY));
    let wed_rows: Vec<f64> = m.iter().map(|r| r[WED]).collect();
    assert_eq!(wed_rows, vec![0.0, 1.5, 1.5, 1.5, 0.0, 0.0, 0.0]);
    let m = matrix(&[offer(Some(12), None, wed())], Period::Typical, &cal, d(TODAY));
    assert_eq!(m.iter().map(|r| r[WED]).collect::<Vec<_>>(), vec![0.0, 0.0, 0.0, 1.5, 1.5, 1.5, 0.0]);
    let m = matrix(&[offer(None, None, wed())], Period::Typical, &cal, d(TODAY));
    assert_eq!(m[row("0-3")][WED], 1.5);
    assert_eq!(m[row("parents")][WED], 0.0);
    let mut cafe = offer(None, None, wed());
    cafe.audiences = vec![Audience::Parents];
    let m = matrix(&[cafe.clone()], Period::Typical, &cal, d(TODAY));
    assert_eq!(m[row("parents")][WED], 1.5);
    assert_eq!(m[row("0-3")][WED], 0.0, "an offer only for parents is not one for toddlers");
    cafe.audiences.push(Audience::Families);
    let m = matrix(&[cafe], Period::Typical, &cal, d(TODAY));
    assert_eq!(m[row("0-3")][WED], 1.5, "families bring their children");
}

/// Empty cells are the gaps, band by band, Monday first.
#[test]
fn gaps_are_the_empty_cells() {
    let cal = HolidayCalendar::default();
    assert_eq!(gaps(&matrix(&[], Period::Typical, &cal, d(TODAY))).len(), 49);
    let m = matrix(
        &[offer(Some(14), Some(17), vec![weekly(vec![Weekday::Wed])])],
        Period::Typical,
        &cal,
        d(TODAY),
    );
    let g = gaps(&m);
    assert!(!g.contains(&(row("14-18"), WED)));
    assert!(!g.contains(&(row("10-14"), WED)));
    assert!(g.contains(&(row("14-18"), 5)));
    assert_eq!(g.len(), 49 - 2);
    assert_eq!(band_code(row("parents")), "parents");
    assert_eq!(band_range(row("14-18")), Some((14, 18)));
    assert_eq!(format_hours(0.375), "0.4");
}

/// The page's query: typical week by default, a checked date range, a known category.
#[test]
fn query_is_checked_per_field() {
    let parse = |q: &str| parse_query(q.split('&').filter_map(|p| p.split_once('=')));
    assert_eq!(parse("").unwrap(), CoverageQuery::default());
    let q = parse("from=2026-12-01&to=2026-12-31&category=learning").unwrap();
    assert_eq!(q.period, Period::Dates { from: d("2026-12-01"), to: d("2026-12-31") });
    assert_eq!(parse(&q.to_query()).unwrap(), q);
    let fields = |q: &str| parse(q).unwrap_err().into_iter().map(|i| (i.field, i.reason)).collect::<Vec<_>>();
    assert_eq!(fields("from=2026-12-31&to=2026-12-01"), vec![("to".into(), "period_order".into())]);
    assert_eq!(fields("from=2026-01-01&to=2027-06-01"), vec![("to".into(), "period_long".into())]);
    assert_eq!(fields("from=2026-01-01"), vec![("to".into(), "required".into())]);
    assert_eq!(fields("from=soon&to=2026-12-01"), vec![("from".into(), "date_format".into())]);
    assert_eq!(fields("category=juggling"), vec![("category".into(), "unknown_choice".into())]);
}

proptest! {
    /// Without holidays or exceptions, a weekly rule over whole weeks gives exactly its typical week.
    #[test]
    fn whole_weeks_equal_the_typical_week(days in 1u8..128, weeks in 1i64..20, start in 0u32..40, len in 1u32..16) {
        let days: Vec<Weekday> = (0..7).filter(|i| days & (1 << i) != 0).map(|i| Weekday::try_from(i as u8).unwrap()).collect();
        let start_t = NaiveTime::from_hms_opt(7, 0, 0).unwrap() + Duration::minutes(i64::from(start) * 15);
        let mut s = weekly(days);
        s.times = Times::Timed { start: start_t, end: start_t + Duration::minutes(i64::from(len) * 15) };
        let from = d("2026-11-30");
        let period = Period::Dates { from, to: from + Duration::days(weeks * 7 - 1) };
        let cal = HolidayCalendar::default();
        let (a, b) = (schedule_hours(&s, period, &cal, d(TODAY)), typical(&s));
        for i in 0..7 {
            prop_assert!((a[i] - b[i]).abs() < 1e-9, "{a:?} vs {b:?}");
        }
    }

    /// Adding an offer never makes any cell smaller, and no cell is ever negative.
    #[test]
    fn adding_an_offer_never_removes_hours(min in proptest::option::of(0u8..30), span in 0u8..20, day in 0u8..7) {
        let cal = HolidayCalendar::default();
        let base = vec![offer(Some(6), Some(10), vec![weekly(vec![Weekday::Wed])])];
        let mut more = base.clone();
        more.push(offer(min, min.map(|m| m + span), vec![weekly(vec![Weekday::try_from(day).unwrap()])]));
        let (a, b) = (matrix(&base, Period::Typical, &cal, d(TODAY)), matrix(&more, Period::Typical, &cal, d(TODAY)));
        for (ra, rb) in a.iter().zip(&b) {
            for (x, y) in ra.iter().zip(rb) {
                prop_assert!(*x >= 0.0 && y >= x);
            }
        }
    }
}
