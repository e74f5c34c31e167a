//! Resident filters, defined once for the board and the week plan: age (or age band), weekdays,
//! time of day, category, free of charge, language spoken, step-free access, no registration,
//! text search and the quick chips "today", "now", "this weekend". The state lives in the URL
//! query; nonsense there is ignored and reported, never an error.

use super::age::AgeRange;
use super::category::{Audience, Category};
use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

pub mod facts_code;
mod query;
pub use query::{parse_query, parse_query_string, query_pairs, to_query, widenings, without_empty};

/// Age bands residents can pick instead of an age.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeBand {
    Range(u8, u8),
    Parents,
}

impl AgeBand {
    /// Whether an offer for `ages` and `audiences` is one for this band: age ranges overlap, both
    /// ends inclusive, an open end reaching all the way (6–10 is in 3–6 and in 10–14; "from 12" is in
    /// every band from 10–14 up; no age at all is in every band); the parents band takes offers for
    /// parents or families. The board's filter and the coverage analysis both use this rule.
    pub fn covers(self, ages: &AgeRange, audiences: &[Audience]) -> bool {
        match self {
            AgeBand::Parents => audiences.iter().any(|a| matches!(a, Audience::Parents | Audience::Families)),
            AgeBand::Range(lo, hi) => {
                ages.min.is_none_or(|min| min <= hi) && ages.max.is_none_or(|max| max >= lo)
            }
        }
    }
}

/// The bands offered, with their URL codes.
pub const BANDS: &[(&str, AgeBand)] = &[
    ("0-3", AgeBand::Range(0, 3)),
    ("3-6", AgeBand::Range(3, 6)),
    ("6-10", AgeBand::Range(6, 10)),
    ("10-14", AgeBand::Range(10, 14)),
    ("14-18", AgeBand::Range(14, 18)),
    ("18-27", AgeBand::Range(18, 27)),
    ("parents", AgeBand::Parents),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TimeOfDay {
    /// Starts before 12:00.
    Morning,
    /// Starts 12:00–16:59.
    Afternoon,
    /// Starts at 17:00 or later.
    Evening,
}

impl TimeOfDay {
    pub const ALL: [(&'static str, TimeOfDay); 3] = [
        ("morning", TimeOfDay::Morning),
        ("afternoon", TimeOfDay::Afternoon),
        ("evening", TimeOfDay::Evening),
    ];

    pub fn of(start: NaiveTime) -> Self {
        match start.hour() {
            0..=11 => TimeOfDay::Morning,
            12..=16 => TimeOfDay::Afternoon,
            _ => TimeOfDay::Evening,
        }
    }

    pub fn bit(self) -> u8 {
        match self {
            TimeOfDay::Morning => 1,
            TimeOfDay::Afternoon => 2,
            TimeOfDay::Evening => 4,
        }
    }

    pub fn code(self) -> &'static str {
        Self::ALL.iter().find(|(_, t)| *t == self).map_or("", |(c, _)| c)
    }
}

/// Quick chips.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Quick {
    Today,
    Now,
    Weekend,
}

impl Quick {
    pub const ALL: [(&'static str, Quick); 3] =
        [("today", Quick::Today), ("now", Quick::Now), ("weekend", Quick::Weekend)];

    pub fn code(self) -> &'static str {
        Self::ALL.iter().find(|(_, q)| *q == self).map_or("", |(c, _)| c)
    }

    /// The chip with this code (as in the URL).
    pub fn from_code(code: &str) -> Option<Quick> {
        Self::ALL.iter().find(|(c, _)| *c == code).map(|(_, q)| *q)
    }
}

/// The longest search text kept; longer input is cut.
pub const MAX_QUERY_CHARS: usize = 100;

/// What a resident asked for. Empty means "everything".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    pub age: Option<u8>,
    pub band: Option<AgeBand>,
    /// Bit `d` (0 = Monday) for each chosen weekday; 0 = any day.
    pub days: u8,
    pub time: Option<TimeOfDay>,
    pub category: Option<Category>,
    pub free: bool,
    /// ISO 639-1 code of a language spoken at the offer.
    pub language: Option<String>,
    pub step_free: bool,
    pub no_registration: bool,
    pub text: Option<String>,
    pub quick: Option<Quick>,
    /// Show every matching offer, not only the first [`FIRST_SHOWN`] (a display choice the
    /// resident makes with "show all"; kept in the URL like the filters).
    pub all: bool,
}

