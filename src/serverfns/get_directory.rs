//! A quarter's network of places and organisations.

use crate::domain::directory::Directory;
use crate::error::AppError;
use leptos::prelude::*;

/// Places and organisations of a quarter with their offers; `NotFound` for unknown quarters.
#[server]
pub async fn get_directory(locale: String, quarter: String) -> Result<Directory, AppError> {
    super::check_locale(&locale)?;
    crate::domain::slug::check_slug(&quarter).map_err(|_| AppError::NotFound)?;
    Ok(super::db()?.get_directory(&locale, &quarter).await?)
}
