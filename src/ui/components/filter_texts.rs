//! The words of the filter form, translated on the server: the form is written with them, and
//! the filter island gets the two it writes itself (the count, the ways to widen) as props — so
//! the browser's wasm carries no labels and no plural rules.

use crate::domain::category::Category;
use crate::domain::filter::{AgeBand, Quick, TimeOfDay, BANDS};
use crate::i18n::*;
use crate::ui::labels;
use chrono::Weekday;
use leptos_i18n::I18nContext;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterTexts {
    pub heading: String,
    pub quick_label: String,
    pub age: String,
    /// The age field's visible label; `age` is its full name.
    pub age_short: String,
    pub band: String,
    pub any: String,
    pub days_legend: String,
    pub text: String,
    pub more: String,
    pub time: String,
    pub category: String,
    pub language: String,
    pub free: String,
    pub step_free: String,
    pub no_registration: String,
    pub apply: String,
    pub reset: String,
    pub none: String,
    pub widen_intro: String,
    pub not_understood: Option<String>,
    /// (short, long) weekday names, Monday first.
    pub days: Vec<(String, String)>,
    /// Labels in the order of `BANDS`, `TimeOfDay::ALL`, `Category::ALL`, `Quick::ALL`.
    pub bands: Vec<String>,
    pub times: Vec<String>,
    pub categories: Vec<String>,
    pub quick: Vec<String>,
    /// (code, name) of the languages spoken on this board.
    pub languages: Vec<(String, String)>,
    /// (what, label) for the "widen" links, keyed like `filter::widenings`.
    pub widen: Vec<(String, String)>,
    /// "N matching offers" for every N up to the board's offers.
    pub matching: CountWords,
    /// The link that shows every matching offer, not only the first `filter::FIRST_SHOWN`.
    pub show_all: String,
    /// The word on the link to the shortlist.
    pub shortlist: String,
}

/// A sentence with a count in it, for every count up to a maximum, as the few forms the
/// language's plural rules give (`{count}` marks the number) and, per count, which form it takes
/// (`pick`, one letter per count from 0). The plural rules stay on the server: the island
/// looks its sentence up instead of carrying ICU's rules and the i18n context in the wasm.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountWords {
    pub forms: Vec<String>,
    pub pick: String,
}

const COUNT: &str = "{count}";

impl CountWords {
    /// `sentence(n)` for every `n` in `0..=max`.
    pub fn new(max: usize, sentence: impl Fn(usize) -> String) -> Self {
        let mut words = CountWords::default();
        for n in 0..=max {
            let form = mark_number(&sentence(n), n);
            let at = match words.forms.iter().position(|f| *f == form) {
                Some(at) => at,
                None => {
                    words.forms.push(form);
                    words.forms.len() - 1
                }
            };
            words.pick.push(char::from(b'a' + u8::try_from(at.min(25)).unwrap_or(25)));
        }
        words
    }

    /// The sentence for `n` (the last form past the maximum).
    pub fn text(&self, n: usize) -> String {
        let at =
            self.pick.as_bytes().get(n).or(self.pick.as_bytes().last()).map_or(0, |b| usize::from(b - b'a'));
        self.forms.get(at).map_or_else(String::new, |f| f.replace(COUNT, &n.to_string()))
    }
}

/// `text` with the first number that is exactly `n` replaced by the count marker.
fn mark_number(text: &str, n: usize) -> String {
    let digits = n.to_string();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let end = bytes[i..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |k| i + k);
            if text[i..end] == digits {
                return format!("{}{COUNT}{}", &text[..i], &text[end..]);
            }
            i = end;
        } else {
            i += 1;
        }
    }
    text.to_owned()
}

