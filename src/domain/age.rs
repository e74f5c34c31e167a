//! Age ranges of offers, in whole years; either end may be open.

use serde::{Deserialize, Serialize};

/// Highest age the data model accepts; offers for adults use an open upper end instead.
pub const MAX_AGE: u8 = 120;

/// Ages an offer is meant for. `None` means open-ended on that side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeRange {
    pub min: Option<u8>,
    pub max: Option<u8>,
}

/// Why an age range was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AgeRangeError {
    #[error("age above {MAX_AGE}")]
    TooHigh,
    #[error("minimum age is above maximum age")]
    MinAboveMax,
}

impl AgeRange {
    /// A checked range: both ends at most [`MAX_AGE`], `min <= max`.
    pub fn new(min: Option<u8>, max: Option<u8>) -> Result<Self, AgeRangeError> {
        if min.is_some_and(|a| a > MAX_AGE) || max.is_some_and(|a| a > MAX_AGE) {
            return Err(AgeRangeError::TooHigh);
        }
        if let (Some(lo), Some(hi)) = (min, max) {
            if lo > hi {
                return Err(AgeRangeError::MinAboveMax);
            }
        }
        Ok(Self { min, max })
    }

    /// Both ends are inclusive: an offer for 6–10-year-olds is for a 6- and for a 10-year-old.
    pub fn contains(&self, age: u8) -> bool {
        self.min.is_none_or(|lo| age >= lo) && self.max.is_none_or(|hi| age <= hi)
    }

    /// True when the range says nothing about age (an offer for everyone).
    pub fn is_open(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Both ends of a closed range are inside it.
    #[test]
    fn ends_are_inclusive() {
        let r = AgeRange::new(Some(6), Some(10)).unwrap();
        assert!(r.contains(6) && r.contains(10));
        assert!(!r.contains(5) && !r.contains(11));
    }

    /// An open upper end accepts every older age.
    #[test]
    fn open_upper_end() {
        let r = AgeRange::new(Some(14), None).unwrap();
        assert!(r.contains(14) && r.contains(99));
        assert!(!r.contains(13));
    }

    /// Reversed and out-of-range ends are rejected.
    #[test]
    fn rejects_bad_ranges() {
        assert_eq!(AgeRange::new(Some(10), Some(6)), Err(AgeRangeError::MinAboveMax));
        assert_eq!(AgeRange::new(None, Some(200)), Err(AgeRangeError::TooHigh));
    }

    proptest! {
        /// Every accepted range contains exactly the ages between its ends.
        #[test]
        fn contains_matches_bounds(lo in proptest::option::of(0u8..=120), hi in proptest::option::of(0u8..=120), age in 0u8..=120) {
            if let Ok(r) = AgeRange::new(lo, hi) {
                let expected = lo.is_none_or(|l| age >= l) && hi.is_none_or(|h| age <= h);
                prop_assert_eq!(r.contains(age), expected);
            } else {
                prop_assert!(matches!((lo, hi), (Some(l), Some(h)) if l > h));
            }
        }
    }
}
