//! A password-reset link for a staff member; their sessions end when they use it.

use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn reset_link(user: i64) -> Result<(), AppError> {
    use crate::domain::policy::Action;
    let staff = crate::auth::staff().await?;
    let result = async {
        staff.require(Action::ManageUsers, &Default::default())?;
        super::super::db()?.get_account(user).await?.ok_or(AppError::NotFound)?;
        super::make_link(&staff, crate::db::LinkPurpose::Reset { user_id: user }).await
    }
    .await;
    crate::serverfns::respond::answer(result, None, "reset_link")
}
