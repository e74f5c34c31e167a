//! A whole city as one serialisable document: quarters, organisations, places and offers with
//! their texts. The demo city is such a document; imports will extend it.

use super::age::{AgeRange, AgeRangeError};
use super::category::{Audience, Category, OfferStatus, OrgKind};
use super::holidays::HolidayCalendar;
use super::schedule::validate::{parse_schedule, ScheduleInput};
use super::slug::{check_slug, SlugError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

mod forms;

/// Everything the database holds about a city's offers. `S` is how schedules are written: the
/// flat form fields ([`ScheduleInput`], the demo city and the forms) or iCalendar fields
/// ([`super::exchange::IcalSchedule`], the documented import/export format).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CityDocument<S = ScheduleInput> {
    pub quarters: Vec<QuarterRecord>,
    pub organisations: Vec<OrganisationRecord>,
    pub places: Vec<PlaceRecord>,
    pub offers: Vec<OfferRecord<S>>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuarterRecord {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub office: OfficeRecord,
    /// Translated texts per locale code; German is the record itself.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, QuarterTextRecord>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuarterTextRecord {
    pub name: String,
    pub description: String,
    pub hours: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfficeRecord {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub phone: Option<String>,
    pub hours: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationRecord {
    pub slug: String,
    pub name: String,
    pub kind: OrgKind,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub description: String,
    /// Its editors publish directly (`true`) or their changes wait for a coordinator's approval.
    #[serde(default = "publish_directly", skip_serializing_if = "is_true")]
    pub editors_publish: bool,
}

fn publish_directly() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceRecord {
    pub slug: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub quarter: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub step_free: bool,
    pub accessible_toilet: bool,
    pub opening_hours: Option<String>,
    /// Translated names per locale code; German is `name`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub name_translations: BTreeMap<String, String>,
    /// The organisation that runs the place (its editors may edit it), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferRecord<S = ScheduleInput> {
    pub slug: String,
    pub title: String,
    pub description: String,
    /// The description in easy German (Leichte Sprache).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_description: Option<String>,
    pub organisation: String,
    pub place: String,
    pub quarters: Vec<String>,
    pub category: Category,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub audiences: Vec<Audience>,
    pub free: bool,
    pub cost_text: Option<String>,
    pub languages: Vec<String>,
    pub registration_required: bool,
    pub registration_text: Option<String>,
    pub contact: ContactRecord,
    pub status: OfferStatus,
    pub last_confirmed: NaiveDate,
    pub schedules: Vec<S>,
    /// Translated title and description per locale code; German is the record itself.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, TextRecord>,
    /// A note for staff and guides only; never shown to residents.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub internal_note: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRecord {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextRecord {
    pub title: String,
    pub description: String,
}

/// One problem found in a document: where it is (`offers/yoga/place`, or `line 3, column 7`
/// for broken JSON), a reason code (translated on staff pages, English on the command line via
/// `Display`) and the text at fault.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentError {
    pub path: String,
    pub reason: String,
    pub detail: Option<String>,
}

impl DocumentError {
    pub fn new(path: impl Into<String>, reason: &str, detail: Option<String>) -> Self {
        DocumentError { path: path.into(), reason: reason.into(), detail }
    }
}

impl std::fmt::Display for DocumentError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::reason::describe(&self.path, &self.reason, self.detail.as_deref()))
    }
}

impl std::error::Error for DocumentError {}

