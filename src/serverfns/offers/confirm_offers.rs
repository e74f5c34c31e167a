//! "Still running": confirming offers, one or many at once.

use crate::error::AppError;
use leptos::prelude::*;

/// Sets the last-confirmed date of every offer in `ids` to today; all or nothing.
#[server]
pub async fn confirm_offers(ids: Vec<i64>) -> Result<(), AppError> {
    use crate::domain::policy::Action;
    let staff = crate::auth::staff().await?;
    let result = async {
        let db = super::super::db()?;
        if ids.is_empty() || ids.len() > 1000 {
            return Err(AppError::Invalid { field: "ids".into(), reason: "required".into() });
        }
        for id in &ids {
            staff.require(Action::ConfirmOffer, &crate::editing::offers::scope_of(&db, *id).await?)?;
        }
        let today = crate::clock::local_now(super::super::calendar()?.tz).date();
        Ok(db.confirm_offers(&ids, today, staff.actor()?).await?)
    }
    .await;
    crate::serverfns::respond::answer(result, None, "confirmed")
}
