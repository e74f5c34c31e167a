//! Using an invitation or reset link: choose a password (and a name for a new account).

use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn accept_link(
    token: String,
    name: String,
    password: String,
    repeat: String,
) -> Result<(), AppError> {
    use crate::serverfns::respond;
    let lang = respond::page_locale();
    if !crate::auth::tokens::well_formed(&token) {
        return respond::fail(AppError::NotFound, Some(format!("/{lang}/staff/link/-")));
    }
    let result = async {
        let db = super::super::db()?;
        let hash = crate::auth::tokens::token_hash(&token);
        let link = db.get_user_link(&hash).await?.ok_or(AppError::NotFound)?;
        let email = match &link.purpose {
            crate::db::LinkPurpose::Invite { email, .. } => {
                if name.trim().is_empty() || name.chars().count() > 120 {
                    return Err(AppError::Invalid { field: "name".into(), reason: "required".into() });
                }
                email.clone()
            }
            crate::db::LinkPurpose::Reset { .. } => String::new(),
        };
        crate::domain::staff::check_password(&password, &email)
            .map_err(|r| AppError::Invalid { field: "password".into(), reason: r.into() })?;
        if password != repeat {
            return Err(AppError::Invalid { field: "repeat".into(), reason: "password_mismatch".into() });
        }
        let password_hash = crate::auth::backend::hash_password(password).await;
        db.use_user_link(&hash, name.trim(), &password_hash).await?;
        Ok(())
    }
    .await;
    match result {
        Ok(()) => {
            respond::redirect(&format!("/{lang}/staff/sign-in?welcome=1"));
            Ok(())
        }
        Err(AppError::Invalid { field, reason }) => {
            let back = format!("/{lang}/staff/link/{token}?field={field}&reason={reason}");
            respond::fail(AppError::Invalid { field, reason }, Some(back))
        }
        Err(e) => respond::fail(e, Some(format!("/{lang}/staff/link/{token}"))),
    }
}
