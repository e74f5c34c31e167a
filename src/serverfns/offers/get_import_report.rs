//! The report of the signed-in person's last spreadsheet import (kept in their session).

use crate::domain::offer_csv::ImportReport;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn get_import_report() -> Result<Option<ImportReport>, AppError> {
    let staff = crate::auth::staff().await?;
    staff.actor()?;
    Ok(staff.auth.session.get(crate::offer_csv::REPORT_KEY).await.ok().flatten())
}
