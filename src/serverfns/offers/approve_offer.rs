//! Approving an editor's submitted changes (or publication request).

use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn approve_offer(id: i64) -> Result<(), AppError> {
    use crate::domain::policy::Action;
    let staff = crate::auth::staff().await?;
    let result = async {
        let db = super::super::db()?;
        let stored = db.get_stored_offer(id).await?;
        staff.require(Action::ApproveOffer, &stored.scope)?;
        Ok(db.approve_submission(&stored, staff.actor()?).await?)
    }
    .await;
    crate::serverfns::respond::answer(result, None, "approved")
}
