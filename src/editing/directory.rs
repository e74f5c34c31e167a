//! Saving places, organisations and quarters from their staff forms.

use super::{locales, SaveError};
use crate::auth::Staff;
use crate::db::Db;
use crate::domain::organisation_form::{validate_organisation, OrganisationForm};
use crate::domain::place_form::{validate_place, PlaceForm};
use crate::domain::policy::{Action, Scope};
use crate::domain::quarter_form::{validate_quarter, QuarterForm};

fn version(v: &str) -> Option<i64> {
    v.trim().parse().ok()
}

fn owned_locales() -> Vec<String> {
    locales().into_iter().map(String::from).collect()
}

/// Checks and saves place `id` (or a new one); returns its id.
pub async fn save_place(db: &Db, staff: &Staff, id: Option<i64>, form: &PlaceForm) -> Result<i64, SaveError> {
    let actor = staff.actor()?;
    let stored = match id {
        Some(id) => {
            let s = db.get_stored_place(id).await?;
            staff.require(Action::EditPlace, &s.scope)?;
            Some(s)
        }
        None => None,
    };
    let options = db.get_form_options().await?;
    let slugs =
        |l: &[crate::domain::offer_form::Choice]| l.iter().map(|c| c.slug.clone()).collect::<Vec<_>>();
    let record =
        validate_place(form, &slugs(&options.quarters), &slugs(&options.organisations), &owned_locales())
            .map_err(SaveError::Fields)?;
    let scope = Scope {
        organisation: match &record.organisation {
            Some(o) => Some(db.get_organisation_id(o).await?),
            None => None,
        },
        quarters: vec![db.get_quarter_id(&record.quarter).await?],
        ..Default::default()
    };
    let Some(stored) = stored else {
        staff.require(Action::CreatePlace, &scope)?;
        return Ok(db.create_place(&record, actor).await?);
    };
    staff.require(Action::EditPlace, &scope)?;
    if version(&form.version) != Some(stored.version) {
        return Err(SaveError::Conflict);
    }
    db.update_place(&stored, &record, actor).await?;
    Ok(stored.id)
}

/// Checks and saves organisation `id` (or a new one); changing whether editors need approval
/// is for coordinators and administrators.
pub async fn save_organisation(
    db: &Db,
    staff: &Staff,
    id: Option<i64>,
    form: &OrganisationForm,
) -> Result<i64, SaveError> {
    let actor = staff.actor()?;
    let record = match id {
        Some(id) => {
            let stored = db.get_stored_organisation(id).await?;
            staff.require(Action::EditOrganisation, &stored.scope)?;
            let record = validate_organisation(form).map_err(SaveError::Fields)?;
            if record.editors_publish != stored.record.editors_publish {
                staff.require(Action::SetOrganisationApproval, &stored.scope)?;
            }
            if version(&form.version) != Some(stored.version) {
                return Err(SaveError::Conflict);
            }
            db.update_organisation(&stored, &record, actor).await?;
            return Ok(stored.id);
        }
        None => validate_organisation(form).map_err(SaveError::Fields)?,
    };
    staff.require(Action::CreateOrganisation, &Scope::default())?;
    Ok(db.create_organisation(&record, actor).await?)
}

/// Checks and saves quarter `id` (administrators).
pub async fn save_quarter(db: &Db, staff: &Staff, id: i64, form: &QuarterForm) -> Result<i64, SaveError> {
    let actor = staff.actor()?;
    let stored = db.get_stored_quarter(id).await?;
    staff.require(Action::EditQuarter, &Scope { quarters: vec![id], ..Default::default() })?;
    let record = validate_quarter(form, &stored.record.slug, &owned_locales()).map_err(SaveError::Fields)?;
    if version(&form.version) != Some(stored.version) {
        return Err(SaveError::Conflict);
    }
    db.update_quarter(&stored, &record, actor).await?;
    Ok(id)
}
