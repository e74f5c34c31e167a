//! Saving the offer form (a plain form post; works without JavaScript).

use crate::domain::offer_form::OfferForm;
use crate::error::AppError;
use leptos::prelude::*;

/// Saves offer `id` (or creates one when `None`). Wrong fields, a newer version saved meanwhile,
/// or missing rights change nothing: the browser is sent back to the form, which shows why and
/// keeps everything typed; script callers get the error. Returns the offer's id.
#[server]
pub async fn save_offer(id: Option<i64>, form: OfferForm) -> Result<i64, AppError> {
    use crate::editing::offers::{SaveError, Saved};
    use crate::serverfns::respond;
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let lang = respond::page_locale();
    let result = crate::editing::offers::save_offer(&db, &super::super::calendar()?, &staff, id, &form).await;
    let session = &staff.auth.session;
    let (flash, error) = match result {
        Ok(saved) => {
            let (id, done) = match saved {
                Saved::Created(id) => (id, "created"),
                Saved::Updated(id) => (id, "saved"),
                Saved::Submitted(id) => (id, "submitted"),
            };
            let _ = session.remove::<super::FormFlash>(super::FORM_FLASH).await;
            let next = format!("/{lang}/staff/offers/{id}");
            return respond::answer(Ok(id), Some(next), done);
        }
        Err(SaveError::Fields(issues)) => (Some((issues.clone(), false)), AppError::Fields(issues)),
        Err(SaveError::Conflict(_)) => (Some((vec![], true)), AppError::Conflict),
        Err(SaveError::Other(e)) => (None, e),
    };
    if let (Some((issues, conflict)), true) = (flash, staff.actor.is_some()) {
        let kept = super::FormFlash { at: chrono::Utc::now().timestamp(), id, form, issues, conflict };
        let _ = session.insert(super::FORM_FLASH, kept).await;
    }
    respond::answer(Err(error), None, "")
}
