//! Expanding schedules into concrete occurrences: rule dates, holidays, exceptions, extra dates.

use super::rule::rule_dates;
use super::{ExceptionKind, HolidayMode, Occurrence, Schedule, Status, Times};
use crate::domain::holidays::HolidayCalendar;
use chrono::{Duration, NaiveDate, NaiveDateTime};

/// The longest range one expansion covers; longer requests are cut to it. Keeps every request
/// bounded whatever the rule.
pub const MAX_RANGE_DAYS: i64 = 800;

/// Occurrences of `s` with a date in `[from, to]`, sorted by date and time, including cancelled
/// ones (with their reason). Moved occurrences appear on their new date.
pub fn occurrences(s: &Schedule, cal: &HolidayCalendar, from: NaiveDate, to: NaiveDate) -> Vec<Occurrence> {
    let to = to.min(from + Duration::days(MAX_RANGE_DAYS));
    if to < from {
        return Vec::new();
    }
    // A moved occurrence can land in the range from a regular date outside it.
    let moves_in = s
        .exceptions
        .iter()
        .any(|e| matches!(e.kind, ExceptionKind::Changed { date: Some(d), .. } if d >= from && d <= to));
    let (scan_from, scan_to) = if moves_in {
        (from - Duration::days(MAX_RANGE_DAYS / 2), to + Duration::days(MAX_RANGE_DAYS / 2))
    } else {
        (from, to)
    };
    let regular = rule_dates(&s.rule, s.start_date, s.end, scan_from, scan_to)
        .into_iter()
        .filter(|d| runs_on(s, cal, *d));
    let extra = s.extra_dates.iter().copied().filter(|d| *d >= scan_from && *d <= scan_to);
    let mut out: Vec<Occurrence> = regular
        .chain(extra)
        .map(|date| apply_exception(s, date))
        .filter(|o| o.date >= from && o.date <= to)
        .collect();
    out.sort_by_key(|o| (o.date, o.times.sort_key()));
    out.dedup_by(|a, b| a.date == b.date && a.times == b.times);
    out
}

/// Whether a regular rule date survives the holiday settings.
fn runs_on(s: &Schedule, cal: &HolidayCalendar, d: NaiveDate) -> bool {
    let school = cal.is_school_holiday(d);
    let by_school = match s.holidays {
        HolidayMode::Always => true,
        HolidayMode::NotInSchoolHolidays => !school,
        HolidayMode::OnlyInSchoolHolidays => school,
    };
    by_school && (s.on_public_holidays || !cal.is_public_holiday(d))
}

fn apply_exception(s: &Schedule, date: NaiveDate) -> Occurrence {
    let regular = Occurrence { date, times: s.times, status: Status::Regular, place: s.place.clone() };
    match s.exceptions.iter().find(|e| e.date == date).map(|e| &e.kind) {
        None => regular,
        Some(ExceptionKind::Cancelled { reason }) => {
            Occurrence { status: Status::Cancelled { reason: reason.clone() }, ..regular }
        }
        Some(ExceptionKind::Changed { date: new_date, times, place }) => Occurrence {
            date: new_date.unwrap_or(date),
            times: times.unwrap_or(s.times),
            status: Status::Changed { from: new_date.filter(|d| *d != date).map(|_| date) },
            place: place.clone().or(regular.place),
        },
    }
}

