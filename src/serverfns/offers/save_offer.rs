//! Saving the offer form (a plain form post; works without JavaScript).

use crate::domain::offer_form::OfferForm;
use crate::error::AppError;
use leptos::prelude::*;

/// Saves offer `id` (or creates one when `None`). Wrong fields, a newer version saved meanwhile,
/// or missing rights change nothing: the browser is sent back to the form, which shows why and
/// keeps everything typed; script callers get the error. Returns the offer's id.
#[server]
pub async fn save_offer(id: Option<i64>, form: OfferForm) -> Result<i64, AppError> {
    use crate::editing::offers::Saved;
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let lang = crate::serverfns::respond::page_locale();
    let result = crate::editing::offers::save_offer(&db, &super::super::calendar()?, &staff, id, &form).await;
    let done = match &result {
        Ok(Saved::Created(_)) => "created",
        Ok(Saved::Submitted(_)) => "submitted",
        _ => "saved",
    };
    let result = result.map(|s| match s {
        Saved::Created(id) | Saved::Updated(id) | Saved::Submitted(id) => id,
    });
    let next = |id| format!("/{lang}/staff/offers/{id}");
    crate::serverfns::flash::finish_save(&staff, "offer", id, form, result, next, done).await
}
