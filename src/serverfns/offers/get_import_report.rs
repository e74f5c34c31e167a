//! Where the signed-in person's last spreadsheet import stands: running (how far), or its report
//! (kept in their session).

use crate::domain::offer_csv::ImportState;
use crate::error::AppError;
use leptos::prelude::*;

/// An import not heard of for this long (seconds) is taken as lost.
#[cfg(feature = "ssr")]
const LOST_AFTER: i64 = 600;

#[server]
pub async fn get_import_report() -> Result<ImportState, AppError> {
    use crate::offer_csv::{JOB_KEY, REPORT_KEY};
    let staff = crate::auth::staff().await?;
    staff.actor()?;
    let session = &staff.auth.session;
    if let Some((job, started)) = session.get::<(String, i64)>(JOB_KEY).await.ok().flatten() {
        let jobs = use_context::<std::sync::Arc<crate::import_jobs::ImportJobs>>();
        let here = jobs.and_then(|j| j.get(&job));
        if here.is_some() || chrono::Utc::now().timestamp() - started < LOST_AFTER {
            return Ok(ImportState { running: Some(here.unwrap_or((0, 0))), ..Default::default() });
        }
        return Ok(ImportState { lost: true, ..Default::default() });
    }
    Ok(ImportState { report: session.get(REPORT_KEY).await.ok().flatten(), ..Default::default() })
}