/// All occurrences of several schedules in a range, merged in date and time order.
pub fn merged(
    schedules: &[Schedule],
    cal: &HolidayCalendar,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<Occurrence> {
    let mut all: Vec<_> = schedules.iter().flat_map(|s| occurrences(s, cal, from, to)).collect();
    all.sort_by_key(|o| (o.date, o.times.sort_key()));
    all
}

/// Start and end of an occurrence as local date-times (an all-day one spans the whole day).
pub fn span(o: &Occurrence) -> (NaiveDateTime, NaiveDateTime) {
    match o.times {
        Times::AllDay => (
            o.date.and_hms_opt(0, 0, 0).expect("midnight"),
            (o.date + Duration::days(1)).and_hms_opt(0, 0, 0).expect("midnight"),
        ),
        Times::Timed { start, end } => (o.date.and_time(start), o.date.and_time(end)),
    }
}

/// The next `n` occurrences that have not ended at local time `now` (cancelled ones included,
/// so residents see them), looking ahead at most [`MAX_RANGE_DAYS`].
pub fn upcoming(
    schedules: &[Schedule],
    cal: &HolidayCalendar,
    now: NaiveDateTime,
    n: usize,
) -> Vec<Occurrence> {
    let today = now.date();
    merged(schedules, cal, today, today + Duration::days(MAX_RANGE_DAYS))
        .into_iter()
        .filter(|o| span(o).1 > now)
        .take(n)
        .collect()
}

/// The next occurrence that takes place (not cancelled) and has not ended at `now`.
pub fn next_occurrence(
    schedules: &[Schedule],
    cal: &HolidayCalendar,
    now: NaiveDateTime,
) -> Option<Occurrence> {
    let today = now.date();
    let mut from = today;
    // Search in windows so an offer that runs every week costs one small expansion.
    for window in [14, 92, MAX_RANGE_DAYS] {
        let to = today + Duration::days(window);
        if let Some(o) =
            merged(schedules, cal, from, to).into_iter().find(|o| !o.is_cancelled() && span(o).1 > now)
        {
            return Some(o);
        }
        from = to + Duration::days(1);
    }
    None
}

/// Occurrences running at `now` (started, not ended, not cancelled).
pub fn running_now(schedules: &[Schedule], cal: &HolidayCalendar, now: NaiveDateTime) -> Vec<Occurrence> {
    merged(schedules, cal, now.date(), now.date())
        .into_iter()
        .filter(|o| !o.is_cancelled() && matches!(o.times, Times::Timed { .. }))
        .filter(|o| {
            let (start, end) = span(o);
            start <= now && now < end
        })
        .collect()
}

/// Occurrences later today: not yet started at `now`, not cancelled.
pub fn later_today(schedules: &[Schedule], cal: &HolidayCalendar, now: NaiveDateTime) -> Vec<Occurrence> {
    merged(schedules, cal, now.date(), now.date())
        .into_iter()
        .filter(|o| !o.is_cancelled() && span(o).0 > now)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::holidays::SchoolHoliday;
    use crate::domain::schedule::{Exception, PlaceRef, Rule, RuleEnd};
    use chrono::{Datelike, NaiveTime, Weekday};
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn weekly(days: Vec<Weekday>) -> Schedule {
        Schedule {
            start_date: d("2026-01-01"),
            times: Times::Timed { start: t("15:00"), end: t("16:30") },
            rule: Rule::Weekly { interval: 1, days },
            end: None,
            holidays: HolidayMode::Always,
            on_public_holidays: false,
            place: None,
            exceptions: vec![],
            extra_dates: vec![],
        }
    }

    fn nrw() -> HolidayCalendar {
        let school = [
            SchoolHoliday { name: "Herbst".into(), first_day: d("2026-10-17"), last_day: d("2026-10-31") },
            SchoolHoliday {
                name: "Weihnachten".into(),
                first_day: d("2026-12-23"),
                last_day: d("2027-01-06"),
            },
        ];
        HolidayCalendar::new("DE-NW", 2026, 2027, &school).unwrap()
    }

    fn dates(os: &[Occurrence]) -> Vec<NaiveDate> {
        os.iter().map(|o| o.date).collect()
    }

    /// Homework help pauses in the autumn school holidays.
    #[test]
    fn paused_in_school_holidays() {
        let mut s = weekly(vec![Weekday::Tue]);
        s.holidays = HolidayMode::NotInSchoolHolidays;
        let got = occurrences(&s, &nrw(), d("2026-10-12"), d("2026-11-08"));
        assert_eq!(dates(&got), [d("2026-10-13"), d("2026-11-03")]);
    }

    /// The holiday programme runs only in the school holidays.
    #[test]
    fn only_in_school_holidays() {
        let mut s = weekly(vec![Weekday::Tue]);
        s.holidays = HolidayMode::OnlyInSchoolHolidays;
        let got = occurrences(&s, &nrw(), d("2026-10-12"), d("2026-11-08"));
        assert_eq!(dates(&got), [d("2026-10-20"), d("2026-10-27")]);
    }

    /// A public holiday on a regular day drops it, unless the schedule runs on public holidays.
    #[test]
    fn public_holiday_on_regular_day() {
        // 4 June 2026 is Corpus Christi (Thursday), a public holiday in NRW.
        let mut s = weekly(vec![Weekday::Thu]);
        let got = occurrences(&s, &nrw(), d("2026-06-01"), d("2026-06-14"));
        assert_eq!(dates(&got), [d("2026-06-11")]);
        s.on_public_holidays = true;
        let got = occurrences(&s, &nrw(), d("2026-06-01"), d("2026-06-14"));
        assert_eq!(dates(&got), [d("2026-06-04"), d("2026-06-11")]);
    }

    /// A cancelled occurrence stays visible with its reason; a moved one shows on its new day.
    #[test]
    fn cancelled_and_moved() {
        let mut s = weekly(vec![Weekday::Wed]);
        s.exceptions = vec![
            Exception {
                date: d("2026-11-25"),
                kind: ExceptionKind::Cancelled { reason: "Raum belegt".into() },
            },
            Exception {
                date: d("2026-12-02"),
                kind: ExceptionKind::Changed {
                    date: Some(d("2026-12-03")),
                    times: Some(Times::Timed { start: t("16:00"), end: t("17:00") }),
                    place: Some(PlaceRef { slug: "turnhalle".into(), name: "Turnhalle".into() }),
                },
            },
        ];
        let got = occurrences(&s, &nrw(), d("2026-11-23"), d("2026-12-06"));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].status, Status::Cancelled { reason: "Raum belegt".into() });
        assert_eq!(got[1].date, d("2026-12-03"));
        assert_eq!(got[1].status, Status::Changed { from: Some(d("2026-12-02")) });
        assert_eq!(got[1].times, Times::Timed { start: t("16:00"), end: t("17:00") });
        assert_eq!(got[1].place.as_ref().unwrap().slug, "turnhalle");
        // Asking only for the day it moved to still finds it.
        assert_eq!(dates(&occurrences(&s, &nrw(), d("2026-12-03"), d("2026-12-03"))), [d("2026-12-03")]);
        assert!(occurrences(&s, &nrw(), d("2026-12-02"), d("2026-12-02")).is_empty());
    }

    /// Extra dates add one-off occurrences; a single summer festival is a one-date rule.
    #[test]
    fn extra_and_single_dates() {
        let mut s = weekly(vec![Weekday::Mon]);
        s.extra_dates = vec![d("2026-11-28")];
        let got = occurrences(&s, &nrw(), d("2026-11-23"), d("2026-11-29"));
        assert_eq!(dates(&got), [d("2026-11-23"), d("2026-11-28")]);
        let mut fest = weekly(vec![]);
        fest.rule = Rule::Dates(vec![d("2027-06-19")]);
        fest.times = Times::AllDay;
        assert_eq!(dates(&occurrences(&fest, &nrw(), d("2027-01-01"), d("2027-12-31"))), [d("2027-06-19")]);
    }

    /// Now running, later today and the next occurrence skip cancelled ones.
    #[test]
    fn now_later_next() {
        let mut s = weekly(vec![Weekday::Mon, Weekday::Wed]);
        s.exceptions = vec![Exception {
            date: d("2026-11-25"),
            kind: ExceptionKind::Cancelled { reason: "krank".into() },
        }];
        let cal = nrw();
        let mon_1530 = d("2026-11-23").and_time(t("15:30"));
        assert_eq!(running_now(std::slice::from_ref(&s), &cal, mon_1530).len(), 1);
        assert!(later_today(std::slice::from_ref(&s), &cal, mon_1530).is_empty());
        let mon_1000 = d("2026-11-23").and_time(t("10:00"));
        assert_eq!(later_today(std::slice::from_ref(&s), &cal, mon_1000).len(), 1);
        let mon_1700 = d("2026-11-23").and_time(t("17:00"));
        let next = next_occurrence(std::slice::from_ref(&s), &cal, mon_1700).unwrap();
        assert_eq!(next.date, d("2026-11-30"), "Wednesday the 25th is cancelled");
        let up = upcoming(std::slice::from_ref(&s), &cal, mon_1700, 2);
        assert!(up[0].is_cancelled() && up[1].date == d("2026-11-30"));
    }

    /// Expansion of an endless rule over a huge range stays bounded.
    #[test]
    fn huge_range_is_bounded() {
        let s = weekly(vec![Weekday::Mon]);
        let got = occurrences(&s, &nrw(), d("2026-01-01"), d("9999-12-31"));
        assert!(got.len() <= (MAX_RANGE_DAYS as usize / 7) + 1);
    }

    fn arb_rule() -> impl Strategy<Value = Rule> {
        let weekday = (0u8..7).prop_map(|n| Weekday::try_from(n).unwrap());
        prop_oneof![
            (1u32..4, proptest::collection::vec(weekday.clone(), 1..4))
                .prop_map(|(interval, days)| Rule::Weekly { interval, days }),
            (
                1u32..3,
                prop_oneof![Just(Nth::First), Just(Nth::Third), Just(Nth::Fifth), Just(Nth::Last)],
                weekday
            )
                .prop_map(|(interval, nth, weekday)| Rule::MonthlyNth { interval, nth, weekday }),
            (1u32..3, 1u32..=31).prop_map(|(interval, day)| Rule::MonthlyDay { interval, day }),
        ]
    }

    use crate::domain::schedule::Nth;

    proptest! {
        /// Occurrences are sorted, unique, inside the range and the validity, never on a paused or
        /// public-holiday date, on the rule's weekday, and keep the schedule's wall-clock time.
        #[test]
        fn occurrence_invariants(
            rule in arb_rule(),
            start_offset in 0i64..400,
            from_offset in 0i64..500,
            len in 0i64..120,
            until in proptest::option::of(0i64..600),
            count in proptest::option::of(1u32..30),
            mode in prop_oneof![Just(HolidayMode::Always), Just(HolidayMode::NotInSchoolHolidays), Just(HolidayMode::OnlyInSchoolHolidays)],
        ) {
            let base = d("2026-01-01");
            let mut s = weekly(vec![]);
            s.rule = rule.clone();
            s.start_date = base + Duration::days(start_offset);
            s.holidays = mode;
            s.end = match (until, count) {
                (Some(u), _) => Some(RuleEnd::Until(s.start_date + Duration::days(u))),
                (None, Some(c)) => Some(RuleEnd::Count(c)),
                _ => None,
            };
            let cal = nrw();
            let from = base + Duration::days(from_offset);
            let to = from + Duration::days(len);
            let got = occurrences(&s, &cal, from, to);
            for w in got.windows(2) {
                prop_assert!(w[0].date < w[1].date, "sorted and unique");
            }
            for o in &got {
                prop_assert!(o.date >= from && o.date <= to && o.date >= s.start_date);
                if let Some(RuleEnd::Until(u)) = s.end { prop_assert!(o.date <= u); }
                prop_assert!(!cal.is_public_holiday(o.date));
                match mode {
                    HolidayMode::NotInSchoolHolidays => prop_assert!(!cal.is_school_holiday(o.date)),
                    HolidayMode::OnlyInSchoolHolidays => prop_assert!(cal.is_school_holiday(o.date)),
                    HolidayMode::Always => {}
                }
                match &rule {
                    Rule::Weekly { days, .. } => prop_assert!(days.contains(&o.date.weekday())),
                    Rule::MonthlyNth { weekday, .. } => prop_assert_eq!(o.date.weekday(), *weekday),
                    Rule::MonthlyDay { day, .. } => prop_assert_eq!(o.date.day(), *day),
                    Rule::Dates(_) => {}
                }
                prop_assert_eq!(o.times, s.times);
            }
            if let Some(RuleEnd::Count(c)) = s.end {
                prop_assert!(got.len() <= c as usize);
            }
        }
    }
}
