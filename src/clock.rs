//! Wall-clock time in the configured zone, with a real time-zone database (chrono-tz).
//!
//! Schedules store local wall-clock times. Turning one into an instant follows RFC 5545 §3.3.5:
//! - a time in the spring-forward gap (02:30 on 29 March 2026 in Berlin does not exist) is moved
//!   forward by the length of the gap (→ 03:30 CEST);
//! - a time in the repeated autumn hour (02:30 on 25 October 2026 happens twice) means the first
//!   of the two (02:30 CEST, i.e. 00:30 UTC).

use chrono::{DateTime, Duration, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// The current local date and time in `tz`.
pub fn local_now(tz: Tz) -> NaiveDateTime {
    Utc::now().with_timezone(&tz).naive_local()
}

/// The instant of local wall-clock time `t` in `tz`, resolving gaps and repeats as above.
pub fn to_instant(tz: Tz, t: NaiveDateTime) -> DateTime<Utc> {
    match tz.from_local_datetime(&t) {
        LocalResult::Single(dt) => dt.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            // Interpret with the offset in force before the gap: that is "moved forward by the gap".
            let before = tz.offset_from_utc_datetime(&(t - Duration::hours(3)));
            let utc = t - Duration::seconds(i64::from(chrono::Offset::fix(&before).local_minus_utc()));
            DateTime::from_naive_utc_and_offset(utc, Utc)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(s: &str) -> DateTime<Utc> {
        at(s).and_utc()
    }

    const BERLIN: Tz = chrono_tz::Europe::Berlin;

    /// 10:00 stays 10:00 local across both DST weekends of 2026; only the UTC offset changes.
    #[test]
    fn wall_time_kept_across_dst() {
        assert_eq!(to_instant(BERLIN, at("2026-03-28 10:00")), utc("2026-03-28 09:00"));
        assert_eq!(to_instant(BERLIN, at("2026-03-29 10:00")), utc("2026-03-29 08:00"));
        assert_eq!(to_instant(BERLIN, at("2026-10-24 10:00")), utc("2026-10-24 08:00"));
        assert_eq!(to_instant(BERLIN, at("2026-10-25 10:00")), utc("2026-10-25 09:00"));
    }

    /// A time in the spring-forward gap moves forward by the gap: 02:30 → 03:30 CEST.
    #[test]
    fn spring_forward_gap() {
        assert_eq!(to_instant(BERLIN, at("2026-03-29 02:30")), utc("2026-03-29 01:30"));
    }

    /// A time in the repeated autumn hour means its first occurrence (still summer time).
    #[test]
    fn autumn_repeated_hour() {
        assert_eq!(to_instant(BERLIN, at("2026-10-25 02:30")), utc("2026-10-25 00:30"));
    }
}
