//! The RFC 5545 pieces of the exchange format: RRULE values for the rules we model, and
//! durations (`PT1H30M`). Anything outside what schedules can hold is refused by name, never
//! guessed.

use crate::domain::schedule::validate::ScheduleInput;
use chrono::{Datelike, NaiveDate};

const DAYS: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// The rule fields of a schedule as an RRULE value (`FREQ=WEEKLY;BYDAY=MO,WE`), `None` for
/// listed dates. INTERVAL is written only when it is not 1; UNTIL is a local date.
pub fn format_rrule(s: &ScheduleInput) -> Option<String> {
    let interval = s.interval.filter(|i| *i != 1).map(|i| format!(";INTERVAL={i}")).unwrap_or_default();
    let mut r = match s.freq.as_str() {
        "weekly" => {
            let days: Vec<_> = s.days.iter().map(|d| day_code(*d)).collect();
            format!("FREQ=WEEKLY{interval};BYDAY={}", days.join(","))
        }
        "monthly_nth" => {
            format!("FREQ=MONTHLY{interval};BYDAY={}{}", s.nth.unwrap_or(1), day_code(s.weekday.unwrap_or(1)))
        }
        "monthly_day" => format!("FREQ=MONTHLY{interval};BYMONTHDAY={}", s.day.unwrap_or(1)),
        _ => return None,
    };
    if let Some(until) = s.until {
        r.push_str(&format!(";UNTIL={}", until.format("%Y%m%d")));
    }
    if let Some(count) = s.count {
        r.push_str(&format!(";COUNT={count}"));
    }
    Some(r)
}

/// `MO` … `SU` for an ISO weekday number.
pub fn day_code(iso: i64) -> String {
    usize::try_from(iso - 1)
        .ok()
        .and_then(|i| DAYS.get(i))
        .map_or_else(|| iso.to_string(), |d| (*d).to_owned())
}

/// Reads an RRULE value into the rule fields of `into` (freq, interval, days, nth, weekday, day,
/// until, count). `start` supplies what RFC 5545 takes from DTSTART when BYDAY/BYMONTHDAY is
/// missing. Returns a message naming the part that cannot be used.
pub fn parse_rrule(value: &str, start: NaiveDate, into: &mut ScheduleInput) -> Result<(), String> {
    let value = value.trim().strip_prefix("RRULE:").unwrap_or(value.trim());
    let (mut freq, mut byday, mut bymonthday) = (None, None, None);
    for part in value.split(';').filter(|p| !p.is_empty()) {
        let (key, v) = part.split_once('=').ok_or_else(|| format!("{part:?} is not NAME=VALUE"))?;
        match key.trim().to_ascii_uppercase().as_str() {
            "FREQ" => freq = Some(v.trim().to_ascii_uppercase()),
            "INTERVAL" => into.interval = Some(number(v, "INTERVAL")?),
            "BYDAY" => byday = Some(v.trim().to_ascii_uppercase()),
            "BYMONTHDAY" => bymonthday = Some(number(v, "BYMONTHDAY")?),
            "COUNT" => into.count = Some(number(v, "COUNT")?),
            "UNTIL" => into.until = Some(until(v)?),
            "WKST" if v.trim().eq_ignore_ascii_case("MO") => {}
            "WKST" => return Err("only WKST=MO is supported".into()),
            other => return Err(format!("{other} is not supported")),
        }
    }
    into.interval.get_or_insert(1);
    match freq.as_deref() {
        Some("WEEKLY") => {
            if bymonthday.is_some() {
                return Err("BYMONTHDAY does not go with FREQ=WEEKLY".into());
            }
            into.freq = "weekly".into();
            into.days = match byday {
                None => vec![i64::from(start.weekday().number_from_monday())],
                Some(list) => list.split(',').map(|d| weekday(d.trim())).collect::<Result<_, _>>()?,
            };
        }
        Some("MONTHLY") => match (byday, bymonthday) {
            (Some(_), Some(_)) => return Err("use BYDAY or BYMONTHDAY, not both".into()),
            (Some(d), None) => {
                let d = d.trim();
                if d.contains(',') {
                    return Err("a monthly rule takes one BYDAY, e.g. 1WE".into());
                }
                let split =
                    d.len().checked_sub(2).filter(|i| d.is_char_boundary(*i)).ok_or("BYDAY like 1WE")?;
                let (n, day) = d.split_at(split);
                into.freq = "monthly_nth".into();
                into.nth = Some(
                    n.trim_start_matches('+')
                        .parse()
                        .map_err(|_| format!("BYDAY {d:?}: needs a number like 1WE or -1FR"))?,
                );
                into.weekday = Some(weekday(day)?);
            }
            (None, day) => {
                into.freq = "monthly_day".into();
                into.day = Some(day.unwrap_or(i64::from(start.day())));
            }
        },
        Some(other) => return Err(format!("FREQ={other} is not supported (WEEKLY or MONTHLY)")),
        None => return Err("FREQ is missing".into()),
    }
    Ok(())
}

fn number(v: &str, name: &str) -> Result<i64, String> {
    v.trim().parse().map_err(|_| format!("{name}={v:?} is not a whole number"))
}

