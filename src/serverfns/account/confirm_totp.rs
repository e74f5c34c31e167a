//! Confirming the second factor with a first code; from then on sign-in asks for it.

use crate::error::AppError;
use leptos::prelude::*;

/// Session key of the secret being set up.
#[cfg(feature = "ssr")]
pub(crate) const CANDIDATE: &str = "totp_candidate";

#[server]
pub async fn confirm_totp(code: String) -> Result<(), AppError> {
    use crate::serverfns::respond;
    let staff = crate::auth::staff().await?;
    let mut auth = staff.auth;
    let result = async {
        let actor = staff.actor.clone().ok_or(AppError::Unauthorized)?;
        let secret: String = auth.session.get(CANDIDATE).await.ok().flatten().ok_or(AppError::NotFound)?;
        if !crate::auth::totp::verify(&secret, &code) {
            return Err(AppError::Invalid { field: "code".into(), reason: "code_wrong".into() });
        }
        let db = super::super::db()?;
        db.set_totp_secret(actor.user_id, Some(&secret)).await?;
        let _ = auth.session.insert(CANDIDATE, crate::auth::totp::new_secret()).await;
        // The epoch changed (other sessions end); this one continues with the new hash.
        let account = db.get_account(actor.user_id).await?.ok_or(AppError::NotFound)?;
        auth.login(&crate::auth::SignedIn::new(account)).await.map_err(|_| AppError::Internal)?;
        Ok(())
    }
    .await;
    let next = format!("/{}/staff", respond::page_locale());
    respond::answer(result, Some(next), "totp_enrolled")
}
