//! Setting up the second factor: the secret for the authenticator app, as a QR code.

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

/// The candidate secret that signing in put into the session. A page only reads, so every
/// view shows the same QR code until a code confirms it.
#[server]
pub async fn get_totp_setup() -> Result<TotpSetup, AppError> {
    let staff = crate::auth::staff().await?;
    let Some(actor) = staff.actor.clone() else { return Err(AppError::Unauthorized) };
    let candidate = staff.auth.session.get::<String>(super::confirm_totp::CANDIDATE).await.ok().flatten();
    let secret = candidate.ok_or(AppError::NotFound)?;
    let url = crate::auth::totp::provisioning_url(&secret, &actor.email).ok_or(AppError::Internal)?;
    let enrolled = staff.auth.user.as_ref().is_some_and(|u| u.account.totp_secret.is_some());
    Ok(TotpSetup { qr_svg: crate::qr::svg(&url, "QR"), secret, enrolled })
}
