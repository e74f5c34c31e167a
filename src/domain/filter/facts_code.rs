//! The board's offer facts as one short text, for the filter island's props: a line per offer,
//! `slug min max flags days times category audiences languages`, `-` for nothing, lists joined
//! with `,`. Decoding it needs a split and a few number parses; the derived JSON decoders for
//! these structs were the largest part of the public wasm (issue #4's 150 KB budget).

use super::OfferFacts;
use crate::domain::age::AgeRange;

const FREE: u8 = 1;
const STEP_FREE: u8 = 2;
const REGISTRATION: u8 = 4;
const RUNNING_NOW: u8 = 8;
const TEXT_MATCH: u8 = 16;

/// A word that can stand in a line: no separators, not empty.
fn plain(word: &str) -> bool {
    !word.is_empty() && word != "-" && !word.contains([' ', ',', '\n'])
}

fn list<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let joined = words.filter(|w| plain(w)).collect::<Vec<_>>().join(",");
    if joined.is_empty() {
        "-".to_owned()
    } else {
        joined
    }
}

fn number(n: Option<u8>) -> String {
    n.map_or_else(|| "-".to_owned(), |n| n.to_string())
}

/// Every offer on its own line. Offers whose slug could not stand in a line are left out (slugs
/// are checked when offers are saved, so there are none); so are such language codes.
pub fn encode(facts: &[(String, OfferFacts)]) -> String {
    let mut out = String::new();
    for (slug, f) in facts.iter().filter(|(slug, _)| plain(slug)) {
        let flags = [
            (f.is_free, FREE),
            (f.step_free, STEP_FREE),
            (f.registration_required, REGISTRATION),
            (f.running_now, RUNNING_NOW),
            (f.text_match, TEXT_MATCH),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(0, |bits, (_, bit)| bits | bit);
        let line = [
            slug.clone(),
            number(f.ages.min),
            number(f.ages.max),
            flags.to_string(),
            f.days.to_string(),
            f.times.to_string(),
            f.category.map_or("-", |c| c.code()).to_owned(),
            list(f.audiences.iter().map(|a| a.code())),
            list(f.languages.iter().map(String::as_str)),
        ];
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line.join(" "));
    }
    out
}

/// The offers of [`encode`]'s text, in order; `None` if any line is not one it writes.
pub fn decode(text: &str) -> Option<Vec<(String, OfferFacts)>> {
    text.lines().filter(|l| !l.is_empty()).map(line).collect()
}

fn line(l: &str) -> Option<(String, OfferFacts)> {
    let mut w = l.split(' ');
    let mut next = || w.next();
    let slug = next().filter(|s| plain(s))?.to_owned();
    let age = |s: &str| if s == "-" { Some(None) } else { s.parse().ok().map(Some) };
    let ages = AgeRange::new(age(next()?)?, age(next()?)?).ok()?;
    let flags: u8 = next()?.parse().ok()?;
    let days = next()?.parse().ok()?;
    let times = next()?.parse().ok()?;
    let category = match next()? {
        "-" => None,
        code => Some(code.parse().ok()?),
    };
    let words = |s: &str| if s == "-" { vec![] } else { s.split(',').map(str::to_owned).collect::<Vec<_>>() };
    let audiences = words(next()?).iter().map(|a| a.parse().ok()).collect::<Option<Vec<_>>>()?;
    let languages = words(next()?);
    if next().is_some() {
        return None;
    }
    let on = |bit| flags & bit != 0;
    Some((
        slug,
        OfferFacts {
            ages,
            audiences,
            category,
            is_free: on(FREE),
            languages,
            step_free: on(STEP_FREE),
            registration_required: on(REGISTRATION),
            days,
            times,
            running_now: on(RUNNING_NOW),
            text_match: on(TEXT_MATCH),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::category::{Audience, Category};
    use proptest::prelude::*;

    fn facts() -> impl Strategy<Value = (String, OfferFacts)> {
        (
            "[a-z0-9][a-z0-9-]{0,30}",
            (proptest::option::of(0u8..=120), proptest::option::of(0u8..=120)),
            proptest::collection::vec(proptest::sample::select(Audience::ALL), 0..4),
            proptest::option::of(proptest::sample::select(Category::ALL)),
            proptest::collection::vec("[a-z]{2,3}", 0..4),
            (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
            (0u8..128, 0u8..8),
        )
            .prop_filter_map(
                "ages in order",
                |(slug, (min, max), audiences, category, languages, b, (days, times))| {
                    let ages = AgeRange::new(min, max).ok()?;
                    let facts = OfferFacts {
                        ages,
                        audiences,
                        category,
                        is_free: b.0,
                        languages,
                        step_free: b.1,
                        registration_required: b.2,
                        days,
                        times,
                        running_now: b.3,
                        text_match: b.4,
                    };
                    Some((slug, facts))
                },
            )
    }

    proptest! {
        /// Whatever a board holds comes back the same, in the same order.
        #[test]
        fn round_trip(board in proptest::collection::vec(facts(), 0..20)) {
            prop_assert_eq!(decode(&encode(&board)), Some(board));
        }

        /// Any text decodes to an answer, never a panic.
        #[test]
        fn any_text(text in "\\PC{0,200}") {
            let _ = decode(&text);
        }
    }

    #[test]
    fn one_line() {
        let f = OfferFacts {
            ages: AgeRange::new(Some(6), None).unwrap(),
            audiences: vec![Audience::Children, Audience::Families],
            category: Some(Category::Sport),
            is_free: true,
            languages: vec!["de".into(), "tr".into()],
            days: 0b100,
            times: 2,
            text_match: true,
            ..Default::default()
        };
        assert_eq!(encode(&[("kicken".into(), f)]), "kicken 6 - 17 4 2 sport children,families de,tr");
    }

    /// A language code that cannot stand in a line is left out rather than breaking the line.
    #[test]
    fn odd_words_are_left_out() {
        let f =
            OfferFacts { languages: vec!["d e".into(), "tr".into(), String::new()], ..Default::default() };
        let text = encode(&[("a".into(), f), ("b c".into(), OfferFacts::default())]);
        assert_eq!(text, "a - - 0 0 0 - - tr");
        assert_eq!(decode(&text).unwrap()[0].1.languages, vec!["tr".to_owned()]);
    }

    #[test]
    fn broken_lines_are_refused() {
        for bad in
            ["a", "a 1 2 3", "a 9 3 0 0 0 - - -", "a - - 0 0 0 sport kids -", "a - - 0 0 0 - - - extra"]
        {
            assert_eq!(decode(bad), None, "{bad}");
        }
    }
}
