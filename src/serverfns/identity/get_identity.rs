//! The city's look for a public page.

use crate::domain::identity::Identity;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn get_identity() -> Result<Identity, AppError> {
    Ok(super::super::db()?.get_identity().await?)
}
