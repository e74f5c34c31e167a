//! Where the signed-in person's last spreadsheet import stands: running (how far), or its report
//! (kept in their session).

use crate::domain::offer_csv::ImportState;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn get_import_report() -> Result<ImportState, AppError> {
    use crate::offer_csv::{JOB_KEY, REPORT_KEY};
    let staff = crate::auth::staff().await?;
    staff.actor()?;
    let jobs = use_context::<std::sync::Arc<crate::import_jobs::ImportJobs>>();
    Ok(crate::import_jobs::state_of(&staff.auth.session, jobs.as_deref(), JOB_KEY, REPORT_KEY).await)
}
