//! Saving an offer from the staff form.

use crate::auth::Staff;
use crate::config::CalendarSettings;
use crate::db::{Db, StoredOffer};
use crate::domain::category::OfferStatus;
use crate::domain::document::OfferRecord;
use crate::domain::offer_form::validate::validate_offer_form;
use crate::domain::offer_form::OfferForm;
use crate::domain::policy::{Action, Decision, Scope};
use crate::error::AppError;

pub use super::SaveError;

/// What became of a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Saved {
    Created(i64),
    Updated(i64),
    /// Put aside for a coordinator's approval.
    Submitted(i64),
}

/// Checks `form` and saves it as offer `id` (or a new offer), as `staff` may.
pub async fn save_offer(
    db: &Db,
    settings: &CalendarSettings,
    staff: &Staff,
    id: Option<i64>,
    form: &OfferForm,
) -> Result<Saved, SaveError> {
    let actor = staff.actor()?;
    let stored = match id {
        Some(id) => {
            let stored = db.get_stored_offer(id).await?;
            staff.require(Action::EditOffer, &stored.scope)?;
            Some(stored)
        }
        None => None,
    };
    let today = crate::clock::local_now(settings.tz).date();
    let (status, confirmed) =
        stored.as_ref().map_or((OfferStatus::Draft, today), |s| (s.record.status, s.record.last_confirmed));
    let cal = crate::service::holiday_calendar(db, settings, today).await?;
    let choices = db.get_form_options().await?.choices(&super::locales());
    let record = validate_offer_form(form, &choices, &cal, status, confirmed).map_err(SaveError::Fields)?;
    let mut scope = db.get_new_offer_scope(&record.organisation, &record.quarters).await?;
    let Some(stored) = stored else {
        staff.require(Action::CreateOffer, &scope)?;
        return Ok(Saved::Created(db.create_offer(&record, Some(actor)).await?));
    };
    scope.published = stored.scope.published;
    let decision = staff.require(Action::EditOffer, &scope)?;
    if form.version.trim().parse::<i64>().ok() != Some(stored.version) {
        return Err(SaveError::Conflict);
    }
    save_stored(db, staff, &stored, &record, decision).await
}

async fn save_stored(
    db: &Db,
    staff: &Staff,
    stored: &StoredOffer,
    record: &OfferRecord,
    decision: Decision,
) -> Result<Saved, SaveError> {
    let actor = staff.actor()?;
    if decision == Decision::Submit {
        db.submit_offer(stored, record, false, actor).await?;
        return Ok(Saved::Submitted(stored.id));
    }
    db.update_offer(stored, record, Some(actor), "update").await?;
    Ok(Saved::Updated(stored.id))
}

/// Changes the status of offer `id` from `version`: publish (or ask for it), unpublish, archive.
pub async fn set_status(
    db: &Db,
    staff: &Staff,
    id: i64,
    version: i64,
    status: OfferStatus,
) -> Result<Decision, AppError> {
    let stored = db.get_stored_offer(id).await?;
    let action = match status {
        OfferStatus::Published => Action::PublishOffer,
        OfferStatus::Draft => Action::EditOffer,
        OfferStatus::Archived => Action::ArchiveOffer,
    };
    let decision = staff.require(action, &stored.scope)?;
    // Only publishing waits for approval; taking an offer off the board never does, and it
    // leaves a pending submission as it is.
    if decision == Decision::Submit && status == OfferStatus::Published {
        db.submit_offer(&stored, &stored.record, true, staff.actor()?).await?;
    } else {
        db.set_offer_status(id, version, status, Some(staff.actor()?)).await?;
    }
    Ok(if status == OfferStatus::Published { decision } else { Decision::Allow })
}

/// The scope of an offer, for read permissions.
pub async fn scope_of(db: &Db, id: i64) -> Result<Scope, AppError> {
    Ok(db.get_stored_offer(id).await?.scope)
}
