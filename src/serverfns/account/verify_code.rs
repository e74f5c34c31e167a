//! The second step of signing in: the code from the authenticator app.

use crate::error::AppError;
use leptos::prelude::*;

/// Checks the six-digit code of the account that passed the password step (within 5 minutes).
#[server]
pub async fn verify_code(code: String) -> Result<(), AppError> {
    use crate::auth::limit::{SignInLimits, Verdict};
    use crate::serverfns::respond;
    let staff = crate::auth::staff().await?;
    let mut auth = staff.auth;
    let lang = respond::page_locale();
    let pending: Option<i64> = auth.session.get(super::PENDING_USER).await.ok().flatten();
    let at: i64 = auth.session.get(super::PENDING_AT).await.ok().flatten().unwrap_or(0);
    let fresh = chrono::Utc::now().timestamp() - at < 300;
    let db = super::super::db()?;
    let account = match pending.filter(|_| fresh) {
        Some(id) => db.get_account(id).await?.filter(|a| !a.disabled),
        None => None,
    };
    let Some(account) = account else {
        return respond::fail(AppError::Unauthorized, Some(format!("/{lang}/staff/sign-in")));
    };
    let limits = use_context::<std::sync::Arc<SignInLimits>>().ok_or(AppError::Internal)?;
    let ip = super::client_ip();
    let refused = match limits.verdict(&account.actor.email, ip) {
        Verdict::Refused => true,
        Verdict::After(wait) => {
            tokio::time::sleep(wait).await;
            false
        }
    };
    // A code counts once: its time step must be newer than the last one used (no replay).
    let step = account.totp_secret.as_deref().and_then(|s| crate::auth::totp::matching_step(s, &code));
    let ok = !refused
        && match step {
            Some(step) => db.claim_totp_step(account.actor.user_id, step).await?,
            None => false,
        };
    if !ok {
        limits.fail(&account.actor.email, ip);
        tracing::warn!(event = "second_factor_failed", user = account.actor.user_id, "wrong code");
        return respond::fail(AppError::Unauthorized, Some(format!("/{lang}/staff/two-factor?failed=1")));
    }
    let _ = auth.session.remove::<i64>(super::PENDING_USER).await;
    super::complete_sign_in(&mut auth, &crate::auth::SignedIn::new(account)).await?;
    respond::redirect(&format!("/{lang}/staff"));
    Ok(())
}