/// All filter words in the page language.
pub fn filter_texts(
    i18n: I18nContext<Locale>,
    languages: &[String],
    not_understood: &[String],
    offers: usize,
) -> FilterTexts {
    let s = |v: &str| v.to_owned();
    FilterTexts {
        heading: s(t_string!(i18n, filter.heading)),
        quick_label: s(t_string!(i18n, filter.quick_label)),
        age: s(t_string!(i18n, filter.age)),
        age_short: s(t_string!(i18n, filter.age_short)),
        band: s(t_string!(i18n, filter.band)),
        any: s(t_string!(i18n, filter.any)),
        days_legend: s(t_string!(i18n, filter.days)),
        text: s(t_string!(i18n, filter.text)),
        more: s(t_string!(i18n, filter.more)),
        time: s(t_string!(i18n, filter.time)),
        category: s(t_string!(i18n, filter.category)),
        language: s(t_string!(i18n, filter.language)),
        free: s(t_string!(i18n, filter.free)),
        step_free: s(t_string!(i18n, filter.step_free)),
        no_registration: s(t_string!(i18n, filter.no_registration)),
        apply: s(t_string!(i18n, filter.apply)),
        reset: s(t_string!(i18n, filter.reset)),
        none: s(t_string!(i18n, filter.none)),
        widen_intro: s(t_string!(i18n, filter.widen)),
        not_understood: (!not_understood.is_empty())
            .then(|| t_string!(i18n, filter.not_understood, params = not_understood.join(", ")).to_string()),
        days: (0u8..7)
            .map(|d| {
                let w = Weekday::try_from(d).unwrap_or(Weekday::Mon);
                (s(labels::weekday_short(i18n, w)), s(labels::weekday(i18n, w)))
            })
            .collect(),
        bands: BANDS
            .iter()
            .map(|(_, b)| match b {
                AgeBand::Range(lo, hi) => format!("{lo}–{hi}"),
                AgeBand::Parents => s(t_string!(i18n, filter.band_parents)),
            })
            .collect(),
        times: TimeOfDay::ALL
            .iter()
            .map(|(_, t)| match t {
                TimeOfDay::Morning => s(t_string!(i18n, filter.morning)),
                TimeOfDay::Afternoon => s(t_string!(i18n, filter.afternoon)),
                TimeOfDay::Evening => s(t_string!(i18n, filter.evening)),
            })
            .collect(),
        categories: Category::ALL.iter().map(|c| s(labels::category(i18n, *c))).collect(),
        quick: Quick::ALL
            .iter()
            .map(|(_, q)| match q {
                Quick::Today => s(t_string!(i18n, filter.quick_today)),
                Quick::Now => s(t_string!(i18n, filter.quick_now)),
                Quick::Weekend => s(t_string!(i18n, filter.quick_weekend)),
            })
            .collect(),
        languages: languages.iter().map(|code| (code.clone(), labels::spoken_language(i18n, code))).collect(),
        widen: [
            ("days", t_string!(i18n, filter.widen_days)),
            ("age", t_string!(i18n, filter.widen_age)),
            ("time", t_string!(i18n, filter.widen_time)),
            ("category", t_string!(i18n, filter.widen_category)),
            ("text", t_string!(i18n, filter.widen_text)),
            ("all", t_string!(i18n, filter.widen_all)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
        matching: matching_words(i18n.get_locale_untracked(), offers),
        show_all: s(t_string!(i18n, filter.show_all)),
        shortlist: s(t_string!(i18n, shortlist.title)),
    }
}

/// "N matching offers" for every N up to `max`, made once per thread for each language and
/// maximum: every render of a board asks for the same few hundred sentences, each through the
/// language's plural rules.
fn matching_words(locale: Locale, max: usize) -> CountWords {
    use crate::ui::kept::Kept;
    use std::cell::RefCell;
    thread_local! {
        // A bound, not a working size: a server meets one maximum per quarter and language.
        static KEPT: RefCell<Kept<(Locale, usize), CountWords>> = RefCell::new(Kept::new(256));
    }
    KEPT.with_borrow_mut(|kept| {
        kept.get((locale, max), || {
            CountWords::new(max, |n| td_string!(locale, filter.matching, count = n).to_string())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// For every language and every count up to 300, the looked-up sentence (made once, then
    /// kept) is the one the plural rules give (Arabic has six forms, Russian and Ukrainian four).
    #[test]
    fn every_count_in_every_language() {
        for locale in Locale::get_all() {
            let sentence = |n: usize| td_string!(*locale, filter.matching, count = n).to_string();
            let words = matching_words(*locale, 300);
            assert_eq!(words, matching_words(*locale, 300), "asked again: {locale:?}");
            assert!(words.forms.len() <= 6, "{locale:?}: {:?}", words.forms);
            for n in 0..=300 {
                assert_eq!(words.text(n), sentence(n), "{locale:?} {n}");
            }
        }
    }

    proptest! {
        /// Any sentence-making rule is reproduced, numbers inside other words included.
        #[test]
        fn any_sentences(forms in proptest::collection::vec("[a-z1 ]{0,12}", 1..4), max in 0usize..60) {
            let sentence = |n: usize| format!("{} {n} {}", forms[n % forms.len()], forms[(n / 7) % forms.len()]);
            let words = CountWords::new(max, sentence);
            for n in 0..=max {
                prop_assert_eq!(words.text(n), sentence(n));
            }
        }
    }
}