/// How many matching offers a board shows before "show all": many screenfuls on a phone, and
/// few enough that applying a filter on a board of hundreds of offers stays quick.
pub const FIRST_SHOWN: usize = 50;

/// Which offers a board shows, in board order: the matching ones (`matching`), and of those only
/// the first [`FIRST_SHOWN`] unless `all`.
pub fn shown(matching: &[bool], all: bool) -> Vec<bool> {
    let mut left = if all { usize::MAX } else { FIRST_SHOWN };
    matching
        .iter()
        .map(|&m| {
            let show = m && left > 0;
            left -= usize::from(show);
            show
        })
        .collect()
}

/// What the filter needs to know about one offer in the shown week.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferFacts {
    pub ages: AgeRange,
    pub audiences: Vec<Audience>,
    pub category: Option<Category>,
    pub is_free: bool,
    pub languages: Vec<String>,
    pub step_free: bool,
    pub registration_required: bool,
    /// Bit per weekday with an occurrence that takes place in the shown week.
    pub days: u8,
    /// Time-of-day bits of those occurrences.
    pub times: u8,
    pub running_now: bool,
    /// Matched the text search (filled by the storage layer; `true` when there is no text).
    pub text_match: bool,
}

/// When the filter is applied: today's weekday bit, for "today" and "this weekend".
#[derive(Clone, Copy, Debug)]
pub struct Today {
    pub weekday_bit: u8,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// Whether one of the filters behind the form's "more filters" is set (then it opens).
    pub fn uses_more(&self) -> bool {
        self.time.is_some()
            || self.category.is_some()
            || self.free
            || self.language.is_some()
            || self.step_free
            || self.no_registration
    }

    /// Whether an offer qualifies. Both ends of an age range count (6–10 matches 6 and 10);
    /// an open upper end matches every older age; a band matches ranges that overlap it.
    pub fn matches(&self, o: &OfferFacts, today: Today) -> bool {
        self.matches_text(o, today, o.text_match)
    }

