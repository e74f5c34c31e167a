//! The start of every staff server function: who is calling (from the session), whether the
//! session is still valid, and what the policy says about the wanted action.

use super::AuthSession;
use crate::db::Db;
use crate::domain::policy::{decide, Action, Decision, Scope};
use crate::domain::staff::Actor;
use crate::error::AppError;

/// Session key: when the person signed in (Unix seconds), for the absolute timeout.
pub const SIGNED_IN_AT: &str = "signed_in_at";

/// The caller of a staff server function.
pub struct Staff {
    pub auth: AuthSession,
    pub actor: Option<Actor>,
    /// Signed in, but their role requires a second factor they have not set up yet: only the
    /// set-up is allowed.
    pub must_enrol: bool,
}

/// Reads the caller from the request. Sessions past the absolute timeout are ended here.
pub async fn staff() -> Result<Staff, AppError> {
    let auth: AuthSession = leptos_axum::extract().await.map_err(|e| {
        tracing::error!(error = %e, "no auth session layer");
        AppError::Internal
    })?;
    let db = leptos::prelude::use_context::<Db>().ok_or(AppError::Internal)?;
    staff_of(auth, &db).await
}

/// The same for a plain axum handler that extracted the session itself (downloads).
pub async fn staff_of(mut auth: AuthSession, db: &Db) -> Result<Staff, AppError> {
    let Some(user) = auth.user.clone() else {
        return Ok(Staff { auth, actor: None, must_enrol: false });
    };
    let signed_in_at: i64 = auth.session.get(SIGNED_IN_AT).await.ok().flatten().unwrap_or(0);
    if past_absolute_timeout(signed_in_at, chrono::Utc::now().timestamp()) {
        let _ = auth.logout().await;
        return Ok(Staff { auth, actor: None, must_enrol: false });
    }
    let required =
        db.list_role_settings().await?.iter().any(|(r, req)| *r == user.account.actor.role && *req);
    let must_enrol = required && user.account.totp_secret.is_none();
    Ok(Staff { auth, actor: Some(user.account.actor), must_enrol })
}

/// Whether a session that signed in at `signed_in_at` (Unix seconds; 0 when unknown) is too old.
pub fn past_absolute_timeout(signed_in_at: i64, now: i64) -> bool {
    now - signed_in_at > super::session::ABSOLUTE_SECS
}

impl Staff {
    /// The signed-in person, or `Unauthorized`; `Forbidden` while a required second factor is missing.
    pub fn actor(&self) -> Result<&Actor, AppError> {
        match &self.actor {
            None => Err(AppError::Unauthorized),
            Some(_) if self.must_enrol => Err(AppError::Forbidden),
            Some(a) => Ok(a),
        }
    }

    /// What the policy says about `action` on `scope`; `Forbidden` (or `Unauthorized`) when denied.
    pub fn require(&self, action: Action, scope: &Scope) -> Result<Decision, AppError> {
        let actor = self.actor()?;
        match decide(Some(actor), action, scope) {
            Decision::Deny => {
                tracing::warn!(event = "access_denied", user = actor.user_id, ?action, "access denied");
                Err(AppError::Forbidden)
            }
            d => Ok(d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sessions end 12 hours after signing in, however busy; unknown sign-in times count as old.
    #[test]
    fn absolute_timeout() {
        let now = 1_800_000_000;
        assert!(!past_absolute_timeout(now - 11 * 3600, now));
        assert!(past_absolute_timeout(now - 12 * 3600 - 1, now));
        assert!(past_absolute_timeout(0, now));
    }
}
