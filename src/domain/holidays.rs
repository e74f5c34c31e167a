//! Public holidays (computed, per German state) and school holidays (data), and the calendar
//! that schedules consult.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Easter Sunday (Gregorian calendar; anonymous Gregorian algorithm).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("valid Easter date")
}

/// German states by ISO 3166-2 code; the region is configuration (`REGION`, default `DE-NW`).
pub const REGIONS: &[&str] = &[
    "DE-BW", "DE-BY", "DE-BE", "DE-BB", "DE-HB", "DE-HH", "DE-HE", "DE-MV", "DE-NI", "DE-NW", "DE-RP",
    "DE-SL", "DE-SN", "DE-ST", "DE-SH", "DE-TH",
];

/// Public holidays of `region` in `year`, sorted. `None` for an unknown region.
pub fn public_holidays(region: &str, year: i32) -> Option<Vec<NaiveDate>> {
    if !REGIONS.contains(&region) {
        return None;
    }
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("valid date");
    let easter = easter_sunday(year);
    let after_easter = |days| easter + Duration::days(days);
    let in_ = |states: &[&str]| states.contains(&region);
    let mut days = vec![
        ymd(1, 1),
        after_easter(-2),
        after_easter(1),
        ymd(5, 1),
        after_easter(39),
        after_easter(50),
        ymd(10, 3),
        ymd(12, 25),
        ymd(12, 26),
    ];
    if in_(&["DE-BW", "DE-BY", "DE-ST"]) {
        days.push(ymd(1, 6));
    }
    if in_(&["DE-BE"]) || (in_(&["DE-MV"]) && year >= 2023) {
        days.push(ymd(3, 8));
    }
    if in_(&["DE-BB"]) {
        days.extend([easter, after_easter(49)]);
    }
    if in_(&["DE-BW", "DE-BY", "DE-HE", "DE-NW", "DE-RP", "DE-SL"]) {
        days.push(after_easter(60));
    }
    if in_(&["DE-SL"]) {
        days.push(ymd(8, 15));
    }
    if in_(&["DE-TH"]) && year >= 2019 {
        days.push(ymd(9, 20));
    }
    if in_(&["DE-BB", "DE-MV", "DE-SN", "DE-ST", "DE-TH"])
        || (in_(&["DE-HB", "DE-HH", "DE-NI", "DE-SH"]) && year >= 2018)
    {
        days.push(ymd(10, 31));
    }
    if in_(&["DE-BW", "DE-BY", "DE-NW", "DE-RP", "DE-SL"]) {
        days.push(ymd(11, 1));
    }
    if in_(&["DE-SN"]) {
        // Buß- und Bettag: the Wednesday before 23 November.
        let nov23 = ymd(11, 23);
        let back = (nov23.weekday().num_days_from_monday() + 7 - 2) % 7;
        days.push(nov23 - Duration::days(i64::from(if back == 0 { 7 } else { back })));
    }
    days.sort_unstable();
    days.dedup();
    Some(days)
}

/// A school-holiday period, both ends inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolHoliday {
    pub name: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
}

/// What schedules need to know about holidays in the range they are expanded for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HolidayCalendar {
    /// Sorted public holidays.
    pub public: Vec<NaiveDate>,
    /// School-holiday periods sorted by first day, not overlapping.
    pub school: Vec<(NaiveDate, NaiveDate)>,
}

impl HolidayCalendar {
    /// The calendar of `region` for the years `from_year..=to_year` with the given school holidays.
    pub fn new(region: &str, from_year: i32, to_year: i32, school: &[SchoolHoliday]) -> Option<Self> {
        let mut public = Vec::new();
        for y in from_year..=to_year {
            public.extend(public_holidays(region, y)?);
        }
        let mut periods: Vec<_> = school.iter().map(|h| (h.first_day, h.last_day)).collect();
        periods.sort_unstable();
        Some(Self { public, school: periods })
    }

    pub fn is_public_holiday(&self, d: NaiveDate) -> bool {
        self.public.binary_search(&d).is_ok()
    }

    pub fn is_school_holiday(&self, d: NaiveDate) -> bool {
        let i = self.school.partition_point(|(first, _)| *first <= d);
        self.school[..i].iter().rev().take(2).any(|(first, last)| *first <= d && d <= *last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Easter Sunday for known years.
    #[test]
    fn easter_dates() {
        assert_eq!(easter_sunday(2024), d("2024-03-31"));
        assert_eq!(easter_sunday(2025), d("2025-04-20"));
        assert_eq!(easter_sunday(2026), d("2026-04-05"));
        assert_eq!(easter_sunday(2027), d("2027-03-28"));
        assert_eq!(easter_sunday(2038), d("2038-04-25"));
    }

    /// The eleven public holidays of North Rhine-Westphalia in 2026.
    #[test]
    fn nrw_2026() {
        let got = public_holidays("DE-NW", 2026).unwrap();
        let expected = [
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-05-01",
            "2026-05-14",
            "2026-05-25",
            "2026-06-04",
            "2026-10-03",
            "2026-11-01",
            "2026-12-25",
            "2026-12-26",
        ];
        assert_eq!(got, expected.map(d));
    }

    /// Regional holidays differ: Saxony has Buß- und Bettag, Berlin Women's Day; unknown regions fail.
    #[test]
    fn regional_differences() {
        assert!(public_holidays("DE-SN", 2026).unwrap().contains(&d("2026-11-18")));
        assert!(public_holidays("DE-BE", 2026).unwrap().contains(&d("2026-03-08")));
        assert!(!public_holidays("DE-NW", 2026).unwrap().contains(&d("2026-03-08")));
        assert_eq!(public_holidays("DE-XX", 2026), None);
    }

    /// School-holiday lookups include both ends.
    #[test]
    fn school_holiday_lookup() {
        let school = [
            SchoolHoliday { name: "Herbst".into(), first_day: d("2026-10-17"), last_day: d("2026-10-31") },
            SchoolHoliday { name: "Pfingsten".into(), first_day: d("2026-05-26"), last_day: d("2026-05-26") },
        ];
        let cal = HolidayCalendar::new("DE-NW", 2026, 2026, &school).unwrap();
        assert!(cal.is_school_holiday(d("2026-10-17")) && cal.is_school_holiday(d("2026-10-31")));
        assert!(cal.is_school_holiday(d("2026-05-26")));
        assert!(!cal.is_school_holiday(d("2026-11-01")) && !cal.is_school_holiday(d("2026-05-27")));
        assert!(cal.is_public_holiday(d("2026-06-04")));
    }
}
