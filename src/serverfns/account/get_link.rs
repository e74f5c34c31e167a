//! What an invitation or reset link is for, before the person sets their password.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkInfo {
    /// `true`: a new account (asks for a name); `false`: a new password.
    pub invite: bool,
    pub email: Option<String>,
}

/// `NotFound` for unknown, used or expired links.
#[server]
pub async fn get_link(token: String) -> Result<LinkInfo, AppError> {
    use crate::db::LinkPurpose;
    if !crate::auth::tokens::well_formed(&token) {
        return Err(AppError::NotFound);
    }
    let link = super::super::db()?.get_user_link(&crate::auth::tokens::token_hash(&token)).await?;
    match link.map(|l| l.purpose) {
        Some(LinkPurpose::Invite { email, .. }) => Ok(LinkInfo { invite: true, email: Some(email) }),
        Some(LinkPurpose::Reset { .. }) => Ok(LinkInfo { invite: false, email: None }),
        None => Err(AppError::NotFound),
    }
}
