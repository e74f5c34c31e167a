//! Removing one of the logos (a plain form post).

use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn delete_identity_image(id: i64) -> Result<(), AppError> {
    use crate::domain::policy::{Action, Scope};
    let staff = crate::auth::staff().await?;
    let result = async {
        staff.require(Action::EditIdentity, &Scope::default())?;
        Ok(super::super::db()?.delete_identity_image(staff.actor()?, id).await?)
    }
    .await;
    let lang = crate::serverfns::respond::page_locale();
    crate::serverfns::respond::answer(result, Some(format!("/{lang}/staff/identity")), "deleted")
}
