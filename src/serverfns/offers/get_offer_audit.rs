//! The audit log of one offer, for administrators and its quarters' coordinators.

use crate::domain::audit::AuditEntry;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferAudit {
    pub title: String,
    pub entries: Vec<AuditEntry>,
}

#[server]
pub async fn get_offer_audit(id: i64) -> Result<OfferAudit, AppError> {
    use crate::domain::audit::Entity;
    use crate::domain::policy::Action;
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let stored = db.get_stored_offer(id).await?;
    staff.require(Action::ReadAudit, &stored.scope)?;
    Ok(OfferAudit { title: stored.record.title, entries: db.list_audit(Entity::Offer, id).await? })
}
