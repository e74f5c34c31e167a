//! The coverage analysis for the social office: coordinators and administrators.

use crate::domain::coverage::CoverageReport;
use crate::error::AppError;
use leptos::prelude::*;

/// Every quarter's weekly offer-hours by age band and weekday for the URL query `query`
/// (`from`, `to`, `category`); wrong fields come back as `Fields`.
#[server]
pub async fn get_coverage(locale: String, query: String) -> Result<CoverageReport, AppError> {
    use crate::domain::policy::Action;
    super::check_locale(&locale)?;
    crate::auth::staff().await?.require(Action::ReadCoverage, &Default::default())?;
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let query = crate::domain::coverage::parse_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(AppError::Fields)?;
    Ok(crate::service::coverage(&super::db()?, &super::calendar()?, &locale, &query).await?)
}
