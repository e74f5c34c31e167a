//! Undoing a delete: administrators bring an archived offer back.

use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn restore_offer(id: i64) -> Result<(), AppError> {
    use crate::domain::policy::Action;
    let staff = crate::auth::staff().await?;
    let result = async {
        let db = super::super::db()?;
        staff.require(Action::RestoreOffer, &crate::editing::offers::scope_of(&db, id).await?)?;
        Ok(db.restore_offer(id, staff.actor()?).await?)
    }
    .await;
    crate::serverfns::respond::answer(result, None, "restored")
}