fn weekday(code: &str) -> Result<i64, String> {
    DAYS.iter()
        .position(|d| *d == code)
        .map(|i| i as i64 + 1)
        .ok_or_else(|| format!("{code:?} is not a weekday (MO … SU)"))
}

/// UNTIL as a local date `YYYYMMDD`; a date-time (`20270101T090000Z`) counts by its date part.
fn until(v: &str) -> Result<NaiveDate, String> {
    let v = v.trim();
    let date = v.get(..8).filter(|d| d.bytes().all(|b| b.is_ascii_digit()));
    date.and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok())
        .ok_or_else(|| format!("UNTIL={v:?} is not a date like 20270131"))
}

/// Minutes as an ISO 8601 duration: `PT1H30M`, `PT45M`, `PT2H`.
pub fn format_duration(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// Reads `PT…H…M…S` (seconds only as 0) into minutes.
pub fn parse_duration(v: &str) -> Result<i64, String> {
    let bad = || format!("{v:?} is not a duration like PT1H30M");
    let rest = v.trim().to_ascii_uppercase();
    let mut rest = rest.strip_prefix("PT").ok_or_else(bad)?;
    let mut minutes: i64 = 0;
    if rest.is_empty() {
        return Err(bad());
    }
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        let n: i64 = rest[..digits].parse().map_err(|_| bad())?;
        let factor = match &rest[digits..=digits] {
            "H" => 60,
            "M" => 1,
            "S" if n == 0 => 0,
            _ => return Err(bad()),
        };
        minutes = n.checked_mul(factor).and_then(|m| minutes.checked_add(m)).ok_or_else(bad)?;
        rest = &rest[digits + 1..];
    }
    Ok(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn start() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 9, 2).unwrap() // a Wednesday
    }

    fn parse(v: &str) -> Result<ScheduleInput, String> {
        let mut s = ScheduleInput::default();
        parse_rrule(v, start(), &mut s).map(|()| s)
    }

    /// The rules people actually write come in as our rule fields.
    #[test]
    fn reads_common_rules() {
        let s = parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;UNTIL=20270131").unwrap();
        assert_eq!((s.freq.as_str(), s.interval, s.days.clone()), ("weekly", Some(2), vec![1, 3]));
        assert_eq!(s.until, NaiveDate::from_ymd_opt(2027, 1, 31));
        let s = parse("RRULE:FREQ=MONTHLY;BYDAY=1WE").unwrap();
        assert_eq!((s.freq.as_str(), s.nth, s.weekday), ("monthly_nth", Some(1), Some(3)));
        let s = parse("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6").unwrap();
        assert_eq!((s.nth, s.weekday, s.count), (Some(-1), Some(5), Some(6)));
        let s = parse("FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20271231T220000Z").unwrap();
        assert_eq!((s.freq.as_str(), s.day), ("monthly_day", Some(15)));
    }

    /// Missing BYDAY/BYMONTHDAY take DTSTART's weekday or day, as RFC 5545 says.
    #[test]
    fn missing_parts_come_from_dtstart() {
        assert_eq!(parse("FREQ=WEEKLY").unwrap().days, vec![3]);
        assert_eq!(parse("FREQ=MONTHLY").unwrap().day, Some(2));
    }

    /// What schedules cannot hold is refused by name.
    #[test]
    fn refuses_what_it_cannot_hold() {
        for (rule, says) in [
            ("FREQ=DAILY", "FREQ=DAILY"),
            ("FREQ=WEEKLY;BYMONTH=3", "BYMONTH"),
            ("FREQ=WEEKLY;BYDAY=XX", "XX"),
            ("FREQ=MONTHLY;BYDAY=1MO,2MO", "one BYDAY"),
            ("FREQ=WEEKLY;WKST=SU", "WKST"),
            ("BYDAY=MO", "FREQ is missing"),
            ("FREQ=WEEKLY;UNTIL=tomorrow", "UNTIL"),
            ("FREQ=MONTHLY;BYDAY=xWE", "1WE"),
            ("FREQ", "NAME=VALUE"),
        ] {
            let err = parse(rule).unwrap_err();
            assert!(err.contains(says), "{rule}: {err}");
        }
    }

    /// Durations read and write both ways; nonsense is refused.
    #[test]
    fn durations() {
        assert_eq!(parse_duration("PT1H30M"), Ok(90));
        assert_eq!(parse_duration("pt90m"), Ok(90));
        assert_eq!(parse_duration("PT2H0S"), Ok(120));
        for bad in ["", "PT", "P1D", "PT1.5H", "PT5S", "1H", "PT999999999999999999H", "PTH"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        assert_eq!(format_duration(90), "PT1H30M");
        assert_eq!(format_duration(45), "PT45M");
        assert_eq!(format_duration(120), "PT2H");
    }

    proptest! {
        /// Any text: an answer, never a panic.
        #[test]
        fn never_panics(text in ".{0,80}", bytes in proptest::collection::vec(any::<u8>(), 0..60)) {
            let _ = parse(&text);
            let _ = parse(&String::from_utf8_lossy(&bytes));
            let _ = parse_duration(&text);
        }

        /// Written durations read back.
        #[test]
        fn durations_round_trip(minutes in 1..1440i64) {
            prop_assert_eq!(parse_duration(&format_duration(minutes)), Ok(minutes));
        }
    }
}
