//! The staff form of a place (Einrichtung): as posted (text), and checked into a [`PlaceRecord`].

use super::document::PlaceRecord;
use super::form::{on, Issues};
use super::schedule::validate::FieldIssue;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlaceForm {
    pub version: String,
    pub slug: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub quarter: String,
    pub lat: String,
    pub lon: String,
    pub step_free: String,
    pub accessible_toilet: String,
    pub opening_hours: String,
    /// Slug of the organisation running it; empty for none.
    pub organisation: String,
    /// Translated names per locale.
    pub names: BTreeMap<String, String>,
}

fn flag(b: bool) -> String {
    if b {
        "on".into()
    } else {
        String::new()
    }
}

impl PlaceForm {
    pub fn from_record(r: &PlaceRecord, version: i64) -> Self {
        PlaceForm {
            version: version.to_string(),
            slug: r.slug.clone(),
            name: r.name.clone(),
            street: r.street.clone(),
            postcode: r.postcode.clone(),
            city: r.city.clone(),
            quarter: r.quarter.clone(),
            lat: r.lat.map(|v| v.to_string()).unwrap_or_default(),
            lon: r.lon.map(|v| v.to_string()).unwrap_or_default(),
            step_free: flag(r.step_free),
            accessible_toilet: flag(r.accessible_toilet),
            opening_hours: r.opening_hours.clone().unwrap_or_default(),
            organisation: r.organisation.clone().unwrap_or_default(),
            names: r.name_translations.clone(),
        }
    }
}

/// Checks a place form against the known quarters, organisations and locales (slugs).
pub fn validate_place(
    form: &PlaceForm,
    quarters: &[String],
    organisations: &[String],
    locales: &[String],
) -> Result<PlaceRecord, Vec<FieldIssue>> {
    let mut is = Issues::default();
    let slug = is.slug("slug", &form.slug);
    let name = is.text("name", &form.name, 120, true).unwrap_or_default();
    let street = is.text("street", &form.street, 120, true).unwrap_or_default();
    let postcode = is.text("postcode", &form.postcode, 10, true).unwrap_or_default();
    let german_postcode = postcode.len() == 5 && postcode.chars().all(|c| c.is_ascii_digit());
    if !postcode.is_empty() && !german_postcode {
        is.add("postcode", "postcode_invalid");
    }
    let city = is.text("city", &form.city, 80, true).unwrap_or_default();
    let quarter = is.choice("quarter", &form.quarter, quarters);
    let organisation = (!form.organisation.trim().is_empty())
        .then(|| is.choice("organisation", &form.organisation, organisations));
    let mut coordinate = |field: &str, value: &str, max: f64| match value.trim() {
        "" => None,
        v => match v.replace(',', ".").parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= max => Some(x),
            _ => {
                is.add(field, "coordinate_invalid");
                None
            }
        },
    };
    let (lat, lon) = (coordinate("lat", &form.lat, 90.0), coordinate("lon", &form.lon, 180.0));
    if lat.is_some() != lon.is_some() {
        is.add(if lat.is_none() { "lat" } else { "lon" }, "coordinates_together");
    }
    let mut name_translations = BTreeMap::new();
    for (locale, n) in &form.names {
        if !locales.contains(locale) || locale == "de" {
            is.add(format!("names.{locale}"), "unknown_choice");
        } else if let Some(n) = is.text(&format!("names.{locale}"), n, 120, false) {
            name_translations.insert(locale.clone(), n);
        }
    }
    let opening_hours = is.text("opening_hours", &form.opening_hours, 500, false);
    is.finish(PlaceRecord {
        slug,
        name,
        street,
        postcode,
        city,
        quarter,
        lat,
        lon,
        step_free: on(&form.step_free),
        accessible_toilet: on(&form.accessible_toilet),
        opening_hours,
        name_translations,
        organisation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> super::super::document::CityDocument {
        serde_json::from_str(include_str!("../demo/demo_city.json")).unwrap()
    }

    fn slugs(v: impl Iterator<Item = String>) -> Vec<String> {
        v.collect()
    }

    /// Every demo place comes back unchanged through its form.
    #[test]
    fn demo_places_round_trip() {
        let d = doc();
        let quarters = slugs(d.quarters.iter().map(|q| q.slug.clone()));
        let orgs = slugs(d.organisations.iter().map(|o| o.slug.clone()));
        let locales = slugs(["de", "en", "ru", "ar", "fa", "tr", "uk"].iter().map(|s| s.to_string()));
        for p in &d.places {
            let back = validate_place(&PlaceForm::from_record(p, 1), &quarters, &orgs, &locales).unwrap();
            assert_eq!(&back, p);
        }
    }

    /// Wrong postcode, half coordinates and an unknown quarter are named.
    #[test]
    fn names_wrong_fields() {
        let form = PlaceForm {
            slug: "neuer-ort".into(),
            name: "Neuer Ort".into(),
            street: "Weg 1".into(),
            postcode: "4623".into(),
            city: "Bottrop".into(),
            quarter: "atlantis".into(),
            lat: "51,52".into(),
            ..Default::default()
        };
        let issues = validate_place(&form, &["welheim".into()], &[], &["de".into()]).unwrap_err();
        let fields: Vec<_> = issues.iter().map(|i| i.field.as_str()).collect();
        assert_eq!(fields, vec!["postcode", "quarter", "lon"]);
    }
}
