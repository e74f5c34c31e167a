//! Setting up the second factor: a new secret, shown as a QR code for the authenticator app.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpSetup {
    /// The secret in base32, for typing it in by hand.
    pub secret: String,
    pub qr_svg: Option<String>,
    /// A second factor is set up already (setting up again replaces it).
    pub enrolled: bool,
}

/// A candidate secret kept in the session until a code confirms it.
#[server]
pub async fn get_totp_setup() -> Result<TotpSetup, AppError> {
    let staff = crate::auth::staff().await?;
    let Some(actor) = staff.actor.clone() else { return Err(AppError::Unauthorized) };
    let secret = crate::auth::totp::new_secret();
    staff
        .auth
        .session
        .insert(super::confirm_totp::CANDIDATE, &secret)
        .await
        .map_err(|_| AppError::Internal)?;
    let url = crate::auth::totp::provisioning_url(&secret, &actor.email).ok_or(AppError::Internal)?;
    let enrolled = staff.auth.user.as_ref().is_some_and(|u| u.account.totp_secret.is_some());
    Ok(TotpSetup { qr_svg: crate::qr::svg(&url, "QR"), secret, enrolled })
}
