//! Signing out: the session is deleted from the database and its cookie removed.

use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn sign_out() -> Result<(), AppError> {
    let staff = crate::auth::staff().await?;
    let mut auth = staff.auth;
    auth.logout().await.map_err(|e| {
        tracing::error!(error = ?e, "sign-out");
        AppError::Internal
    })?;
    crate::serverfns::respond::redirect(&format!(
        "/{}/staff/sign-in?signed_out=1",
        crate::serverfns::respond::page_locale()
    ));
    Ok(())
}
