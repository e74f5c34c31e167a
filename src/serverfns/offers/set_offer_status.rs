//! Publishing, unpublishing and deleting (archiving) an offer.

use crate::error::AppError;
use leptos::prelude::*;

/// Moves offer `id`, seen at `version`, to `status` (`published`, `draft`, `archived`).
/// Editors whose organisation needs approval ask for publication instead.
#[server]
pub async fn set_offer_status(id: i64, version: i64, status: String) -> Result<(), AppError> {
    use crate::domain::category::OfferStatus;
    use crate::domain::policy::Decision;
    let staff = crate::auth::staff().await?;
    let result = async {
        let status: OfferStatus = status
            .parse()
            .map_err(|_| AppError::Invalid { field: "status".into(), reason: "unknown_choice".into() })?;
        let d = crate::editing::offers::set_status(&super::super::db()?, &staff, id, version, status).await?;
        Ok((status, d))
    }
    .await;
    let done = match &result {
        Ok((_, Decision::Submit)) => "submitted",
        Ok((OfferStatus::Published, _)) => "published",
        Ok((OfferStatus::Archived, _)) => "archived",
        _ => "saved",
    };
    let result = result.map(|_| ());
    crate::serverfns::respond::answer(result, None, done)
}
