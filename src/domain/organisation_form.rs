//! The staff form of an organisation (Träger): as posted, and checked into an [`OrganisationRecord`].

use super::category::OrgKind;
use super::document::OrganisationRecord;
use super::form::{on, Issues};
use super::schedule::validate::FieldIssue;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationForm {
    pub version: String,
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub phone: String,
    pub email: String,
    pub website: String,
    pub description: String,
    /// Ticked: editors publish directly; not ticked: their changes wait for approval.
    pub editors_publish: String,
}

impl OrganisationForm {
    pub fn from_record(r: &OrganisationRecord, version: i64) -> Self {
        OrganisationForm {
            version: version.to_string(),
            slug: r.slug.clone(),
            name: r.name.clone(),
            kind: r.kind.code().to_owned(),
            phone: r.phone.clone().unwrap_or_default(),
            email: r.email.clone().unwrap_or_default(),
            website: r.website.clone().unwrap_or_default(),
            description: r.description.clone(),
            editors_publish: if r.editors_publish { "on".into() } else { String::new() },
        }
    }
}

pub fn validate_organisation(form: &OrganisationForm) -> Result<OrganisationRecord, Vec<FieldIssue>> {
    let mut is = Issues::default();
    let slug = is.slug("slug", &form.slug);
    let name = is.text("name", &form.name, 160, true).unwrap_or_default();
    let kind = form.kind.parse::<OrgKind>().unwrap_or_else(|_| {
        is.add("kind", if form.kind.trim().is_empty() { "required" } else { "unknown_choice" });
        OrgKind::Initiative
    });
    let phone = is.phone("phone", &form.phone);
    let email = is.email("email", &form.email);
    let website = is.text("website", &form.website, 300, false);
    if let Some(w) = &website {
        let ok = (w.starts_with("https://") || w.starts_with("http://"))
            && w.len() > 10
            && !w.contains(char::is_whitespace);
        if !ok {
            is.add("website", "website_invalid");
        }
    }
    let description =
        is.text("description", &form.description, super::offer_form::MAX_TEXT, false).unwrap_or_default();
    is.finish(OrganisationRecord {
        slug,
        name,
        kind,
        phone,
        email,
        website,
        description,
        editors_publish: on(&form.editors_publish),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every demo organisation comes back unchanged through its form.
    #[test]
    fn demo_organisations_round_trip() {
        let d: super::super::document::CityDocument =
            serde_json::from_str(include_str!("../demo/demo_city.json")).unwrap();
        for o in &d.organisations {
            assert_eq!(&validate_organisation(&OrganisationForm::from_record(o, 1)).unwrap(), o);
        }
    }

    /// A web address must be http(s); a wrong kind is named.
    #[test]
    fn names_wrong_fields() {
        let form = OrganisationForm {
            slug: "neu".into(),
            name: "Neu".into(),
            kind: "club-house".into(),
            website: "javascript:alert(1)".into(),
            ..Default::default()
        };
        let fields: Vec<_> = validate_organisation(&form).unwrap_err().into_iter().map(|i| i.field).collect();
        assert_eq!(fields, vec!["kind", "website"]);
    }
}
