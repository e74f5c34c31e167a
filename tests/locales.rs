//! Every locale file has exactly the keys of the German one (the default), so no page shows a
//! missing translation. leptos_i18n checks at compile time that every key used exists.

use serde_json::Value;
use std::collections::BTreeSet;

fn keys(prefix: &str, v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                keys(&format!("{prefix}{k}."), v, out);
            }
        }
        _ => {
            out.insert(prefix.trim_end_matches('.').to_owned());
        }
    }
}

/// CLDR plural categories a key may end in; languages need different sets.
const PLURAL: [&str; 6] = ["_zero", "_one", "_two", "_few", "_many", "_other"];

/// The key without its plural suffix.
fn base(key: &str) -> &str {
    PLURAL.iter().find_map(|s| key.strip_suffix(s)).unwrap_or(key)
}

fn load(path: &std::path::Path) -> BTreeSet<String> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeSet::new();
    keys("", &v, &mut out);
    out
}

/// All locale files share one key set (plural keys compared by their base, each with `_other`).
#[test]
fn locale_files_have_the_same_keys() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let german = load(&dir.join("de.json"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let other = load(&path);
            let bases =
                |keys: &BTreeSet<String>| keys.iter().map(|k| base(k).to_owned()).collect::<BTreeSet<_>>();
            let (german_bases, other_bases) = (bases(&german), bases(&other));
            let missing: Vec<_> = german_bases.difference(&other_bases).collect();
            let extra: Vec<_> = other_bases.difference(&german_bases).collect();
            for plural in other.iter().filter(|k| base(k) != k.as_str()) {
                assert!(
                    other.contains(&format!("{}_other", base(plural))),
                    "{}: {plural} lacks _other",
                    path.display()
                );
            }
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 2);
}

/// Every reason the schedule validator can give has a message in the locale files.
#[test]
fn schedule_error_reasons_have_messages() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let german = load(&dir.join("de.json"));
    for reason in quartiersboard::domain::schedule::validate::REASONS {
        assert!(german.contains(&format!("schedule_errors.{reason}")), "no message for {reason}");
    }
}

/// German addresses residents and staff alike with "Sie": no "du", "dein…", "dich", "dir".
#[test]
fn german_says_sie_throughout() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/de.json");
    let text = std::fs::read_to_string(path).unwrap();
    let informal = ["du", "dein", "deine", "deinem", "deinen", "deiner", "deines", "dich", "dir"];
    let found: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| informal.contains(&w.to_lowercase().as_str()))
        .collect();
    assert!(found.is_empty(), "informal address in de.json: {found:?}");
}
