//! The staff form of a quarter: name, description and quarter office, in German and translated.
//! The slug is printed on flyers and is not edited here.

use super::document::{OfficeRecord, QuarterRecord, QuarterTextRecord};
use super::form::Issues;
use super::schedule::validate::FieldIssue;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuarterForm {
    pub version: String,
    pub name: String,
    pub description: String,
    pub office_name: String,
    pub office_street: String,
    pub office_postcode: String,
    pub office_city: String,
    pub office_phone: String,
    pub hours: String,
    /// Translations per locale; all three empty means none.
    pub texts: BTreeMap<String, QuarterTextForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuarterTextForm {
    pub name: String,
    pub description: String,
    pub hours: String,
}

impl QuarterForm {
    pub fn from_record(r: &QuarterRecord, version: i64) -> Self {
        QuarterForm {
            version: version.to_string(),
            name: r.name.clone(),
            description: r.description.clone(),
            office_name: r.office.name.clone(),
            office_street: r.office.street.clone(),
            office_postcode: r.office.postcode.clone(),
            office_city: r.office.city.clone(),
            office_phone: r.office.phone.clone().unwrap_or_default(),
            hours: r.office.hours.clone(),
            texts: r
                .translations
                .iter()
                .map(|(l, t)| {
                    (
                        l.clone(),
                        QuarterTextForm {
                            name: t.name.clone(),
                            description: t.description.clone(),
                            hours: t.hours.clone(),
                        },
                    )
                })
                .collect(),
        }
    }
}

/// Checks the form of quarter `slug` (kept as stored).
pub fn validate_quarter(
    form: &QuarterForm,
    slug: &str,
    locales: &[String],
) -> Result<QuarterRecord, Vec<FieldIssue>> {
    let mut is = Issues::default();
    let name = is.text("name", &form.name, 80, true).unwrap_or_default();
    let description = is.text("description", &form.description, 2000, true).unwrap_or_default();
    let office = OfficeRecord {
        name: is.text("office_name", &form.office_name, 120, true).unwrap_or_default(),
        street: is.text("office_street", &form.office_street, 120, true).unwrap_or_default(),
        postcode: is.text("office_postcode", &form.office_postcode, 10, true).unwrap_or_default(),
        city: is.text("office_city", &form.office_city, 80, true).unwrap_or_default(),
        phone: is.phone("office_phone", &form.office_phone),
        hours: is.text("hours", &form.hours, 500, true).unwrap_or_default(),
    };
    let mut translations = BTreeMap::new();
    for (locale, t) in &form.texts {
        if !locales.contains(locale) || locale == "de" {
            is.add(format!("texts.{locale}"), "unknown_choice");
            continue;
        }
        let at = |f: &str| format!("texts.{locale}.{f}");
        let filled = [&t.name, &t.description, &t.hours].iter().filter(|v| !v.trim().is_empty()).count();
        match filled {
            0 => {}
            3 => {
                translations.insert(
                    locale.clone(),
                    QuarterTextRecord {
                        name: is.text(&at("name"), &t.name, 80, true).unwrap_or_default(),
                        description: is
                            .text(&at("description"), &t.description, 2000, true)
                            .unwrap_or_default(),
                        hours: is.text(&at("hours"), &t.hours, 500, true).unwrap_or_default(),
                    },
                );
            }
            _ => {
                for (f, v) in [("name", &t.name), ("description", &t.description), ("hours", &t.hours)] {
                    if v.trim().is_empty() {
                        is.add(at(f), "translation_incomplete");
                    }
                }
            }
        }
    }
    is.finish(QuarterRecord { slug: slug.to_owned(), name, description, office, translations })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every demo quarter comes back unchanged through its form.
    #[test]
    fn demo_quarters_round_trip() {
        let d: super::super::document::CityDocument =
            serde_json::from_str(include_str!("../demo/demo_city.json")).unwrap();
        let locales: Vec<String> =
            ["de", "en", "ru", "ar", "fa", "tr", "uk"].iter().map(|s| s.to_string()).collect();
        for q in &d.quarters {
            assert_eq!(&validate_quarter(&QuarterForm::from_record(q, 1), &q.slug, &locales).unwrap(), q);
        }
    }

    /// A half-filled translation names its empty fields.
    #[test]
    fn half_translations_are_named() {
        let mut form = QuarterForm {
            name: "Welheim".into(),
            description: "Ein Quartier".into(),
            office_name: "Büro".into(),
            office_street: "Weg 1".into(),
            office_postcode: "46238".into(),
            office_city: "Bottrop".into(),
            hours: "Mo 9–12".into(),
            ..Default::default()
        };
        form.texts.insert("ar".into(), QuarterTextForm { name: "فيلهايم".into(), ..Default::default() });
        let fields: Vec<_> = validate_quarter(&form, "welheim", &["ar".into()])
            .unwrap_err()
            .into_iter()
            .map(|i| i.field)
            .collect();
        assert_eq!(fields, vec!["texts.ar.description", "texts.ar.hours"]);
    }
}
