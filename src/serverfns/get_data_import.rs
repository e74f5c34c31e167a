//! Where the administrator's last city import stands: running (how many records are in), lost,
//! or its report (kept in their session).

use crate::domain::document_report::DocumentImportState;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn get_data_import() -> Result<DocumentImportState, AppError> {
    use crate::city_data::{JOB_KEY, REPORT_KEY};
    let staff = crate::auth::staff().await?;
    staff.require(crate::domain::policy::Action::ExchangeData, &Default::default())?;
    let jobs = use_context::<std::sync::Arc<crate::import_jobs::ImportJobs>>();
    Ok(crate::import_jobs::state_of(&staff.auth.session, jobs.as_deref(), JOB_KEY, REPORT_KEY).await)
}
