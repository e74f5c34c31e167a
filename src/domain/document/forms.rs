//! A city document's records checked by the same rules as the staff forms (lengths, addresses,
//! phone numbers, web addresses, schedules), so an import cannot bring in what a form refuses —
//! a `javascript:` website, say, that the API would then hand out.

use super::{CityDocument, DocumentError};
use crate::domain::holidays::HolidayCalendar;
use crate::domain::offer_form::validate::{validate_offer_form, Choices};
use crate::domain::offer_form::OfferForm;
use crate::domain::organisation_form::{validate_organisation, OrganisationForm};
use crate::domain::place_form::{validate_place, PlaceForm};
use crate::domain::quarter_form::{validate_quarter, QuarterForm};
use crate::domain::schedule::validate::FieldIssue;
use std::collections::BTreeSet;

/// Every record's form problems, at `<list>/<slug>/<field>`.
pub fn form_errors(doc: &CityDocument) -> Vec<DocumentError> {
    let slugs = |it: &mut dyn Iterator<Item = &String>| it.cloned().collect::<Vec<_>>();
    let quarters = slugs(&mut doc.quarters.iter().map(|q| &q.slug));
    let organisations = slugs(&mut doc.organisations.iter().map(|o| &o.slug));
    let places = slugs(&mut doc.places.iter().map(|p| &p.slug));
    // The locales the document itself uses: the installation's list is checked elsewhere.
    let mut locales: BTreeSet<String> = ["de".to_owned()].into();
    locales.extend(doc.quarters.iter().flat_map(|q| q.translations.keys().cloned()));
    locales.extend(doc.places.iter().flat_map(|p| p.name_translations.keys().cloned()));
    locales.extend(doc.offers.iter().flat_map(|o| o.translations.keys().cloned()));
    let locales: Vec<String> = locales.into_iter().collect();
    let choices =
        Choices { organisations: organisations.clone(), places, quarters: quarters.clone(), locales };
    let mut out = Vec::new();
    let mut add = |list: &str, slug: &str, issues: Vec<FieldIssue>| {
        out.extend(
            issues
                .into_iter()
                .map(|i| DocumentError::new(format!("{list}/{slug}/{}", i.field), &i.reason, None)),
        )
    };
    for q in &doc.quarters {
        if let Err(issues) = validate_quarter(&QuarterForm::from_record(q, 0), &q.slug, &choices.locales) {
            add("quarters", &q.slug, issues);
        }
    }
    for o in &doc.organisations {
        if let Err(issues) = validate_organisation(&OrganisationForm::from_record(o, 0)) {
            add("organisations", &o.slug, issues);
        }
    }
    for p in &doc.places {
        if let Err(issues) =
            validate_place(&PlaceForm::from_record(p, 0), &quarters, &organisations, &choices.locales)
        {
            add("places", &p.slug, issues);
        }
    }
    let cal = HolidayCalendar::default();
    for o in &doc.offers {
        let form = OfferForm::from_record(o, 0);
        if let Err(issues) = validate_offer_form(&form, &choices, &cal, o.status, o.last_confirmed) {
            add("offers", &o.slug, issues);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> CityDocument {
        serde_json::from_str(include_str!("../../demo/demo_city.json")).unwrap()
    }

    /// The demo city passes; a `javascript:` website, an overlong title and a bad e-mail do not,
    /// each named at its record and field.
    #[test]
    fn import_applies_the_form_rules() {
        assert_eq!(form_errors(&demo()), vec![]);
        let mut doc = demo();
        doc.organisations[0].website = Some("javascript:alert(1)".into());
        doc.offers[0].title = "x".repeat(500);
        doc.places[0].postcode = "ABC".into();
        let paths: Vec<String> =
            form_errors(&doc).into_iter().map(|e| format!("{} {}", e.path, e.reason)).collect();
        assert!(
            paths.contains(&format!("organisations/{}/website website_invalid", doc.organisations[0].slug)),
            "{paths:?}"
        );
        assert!(paths.iter().any(|p| p.starts_with(&format!("offers/{}/", doc.offers[0].slug))), "{paths:?}");
        assert!(
            paths.contains(&format!("places/{}/postcode postcode_invalid", doc.places[0].slug)),
            "{paths:?}"
        );
    }
}
