//! Fresh data: an offer not confirmed for a while is flagged to the people who run it, and after
//! twice that time it leaves the public board (not deleted) until someone confirms it again.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The confirmation period, in months (configuration `CONFIRM_MONTHS`, default 6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Freshness {
    pub months: u32,
}

impl Default for Freshness {
    fn default() -> Self {
        Self { months: 6 }
    }
}

/// Where an offer stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Confirmation {
    Fresh,
    /// Not confirmed for one period: flagged in the staff dashboard.
    Due,
    /// Not confirmed for two periods: hidden from the public until confirmed.
    Hidden,
}

/// Longest configurable period.
pub const MAX_MONTHS: u32 = 60;

impl Freshness {
    /// A period of 1 to [`MAX_MONTHS`] months.
    pub fn new(months: u32) -> Option<Self> {
        (1..=MAX_MONTHS).contains(&months).then_some(Self { months })
    }

    /// Offers last confirmed before this day are due.
    pub fn due_before(self, today: NaiveDate) -> NaiveDate {
        today.checked_sub_months(Months::new(self.months)).unwrap_or(NaiveDate::MIN)
    }

    /// Offers last confirmed before this day are hidden from the public.
    pub fn hidden_before(self, today: NaiveDate) -> NaiveDate {
        today.checked_sub_months(Months::new(2 * self.months)).unwrap_or(NaiveDate::MIN)
    }

    pub fn state(self, last_confirmed: NaiveDate, today: NaiveDate) -> Confirmation {
        if last_confirmed < self.hidden_before(today) {
            Confirmation::Hidden
        } else if last_confirmed < self.due_before(today) {
            Confirmation::Due
        } else {
            Confirmation::Fresh
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Six months: due after six, hidden after twelve; the day itself still counts as confirmed.
    #[test]
    fn six_and_twelve_months() {
        let f = Freshness::default();
        let today = d("2026-11-27");
        assert_eq!(f.state(d("2026-05-27"), today), Confirmation::Fresh);
        assert_eq!(f.state(d("2026-05-26"), today), Confirmation::Due);
        assert_eq!(f.state(d("2025-11-27"), today), Confirmation::Due);
        assert_eq!(f.state(d("2025-11-26"), today), Confirmation::Hidden);
        assert_eq!(Freshness::new(0), None);
        assert_eq!(Freshness::new(61), None);
        assert_eq!(Freshness::new(3).unwrap().state(d("2026-06-01"), today), Confirmation::Due);
    }

    proptest! {
        /// The older the confirmation, the further along: fresh → due → hidden, never back.
        #[test]
        fn state_only_gets_worse_with_age(months in 1u32..=60, a in 0i64..4000, b in 0i64..4000) {
            let f = Freshness::new(months).unwrap();
            let today = d("2026-11-27");
            let (newer, older) = (today - chrono::Duration::days(a.min(b)), today - chrono::Duration::days(a.max(b)));
            let rank = |c: Confirmation| c as u8;
            prop_assert!(rank(f.state(older, today)) >= rank(f.state(newer, today)));
        }
    }
}
