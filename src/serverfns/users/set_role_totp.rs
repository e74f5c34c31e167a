//! Requiring a second factor for a role.

use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn set_role_totp(role: String, required: bool) -> Result<(), AppError> {
    use crate::domain::policy::Action;
    let staff = crate::auth::staff().await?;
    let result = async {
        staff.require(Action::ManageUsers, &Default::default())?;
        let role = role
            .parse()
            .map_err(|_| AppError::Invalid { field: "role".into(), reason: "unknown_choice".into() })?;
        Ok(super::super::db()?.set_role_totp(role, required, staff.actor()?).await?)
    }
    .await;
    crate::serverfns::respond::answer(result, None, "saved")
}
