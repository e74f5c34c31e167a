//! Saving an organisation (a plain form post; works without JavaScript).

use crate::domain::organisation_form::OrganisationForm;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn save_organisation(id: Option<i64>, form: OrganisationForm) -> Result<i64, AppError> {
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let lang = crate::serverfns::respond::page_locale();
    let result = crate::editing::directory::save_organisation(&db, &staff, id, &form).await;
    let next = |id| format!("/{lang}/staff/organisations/{id}");
    crate::serverfns::flash::finish_save(&staff, "organisation", id, form, result, next, "saved").await
}
