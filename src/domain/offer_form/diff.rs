//! Which fields differ between two versions of a form, for the conflict screen ("saved
//! meanwhile" next to "yours") and for reviewing submissions.

use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// One field that differs: its form path, the value in `a` and in `b` (empty when absent).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldDiff {
    pub field: String,
    pub a: String,
    pub b: String,
}

/// The fields (except the version) whose values differ, in form order of their paths.
pub fn diff<T: Serialize>(a: &T, b: &T) -> Vec<FieldDiff> {
    let (fa, fb) = (flatten(a), flatten(b));
    let mut fields: Vec<&String> = fa.keys().chain(fb.keys()).filter(|k| k.as_str() != "version").collect();
    fields.sort();
    fields.dedup();
    fields
        .into_iter()
        .filter_map(|f| {
            let (va, vb) = (fa.get(f).cloned().unwrap_or_default(), fb.get(f).cloned().unwrap_or_default());
            (va != vb).then(|| FieldDiff { field: f.clone(), a: va, b: vb })
        })
        .collect()
}

fn flatten<T: Serialize>(form: &T) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    walk(&serde_json::to_value(form).unwrap_or(Value::Null), String::new(), &mut out);
    out
}

fn walk(v: &Value, path: String, out: &mut BTreeMap<String, String>) {
    let join = |k: &str| if path.is_empty() { k.to_owned() } else { format!("{path}.{k}") };
    match v {
        Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, join(k), out)),
        Value::Array(items) if items.iter().all(|i| !i.is_object()) => {
            let joined: Vec<String> = items.iter().map(scalar).collect();
            if !joined.is_empty() {
                out.insert(path, joined.join(", "));
            }
        }
        Value::Array(items) => items.iter().enumerate().for_each(|(i, v)| walk(v, join(&i.to_string()), out)),
        other => {
            let s = scalar(other);
            if !s.is_empty() {
                out.insert(path, s);
            }
        }
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::offer_form::{OfferForm, ScheduleForm, TextForm};

    /// Changed, added and removed values are listed by path; equal ones and the version are not.
    #[test]
    fn lists_changed_fields() {
        let mut a = OfferForm { version: "1".into(), slug: "yoga".into(), ..Default::default() };
        a.texts.insert("de".into(), TextForm { title: "Yoga".into(), ..Default::default() });
        a.schedules.push(ScheduleForm { days: vec!["1".into()], ..Default::default() });
        let mut b = a.clone();
        b.version = "2".into();
        b.texts.get_mut("de").unwrap().title = "Yoga für alle".into();
        b.schedules[0].days.push("3".into());
        b.cost = "2 €".into();
        let d = diff(&a, &b);
        let fields: Vec<_> = d.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, vec!["cost", "schedules.0.days", "texts.de.title"]);
        assert_eq!(d[1].b, "1, 3");
        assert!(diff(&a, &a).is_empty());
    }
}
