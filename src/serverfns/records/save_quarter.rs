//! Saving a quarter's texts and office (a plain form post; works without JavaScript).

use crate::domain::quarter_form::QuarterForm;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn save_quarter(id: i64, form: QuarterForm) -> Result<i64, AppError> {
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let lang = crate::serverfns::respond::page_locale();
    let result = crate::editing::directory::save_quarter(&db, &staff, id, &form).await;
    let next = |id| format!("/{lang}/staff/quarters/{id}");
    crate::serverfns::flash::finish_save(&staff, "quarter", Some(id), form, result, next, "saved").await
}