    /// [`Filter::matches`] with the text search's answer for this offer given (in the browser
    /// it comes from the server after the facts were sent).
    pub fn matches_text(&self, o: &OfferFacts, today: Today, text_match: bool) -> bool {
        let age_ok = self.age.is_none_or(|a| o.ages.contains(a));
        let band_ok = self.band.is_none_or(|b| b.covers(&o.ages, &o.audiences));
        let days_ok = self.days == 0 || o.days & self.days != 0;
        let quick_ok = match self.quick {
            None => true,
            Some(Quick::Today) => o.days & today.weekday_bit != 0,
            Some(Quick::Weekend) => o.days & 0b110_0000 != 0,
            Some(Quick::Now) => o.running_now,
        };
        age_ok
            && band_ok
            && days_ok
            && quick_ok
            && self.time.is_none_or(|t| o.times & t.bit() != 0)
            && self.category.is_none_or(|c| o.category == Some(c))
            && (!self.free || o.is_free)
            && self.language.as_ref().is_none_or(|l| o.languages.contains(l))
            && (!self.step_free || o.step_free)
            && (!self.no_registration || !o.registration_required)
            && (self.text.is_none() || text_match)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(min: Option<u8>, max: Option<u8>, days: u8) -> OfferFacts {
        OfferFacts { ages: AgeRange::new(min, max).unwrap(), days, text_match: true, ..Default::default() }
    }

    const MONDAY: Today = Today { weekday_bit: 1 };

    /// Each chip's code names it; unknown codes name none.
    #[test]
    fn quick_codes() {
        for (code, q) in Quick::ALL {
            assert_eq!(Quick::from_code(code), Some(q));
            assert_eq!(q.code(), code);
        }
        assert_eq!(Quick::from_code("tomorrow"), None);
    }

    /// "More filters" is in use exactly when one of its six filters is set.
    #[test]
    fn more_filters() {
        assert!(!Filter {
            age: Some(7),
            days: 0b100,
            text: Some("x".into()),
            all: true,
            ..Default::default()
        }
        .uses_more());
        for f in [
            Filter { time: Some(TimeOfDay::Evening), ..Default::default() },
            Filter { category: Some(Category::Sport), ..Default::default() },
            Filter { free: true, ..Default::default() },
            Filter { language: Some("ar".into()), ..Default::default() },
            Filter { step_free: true, ..Default::default() },
            Filter { no_registration: true, ..Default::default() },
        ] {
            assert!(f.uses_more(), "{f:?}");
        }
    }

    /// An offer for 6–10-year-olds matches age 6 and 10, not 5 or 11; an open range matches above.
    #[test]
    fn age_semantics() {
        let o = facts(Some(6), Some(10), 0b1);
        for (age, expected) in [(5, false), (6, true), (10, true), (11, false)] {
            let f = Filter { age: Some(age), ..Default::default() };
            assert_eq!(f.matches(&o, MONDAY), expected, "age {age}");
        }
        let open = facts(Some(14), None, 0b1);
        assert!(Filter { age: Some(60), ..Default::default() }.matches(&open, MONDAY));
    }

    /// A band matches offers whose range overlaps it; "parents" matches parent and family offers.
    #[test]
    fn bands() {
        let f = Filter { band: Some(AgeBand::Range(6, 10)), ..Default::default() };
        assert!(f.matches(&facts(Some(10), Some(14), 1), MONDAY));
        assert!(!f.matches(&facts(Some(11), Some(14), 1), MONDAY));
        let parents = Filter { band: Some(AgeBand::Parents), ..Default::default() };
        let mut o = facts(None, None, 1);
        assert!(!parents.matches(&o, MONDAY));
        o.audiences = vec![Audience::Families];
        assert!(parents.matches(&o, MONDAY));
    }

    /// Weekdays match occurrences of the shown week; quick chips use today and the weekend.
    #[test]
    fn days_and_quick() {
        let wed = facts(None, None, 0b100);
        let (f, bad) = parse_query([("day", "3")]);
        assert!(bad.is_empty() && f.matches(&wed, MONDAY));
        assert!(!parse_query([("day", "4")]).0.matches(&wed, MONDAY));
        assert!(!parse_query([("quick", "today")]).0.matches(&wed, MONDAY));
        assert!(parse_query([("quick", "today")]).0.matches(&wed, Today { weekday_bit: 0b100 }));
        assert!(parse_query([("quick", "weekend")]).0.matches(&facts(None, None, 0b100_0000), MONDAY));
    }

    proptest::proptest! {
        /// A board shows the first `FIRST_SHOWN` matching offers (all of them with `all`), in
        /// board order, and never one that does not match.
        #[test]
        fn shows_the_first_matches(matching in proptest::collection::vec(proptest::bool::ANY, 0..200), all: bool) {
            let shown = shown(&matching, all);
            let matches = matching.iter().filter(|m| **m).count();
            let count = shown.iter().filter(|s| **s).count();
            proptest::prop_assert_eq!(count, if all { matches } else { matches.min(FIRST_SHOWN) });
            proptest::prop_assert_eq!(shown.len(), matching.len());
            let last = shown.iter().rposition(|s| *s).map_or(0, |i| i + 1);
            for (i, (s, m)) in shown.iter().zip(&matching).enumerate() {
                proptest::prop_assert!(!s || *m);
                // Every match before the last shown offer is shown too.
                proptest::prop_assert!(i >= last || s == m);
            }
        }
    }
}
