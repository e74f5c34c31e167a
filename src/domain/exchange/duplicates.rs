//! Keys given twice in one JSON object. serde keeps the last silently for maps (translations,
//! texts by language), so a document is walked once more and every repeated key is named by its
//! path (`offers/2/translations/ru`), never guessed at.

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::HashSet;
use std::fmt;

/// The paths of every key that appears twice in its object; empty for text that is not JSON.
pub fn duplicate_keys(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let _ = Walk { path: String::new(), found: &mut found }.deserialize(&mut de);
    found
}

struct Walk<'a> {
    path: String,
    found: &'a mut Vec<String>,
}

impl Walk<'_> {
    fn child(&mut self, part: &str) -> Walk<'_> {
        let path = if self.path.is_empty() { part.to_owned() } else { format!("{}/{part}", self.path) };
        Walk { path, found: self.found }
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                let path = self.child(&key).path;
                self.found.push(path);
            }
            map.next_value_seed(self.child(&key))?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        while seq.next_element_seed(self.child(&i.to_string()))?.is_some() {
            i += 1;
        }
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_every_repeated_key_by_path() {
        let text = r#"{"a": 1, "offers": [{"t": {"de": "x", "ru": "y", "de": "z"}}, {"slug": 1, "slug": 2}], "a": 2}"#;
        assert_eq!(duplicate_keys(text), ["offers/0/t/de", "offers/1/slug", "a"]);
        assert!(duplicate_keys(r#"{"a": {"b": 1}, "b": [1, {"a": 2}]}"#).is_empty());
        assert!(duplicate_keys("not json").is_empty());
    }
}
