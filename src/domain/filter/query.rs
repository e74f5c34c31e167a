//! The filter in the URL: reading it (nonsense ignored and named), writing its canonical form,
//! and the wider filters offered when nothing matched.

use super::{Filter, Quick, TimeOfDay, BANDS, MAX_QUERY_CHARS};
use crate::domain::category::Category;

/// Reads the filter from a URL query string (without `?`), as `parse_query` does from pairs.
pub fn parse_query_string(query: &str) -> (Filter, Vec<String>) {
    let pairs = query_pairs(query);
    parse_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// The query without its empty parameters (`age=&q=`, what a plain form sends for fields left
/// empty), when it has any: the board answers such an address with a redirect to the clean one.
pub fn without_empty(query: &str) -> Option<String> {
    let empty = |p: &&str| p.is_empty() || p.split_once('=').is_some_and(|(_, v)| v.is_empty());
    if !query.split('&').any(|p| empty(&p)) || query.is_empty() {
        return None;
    }
    Some(query.split('&').filter(|p| !empty(p)).collect::<Vec<_>>().join("&"))
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
                Ok(a) if a <= crate::domain::age::MAX_AGE => f.age = Some(a),
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
            "quick" => match Quick::from_code(value) {
                Some(q) => f.quick = Some(q),
                None => bad(key),
            },
            "all" => {
                f.all = flag(value).unwrap_or_else(|| {
                    bad(key);
                    false
                })
            }
            // Not filters: the language switch, easy language, the shortlist.
            "easy" | "list" => {}
            _ => bad(key),
        }
    }
    (f, not_understood)
}

/// Parses a query string into key/value pairs (`+` as space, percent-decoding).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(s.get(i + 1..i + 3).unwrap_or(""), 16) {
                Ok(b) => {
                    out.push(b);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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
    if f.all {
        parts.push("all=1".into());
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

    /// What a plain form sends for empty fields goes; everything else stays as it was.
    #[test]
    fn empty_parameters_are_dropped() {
        assert_eq!(without_empty("age=&band=&day=3&q=&list=a,b"), Some("day=3&list=a,b".into()));
        assert_eq!(without_empty("age=&q="), Some(String::new()));
        assert_eq!(without_empty("age=7&day=3"), None);
        assert_eq!(without_empty(""), None);
        assert_eq!(without_empty("xyz=1"), None);
    }
    use proptest::prelude::*;

    /// Query strings decode with `+` and percent escapes; broken escapes stay as they are.
    #[test]
    fn decodes_queries() {
        assert_eq!(
            query_pairs("age=7&q=M%C3%BCtter+caf%C3%A9&x=%ZZ&day=3&%E2%9C"),
            [("age", "7"), ("q", "Mütter café"), ("x", "%ZZ"), ("day", "3"), ("\u{FFFD}", "")]
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
        );
        assert_eq!(parse_query_string("age=7&day=3&day=x").1, ["day"]);
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
        fn query_round_trip(age in proptest::option::of(0u8..=120), days in 0u8..128, free: bool, all: bool, text in proptest::option::of("[a-zA-Zäöü ]{1,20}")) {
            let f = Filter { age, days, free, all, text: text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()), ..Default::default() };
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