/// Checks slugs, references, age ranges, slots and required texts. Returns every problem at once.
pub fn validate(doc: &CityDocument) -> Result<(), Vec<DocumentError>> {
    let mut errors = Vec::new();
    let mut err = |path: String, reason: &str, detail: Option<&str>| {
        errors.push(DocumentError::new(path, reason, detail.map(str::to_owned)))
    };
    let quarters = unique_slugs("quarters", doc.quarters.iter().map(|q| &q.slug), &mut err);
    let orgs = unique_slugs("organisations", doc.organisations.iter().map(|o| &o.slug), &mut err);
    let places = unique_slugs("places", doc.places.iter().map(|p| &p.slug), &mut err);
    unique_slugs("offers", doc.offers.iter().map(|o| &o.slug), &mut err);

    for q in &doc.quarters {
        if q.name.trim().is_empty() {
            err(format!("quarters/{}/name", q.slug), "required", None);
        }
    }
    for p in &doc.places {
        if !quarters.contains(p.quarter.as_str()) {
            err(format!("places/{}/quarter", p.slug), "unknown_choice", Some(&p.quarter));
        }
        if p.lat.is_some() != p.lon.is_some() {
            err(format!("places/{}", p.slug), "coordinates_together", None);
        }
    }
    for o in &doc.offers {
        let at = |field: &str| format!("offers/{}/{field}", o.slug);
        if o.title.trim().is_empty() {
            err(at("title"), "required", None);
        }
        if !orgs.contains(o.organisation.as_str()) {
            err(at("organisation"), "unknown_choice", Some(&o.organisation));
        }
        if !places.contains(o.place.as_str()) {
            err(at("place"), "unknown_choice", Some(&o.place));
        }
        if o.quarters.is_empty() {
            err(at("quarters"), "required", None);
        }
        for q in o.quarters.iter().filter(|q| !quarters.contains(q.as_str())) {
            err(at("quarters"), "unknown_choice", Some(q));
        }
        if let Err(e) = AgeRange::new(o.age_min, o.age_max) {
            let reason = match e {
                AgeRangeError::TooHigh => "age_range",
                AgeRangeError::MinAboveMax => "age_order",
            };
            err(at("age"), reason, None);
        }
        for (i, s) in o.schedules.iter().enumerate() {
            if let Err(issues) = parse_schedule(s, &HolidayCalendar::default()) {
                for issue in issues {
                    err(at(&format!("schedules/{i}/{}", issue.field)), &issue.reason, None);
                }
            }
            let exception_places = s.exceptions.iter().filter_map(|e| e.place.as_ref());
            for p in s.place.iter().chain(exception_places).filter(|p| !places.contains(p.as_str())) {
                err(at(&format!("schedules/{i}/place")), "unknown_choice", Some(p));
            }
        }
        for (locale, t) in &o.translations {
            if t.title.trim().is_empty() {
                err(at(&format!("translations/{locale}/title")), "required", None);
            }
        }
    }
    // With the structure sound, every record must also pass its staff form's rules.
    if errors.is_empty() {
        errors = forms::form_errors(doc);
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn unique_slugs<'a>(
    list: &str,
    slugs: impl Iterator<Item = &'a String>,
    err: &mut impl FnMut(String, &str, Option<&str>),
) -> HashSet<&'a str> {
    let mut seen = HashSet::new();
    for s in slugs {
        match check_slug(s) {
            Ok(()) => {}
            Err(SlugError::Reserved(_)) => err(format!("{list}/{s}"), "slug_reserved", None),
            Err(_) => err(format!("{list}/{s}"), "slug_invalid", None),
        }
        if !seen.insert(s.as_str()) {
            err(format!("{list}/{s}"), "csv_twice", None);
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc() -> CityDocument {
        serde_json::from_str(include_str!("../demo/demo_city.json")).unwrap()
    }

    /// The demo city is a valid document.
    #[test]
    fn demo_city_is_valid() {
        assert_eq!(validate(&doc()), Ok(()));
    }

    /// Broken references, bad slugs, ages and schedules are all reported, each with its path.
    #[test]
    fn reports_every_problem_with_its_path() {
        let mut d = doc();
        d.offers[0].place = "nowhere".into();
        d.offers[1].age_min = Some(12);
        d.offers[1].age_max = Some(3);
        d.offers[2].schedules[0].days = vec![9];
        d.places[0].slug = "Bad Slug".into();
        let errors = validate(&d).unwrap_err();
        let paths: Vec<_> = errors.iter().map(|e| e.path.as_str()).collect();
        assert!(paths.contains(&format!("offers/{}/place", d.offers[0].slug).as_str()), "{paths:?}");
        assert!(paths.contains(&format!("offers/{}/age", d.offers[1].slug).as_str()), "{paths:?}");
        assert!(
            paths.contains(&format!("offers/{}/schedules/0/days", d.offers[2].slug).as_str()),
            "{paths:?}"
        );
        assert!(paths.contains(&"places/Bad Slug"), "{paths:?}");
    }

    /// A slug used twice is reported.
    #[test]
    fn duplicate_slugs_are_reported() {
        let mut d = doc();
        let dup = d.quarters[0].clone();
        d.quarters.push(dup);
        let errors = validate(&d).unwrap_err();
        assert!(errors.iter().any(|e| e.reason == "csv_twice"));
    }
}
