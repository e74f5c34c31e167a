//! Saving the city's name, accent colour and funding line (a plain form post).

use crate::domain::identity::IdentityForm;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn save_identity(form: IdentityForm) -> Result<i64, AppError> {
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let lang = crate::serverfns::respond::page_locale();
    let result = crate::editing::identity::save_identity(&db, &staff, &form).await;
    let next = |_| format!("/{lang}/staff/identity");
    crate::serverfns::flash::finish_save(&staff, "identity", None, form, result, next, "saved").await
}
