//! Resident filters, defined once for the board and the week plan: age (or age band), weekdays,
//! time of day, category, free of charge, language spoken, step-free access, no registration,
//! text search and the quick chips "today", "now", "this weekend". The state lives in the URL
//! query; nonsense there is ignored and reported, never an error.

use super::age::AgeRange;
use super::category::{Audience, Category};
use chrono::{NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

/// Age bands residents can pick instead of an age.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeBand {
    Range(u8, u8),
    Parents,
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

    /// Whether an offer qualifies. Both ends of an age range count (6–10 matches 6 and 10);
    /// an open upper end matches every older age; a band matches ranges that overlap it.
    pub fn matches(&self, o: &OfferFacts, today: Today) -> bool {
        let age_ok = self.age.is_none_or(|a| o.ages.contains(a));
        let band_ok = match self.band {
            None => true,
            Some(AgeBand::Parents) => {
                o.audiences.iter().any(|a| matches!(a, Audience::Parents | Audience::Families))
            }
            Some(AgeBand::Range(lo, hi)) => {
                o.ages.min.is_none_or(|min| min <= hi) && o.ages.max.is_none_or(|max| max >= lo)
            }
        };
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
            && (self.text.is_none() || o.text_match)
    }
}

/// Reads the filter from URL query pairs. Unknown values are dropped and their parameter named
/// in the second result, so the page can say which filter it did not understand.
pub fn parse_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> (Filter, Vec<String>) {
    let mut f = Filter::default();
    let mut not_understood = Vec::new();
    let mut bad = |k: &str| {
        if !not_understood.iter().any(|n| n == k) {
            not_understood.push(k.to_owned());
        }
    };
    for (key, value) in pairs {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key {
            "age" => match value.parse::<u8>() {
                Ok(a) if a <= super::age::MAX_AGE => f.age = Some(a),
                _ => bad(key),
            },
            "band" => match BANDS.iter().find(|(c, _)| *c == value) {
                Some((_, b)) => f.band = Some(*b),
                None => bad(key),
            },
            "day" => match value.parse::<u8>() {
                Ok(d @ 1..=7) => f.days |= 1 << (d - 1),
                _ => bad(key),
            },
            "time" => match TimeOfDay::ALL.iter().find(|(c, _)| *c == value) {
                Some((_, t)) => f.time = Some(*t),
                None => bad(key),
            },
            "category" => match value.parse::<Category>() {
                Ok(c) => f.category = Some(c),
                Err(_) => bad(key),
            },
            "free" => {
                f.free = flag(value).unwrap_or_else(|| {
                    bad(key);
                    false
                })
            }
            "stepfree" => {
                f.step_free = flag(value).unwrap_or_else(|| {
                    bad(key);
                    false
                })
            }
            "noreg" => {
                f.no_registration = flag(value).unwrap_or_else(|| {
                    bad(key);
                    false
                })
            }
            "lang" => {
                if value.len() == 2 && value.bytes().all(|b| b.is_ascii_lowercase()) {
                    f.language = Some(value.to_owned());
                } else {
                    bad(key);
                }
            }
            "q" => {
                let text: String = value.chars().filter(|c| !c.is_control()).take(MAX_QUERY_CHARS).collect();
                if !text.trim().is_empty() {
                    f.text = Some(text.trim().to_owned());
                }
            }
            "quick" => match Quick::ALL.iter().find(|(c, _)| *c == value) {
                Some((_, q)) => f.quick = Some(*q),
                None => bad(key),
            },
            // Not filters: the language switch, easy language, the shortlist.
            "easy" | "list" => {}
            _ => bad(key),
        }
    }
    (f, not_understood)
}

fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "on" | "true" => Some(true),
        "0" | "off" | "false" => Some(false),
        _ => None,
    }
}

/// The canonical query string of a filter (empty for no filter), without the leading `?`.
pub fn to_query(f: &Filter) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(a) = f.age {
        parts.push(format!("age={a}"));
    }
    if let Some(b) = f.band {
        if let Some((code, _)) = BANDS.iter().find(|(_, x)| *x == b) {
            parts.push(format!("band={code}"));
        }
    }
    for d in 0..7 {
        if f.days & (1 << d) != 0 {
            parts.push(format!("day={}", d + 1));
        }
    }
    if let Some(t) = f.time {
        parts.push(format!("time={}", t.code()));
    }
    if let Some(c) = f.category {
        parts.push(format!("category={}", c.code()));
    }
    if f.free {
        parts.push("free=1".into());
    }
    if let Some(l) = &f.language {
        parts.push(format!("lang={l}"));
    }
    if f.step_free {
        parts.push("stepfree=1".into());
    }
    if f.no_registration {
        parts.push("noreg=1".into());
    }
    if let Some(q) = &f.text {
        parts.push(format!("q={}", encode(q)));
    }
    if let Some(q) = f.quick {
        parts.push(format!("quick={}", q.code()));
    }
    parts.join("&")
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Filters that make sense to drop one at a time when nothing matched: (what, filter without it).
pub fn widenings(f: &Filter) -> Vec<(&'static str, Filter)> {
    let mut out = Vec::new();
    let mut push = |what, g: Filter| {
        if g != *f {
            out.push((what, g));
        }
    };
    push("days", Filter { days: 0, quick: None, ..f.clone() });
    push("age", Filter { age: None, band: None, ..f.clone() });
    push("time", Filter { time: None, ..f.clone() });
    push("category", Filter { category: None, ..f.clone() });
    push("text", Filter { text: None, ..f.clone() });
    push("all", Filter::default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn facts(min: Option<u8>, max: Option<u8>, days: u8) -> OfferFacts {
        OfferFacts { ages: AgeRange::new(min, max).unwrap(), days, text_match: true, ..Default::default() }
    }

    const MONDAY: Today = Today { weekday_bit: 1 };

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

    /// Nonsense is dropped and named; nothing panics.
    #[test]
    fn nonsense_is_reported() {
        let long = "x".repeat(10_000);
        let (f, bad) = parse_query([
            ("age", "-3"),
            ("age", "abc"),
            ("day", "9"),
            ("category", "unknown"),
            ("q", long.as_str()),
            ("colour", "blue"),
        ]);
        assert_eq!(bad, ["age", "day", "category", "colour"]);
        assert_eq!(f.text.as_ref().map(|t| t.chars().count()), Some(MAX_QUERY_CHARS));
    }

    proptest! {
        /// The canonical query string parses back to the same filter.
        #[test]
        fn query_round_trip(age in proptest::option::of(0u8..=120), days in 0u8..128, free: bool, text in proptest::option::of("[a-zA-Zäöü ]{1,20}")) {
            let f = Filter { age, days, free, text: text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()), ..Default::default() };
            let q = to_query(&f);
            let pairs: Vec<(String, String)> = q.split('&').filter(|p| !p.is_empty()).map(|p| {
                let (k, v) = p.split_once('=').unwrap();
                let v = v.replace('+', " ");
                let bytes: Vec<u8> = decode(&v);
                (k.to_owned(), String::from_utf8(bytes).unwrap())
            }).collect();
            let (back, bad) = parse_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            prop_assert!(bad.is_empty());
            prop_assert_eq!(back, f);
        }
    }

    fn decode(s: &str) -> Vec<u8> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        out
    }
}
