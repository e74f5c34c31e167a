//! Saving the city's look from the administrators' identity page.

use super::SaveError;
use crate::auth::Staff;
use crate::db::Db;
use crate::domain::identity::IdentityForm;
use crate::domain::policy::{Action, Scope};

/// Checks and saves the identity form (its logos are uploaded one by one).
pub async fn save_identity(db: &Db, staff: &Staff, form: &IdentityForm) -> Result<i64, SaveError> {
    let actor = staff.actor()?;
    staff.require(Action::EditIdentity, &Scope::default())?;
    let values = form.check().map_err(SaveError::Fields)?;
    let stored = db.get_identity().await?;
    if form.version.trim().parse::<i64>().ok() != Some(stored.version) {
        return Err(SaveError::Conflict);
    }
    db.save_identity(actor, stored.version, &values).await?;
    Ok(1)
}
