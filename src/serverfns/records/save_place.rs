//! Saving a place (a plain form post; works without JavaScript).

use crate::domain::place_form::PlaceForm;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn save_place(id: Option<i64>, form: PlaceForm) -> Result<i64, AppError> {
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let lang = crate::serverfns::respond::page_locale();
    let result = crate::editing::directory::save_place(&db, &staff, id, &form).await;
    let next = |id| format!("/{lang}/staff/places/{id}");
    crate::serverfns::flash::finish_save(&staff, "place", id, form, result, next, "saved").await
}
