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

fn load(path: &std::path::Path) -> BTreeSet<String> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeSet::new();
    keys("", &v, &mut out);
    out
}

/// All locale files share one key set.
#[test]
fn locale_files_have_the_same_keys() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let german = load(&dir.join("de.json"));
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let other = load(&path);
            let missing: Vec<_> = german.difference(&other).collect();
            let extra: Vec<_> = other.difference(&german).collect();
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
