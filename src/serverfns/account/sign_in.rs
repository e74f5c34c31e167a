//! Signing in with e-mail and password (a plain form: works without JavaScript).

use crate::error::AppError;
use leptos::prelude::*;

/// Signs in, or asks for the second factor next. Wrong address, wrong password, disabled
/// account: one and the same answer, so nobody learns whether an account exists.
#[server]
pub async fn sign_in(email: String, password: String) -> Result<(), AppError> {
    use crate::auth::backend::Credentials;
    use crate::auth::limit::{SignInLimits, Verdict};
    use crate::serverfns::respond;
    let staff = crate::auth::staff().await?;
    let mut auth = staff.auth;
    let lang = respond::page_locale();
    let limits = use_context::<std::sync::Arc<SignInLimits>>().ok_or(AppError::Internal)?;
    let ip = super::client_ip();
    let email = crate::domain::staff::normalise_email(&email).unwrap_or_else(|_| email.trim().to_lowercase());
    let failed = |why: &str| Some(format!("/{lang}/staff/sign-in?failed={why}"));
    match limits.verdict(&email, ip) {
        Verdict::Refused => {
            tracing::warn!(
                event = "sign_in_rate_limited",
                "sign-in refused: too many attempts from this client"
            );
            return respond::fail(AppError::RateLimited, failed("limit"));
        }
        Verdict::After(wait) if !wait.is_zero() => {
            tracing::warn!(
                event = "sign_in_slowed",
                wait_ms = wait.as_millis() as u64,
                "sign-in slowed down"
            );
            tokio::time::sleep(wait).await;
        }
        Verdict::After(_) => {}
    }
    let user = auth.authenticate(Credentials { email: email.clone(), password }).await.map_err(|e| {
        tracing::error!(error = ?e, "sign-in backend");
        AppError::Internal
    })?;
    let Some(user) = user else {
        limits.fail(&email, ip);
        tracing::warn!(event = "sign_in_failed", "sign-in failed");
        return respond::fail(AppError::Unauthorized, failed("1"));
    };
    if user.account.totp_secret.is_some() {
        let session = &auth.session;
        session.insert(super::PENDING_USER, user.account.actor.user_id).await.map_err(internal)?;
        session.insert(super::PENDING_AT, chrono::Utc::now().timestamp()).await.map_err(internal)?;
        respond::redirect(&format!("/{lang}/staff/two-factor"));
        return Ok(());
    }
    super::complete_sign_in(&mut auth, &user).await?;
    respond::redirect(&format!("/{lang}/staff"));
    Ok(())
}

#[cfg(feature = "ssr")]
fn internal(e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "session store");
    AppError::Internal
}
