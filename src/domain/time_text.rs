//! Times and weekdays as people type and read them: `09:30`, ISO weekday numbers.

use chrono::{NaiveTime, Weekday};

/// Why a time or weekday was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeTextError {
    #[error("weekday must be 1 (Monday) to 7 (Sunday), got {0}")]
    Weekday(i64),
    #[error("time must look like 09:30, got {0:?}")]
    Time(String),
}

/// ISO weekday number (Monday = 1 … Sunday = 7) to a weekday.
pub fn weekday_from_iso(n: i64) -> Result<Weekday, TimeTextError> {
    match n {
        1..=7 => Ok(Weekday::try_from(u8::try_from(n - 1).expect("in range")).expect("in range")),
        _ => Err(TimeTextError::Weekday(n)),
    }
}

/// Parses `HH:MM` (24-hour clock).
pub fn parse_time(s: &str) -> Result<NaiveTime, TimeTextError> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| TimeTextError::Time(s.to_owned()))
}

/// Formats a time as `HH:MM`, the way it is stored and shown.
pub fn format_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stored forms parse and format back.
    #[test]
    fn parses_and_formats() {
        assert_eq!(weekday_from_iso(3), Ok(Weekday::Wed));
        assert_eq!(format_time(parse_time("09:05").unwrap()), "09:05");
    }

    /// Bad weekdays and times are rejected with the value.
    #[test]
    fn rejects_bad_values() {
        assert_eq!(weekday_from_iso(0), Err(TimeTextError::Weekday(0)));
        assert_eq!(weekday_from_iso(8), Err(TimeTextError::Weekday(8)));
        assert!(matches!(parse_time("25:00"), Err(TimeTextError::Time(_))));
        assert!(matches!(parse_time("9 Uhr"), Err(TimeTextError::Time(_))));
    }
}
