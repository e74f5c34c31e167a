//! Weekly time slots ("Tuesdays 15:00–16:30"), the plain schedule of the foundation.

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// One weekly occurrence of an offer, in local wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklySlot {
    pub weekday: Weekday,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

/// Why a slot was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SlotError {
    #[error("weekday must be 1 (Monday) to 7 (Sunday), got {0}")]
    Weekday(i64),
    #[error("time must look like 09:30, got {0:?}")]
    Time(String),
    #[error("the end must be after the start")]
    EndNotAfterStart,
}

impl WeeklySlot {
    /// A checked slot: the end lies after the start on the same day.
    pub fn new(weekday: Weekday, start: NaiveTime, end: NaiveTime) -> Result<Self, SlotError> {
        if end <= start {
            return Err(SlotError::EndNotAfterStart);
        }
        Ok(Self { weekday, start, end })
    }

    /// Builds a slot from its stored form: ISO weekday number and `HH:MM` times.
    pub fn parse(weekday: i64, start: &str, end: &str) -> Result<Self, SlotError> {
        let weekday = weekday_from_iso(weekday)?;
        Self::new(weekday, parse_time(start)?, parse_time(end)?)
    }
}

/// ISO weekday number (Monday = 1 … Sunday = 7) to a weekday.
pub fn weekday_from_iso(n: i64) -> Result<Weekday, SlotError> {
    match n {
        1..=7 => Ok(Weekday::try_from(u8::try_from(n - 1).expect("in range")).expect("in range")),
        _ => Err(SlotError::Weekday(n)),
    }
}

/// Parses `HH:MM` (24-hour clock).
pub fn parse_time(s: &str) -> Result<NaiveTime, SlotError> {
    NaiveTime::parse_from_str(s, "%H:%M").map_err(|_| SlotError::Time(s.to_owned()))
}

/// Formats a time as `HH:MM`, the way it is stored and shown.
pub fn format_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// Bit `n` (0 = Monday) is set when a slot falls on that weekday; lets the browser filter by day
/// without the slots themselves.
pub fn weekday_mask(slots: &[WeeklySlot]) -> u8 {
    slots
        .iter()
        .fold(0, |m, s| m | 1 << s.weekday.num_days_from_monday())
}

/// Slots in the order residents read them: by weekday, then start time.
pub fn sort_slots(slots: &mut [WeeklySlot]) {
    slots.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.start, s.end));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A stored slot parses into weekday and times.
    #[test]
    fn parses_stored_form() {
        let s = WeeklySlot::parse(3, "15:00", "16:30").unwrap();
        assert_eq!(s.weekday, Weekday::Wed);
        assert_eq!(format_time(s.start), "15:00");
        assert_eq!(format_time(s.end), "16:30");
    }

    /// Bad weekdays, times and reversed slots are rejected with the reason.
    #[test]
    fn rejects_bad_slots() {
        assert_eq!(WeeklySlot::parse(0, "10:00", "11:00"), Err(SlotError::Weekday(0)));
        assert_eq!(WeeklySlot::parse(8, "10:00", "11:00"), Err(SlotError::Weekday(8)));
        assert!(matches!(
            WeeklySlot::parse(1, "25:00", "26:00"),
            Err(SlotError::Time(_))
        ));
        assert_eq!(
            WeeklySlot::parse(1, "11:00", "10:00"),
            Err(SlotError::EndNotAfterStart)
        );
        assert_eq!(
            WeeklySlot::parse(1, "11:00", "11:00"),
            Err(SlotError::EndNotAfterStart)
        );
    }

    /// The mask has one bit per weekday that has a slot.
    #[test]
    fn mask_marks_days() {
        let slots = [
            WeeklySlot::parse(1, "10:00", "11:00").unwrap(),
            WeeklySlot::parse(7, "10:00", "11:00").unwrap(),
            WeeklySlot::parse(1, "15:00", "16:00").unwrap(),
        ];
        assert_eq!(weekday_mask(&slots), 0b100_0001);
        assert_eq!(weekday_mask(&[]), 0);
    }

    proptest! {
        /// Sorting puts slots in weekday then start order, and a slot's day is always in the mask.
        #[test]
        fn sorted_and_masked(raw in proptest::collection::vec((1i64..=7, 0u32..23, 0u32..60), 0..20)) {
            let mut slots: Vec<_> = raw.iter().map(|(d, h, m)| {
                let start = NaiveTime::from_hms_opt(*h, *m, 0).unwrap();
                WeeklySlot::new(weekday_from_iso(*d).unwrap(), start, start + chrono::Duration::minutes(30)).unwrap()
            }).collect();
            sort_slots(&mut slots);
            let mask = weekday_mask(&slots);
            for w in slots.windows(2) {
                let key = |s: &WeeklySlot| (s.weekday.num_days_from_monday(), s.start);
                prop_assert!(key(&w[0]) <= key(&w[1]));
            }
            for s in &slots {
                prop_assert!(mask & (1 << s.weekday.num_days_from_monday()) != 0);
            }
        }
    }
}
