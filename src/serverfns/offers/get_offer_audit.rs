//! The audit log of one record (offer, place, organisation, quarter), for administrators and
//! the coordinators of its quarters.

use crate::domain::audit::AuditEntry;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordAudit {
    pub title: String,
    pub entries: Vec<AuditEntry>,
}

/// `kind` is the path segment of the record's staff page: `offers`, `places`, `organisations`, `quarters`.
#[server]
pub async fn get_audit(kind: String, id: i64) -> Result<RecordAudit, AppError> {
    use crate::domain::audit::Entity;
    use crate::domain::policy::{Action, Scope};
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let (entity, title, scope) = match kind.as_str() {
        "offers" => {
            let s = db.get_stored_offer(id).await?;
            (Entity::Offer, s.record.title, s.scope)
        }
        "places" => {
            let s = db.get_stored_place(id).await?;
            (Entity::Place, s.record.name, s.scope)
        }
        "organisations" => {
            let s = db.get_stored_organisation(id).await?;
            (Entity::Organisation, s.record.name, s.scope)
        }
        "quarters" => {
            let s = db.get_stored_quarter(id).await?;
            (Entity::Quarter, s.record.name, Scope { quarters: vec![id], ..Default::default() })
        }
        _ => return Err(AppError::NotFound),
    };
    staff.require(Action::ReadAudit, &scope)?;
    Ok(RecordAudit { title, entries: db.list_audit(entity, id).await? })
}
