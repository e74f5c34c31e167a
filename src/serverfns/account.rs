//! Server functions of signing in and out, second factors and invitation links.

mod accept_link;
mod confirm_totp;
mod get_link;
mod get_staff_frame;
mod get_totp_setup;
mod sign_in;
mod sign_out;
mod verify_code;

pub use accept_link::{accept_link, AcceptLink};
pub use confirm_totp::{confirm_totp, ConfirmTotp};
pub use get_link::{get_link, LinkInfo};
pub use get_staff_frame::{get_staff_frame, StaffFrame};
pub use get_totp_setup::{get_totp_setup, TotpSetup};
pub use sign_in::{sign_in, SignIn};
pub use sign_out::{sign_out, SignOut};
pub use verify_code::{verify_code, VerifyCode};

/// Session keys of the half-finished sign-in (password checked, code not yet).
#[cfg(feature = "ssr")]
const PENDING_USER: &str = "pending_user";
#[cfg(feature = "ssr")]
const PENDING_AT: &str = "pending_at";

/// The caller's address: the TCP peer (a reverse proxy's forwarded address is not trusted here).
#[cfg(feature = "ssr")]
fn client_ip() -> Option<std::net::IpAddr> {
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
    parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip())
}

/// Signs the account in: new session ID, sign-in time for the absolute timeout.
#[cfg(feature = "ssr")]
async fn complete_sign_in(
    auth: &mut crate::auth::AuthSession,
    user: &crate::auth::SignedIn,
) -> Result<(), crate::error::AppError> {
    let fail = |e: &dyn std::fmt::Debug| {
        tracing::error!(error = ?e, "sign-in session");
        crate::error::AppError::Internal
    };
    auth.login(user).await.map_err(|e| fail(&e))?;
    auth.session
        .insert(crate::auth::guard::SIGNED_IN_AT, chrono::Utc::now().timestamp())
        .await
        .map_err(|e| fail(&e))?;
    // A second-factor secret ready to be set up on the account page (pages never write).
    auth.session
        .insert(confirm_totp::CANDIDATE, crate::auth::totp::new_secret())
        .await
        .map_err(|e| fail(&e))?;
    tracing::info!(event = "sign_in", user = user.account.actor.user_id, "signed in");
    Ok(())
}
