//! Disabling (or re-enabling) a staff account; disabling ends its sessions at once.

use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn set_user_disabled(user: i64, disabled: bool) -> Result<(), AppError> {
    use crate::domain::policy::Action;
    let staff = crate::auth::staff().await?;
    let result = async {
        staff.require(Action::ManageUsers, &Default::default())?;
        let me = staff.actor()?;
        if me.user_id == user && disabled {
            return Err(AppError::Invalid { field: "user".into(), reason: "not_yourself".into() });
        }
        Ok(super::super::db()?.set_user_disabled(user, disabled, me).await?)
    }
    .await;
    let done = if disabled { "disabled" } else { "enabled" };
    crate::serverfns::respond::answer(result, None, done)
}
