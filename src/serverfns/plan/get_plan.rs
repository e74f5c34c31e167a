//! The weekly plan of a quarter, place or organisation, as the editor shows it.

use crate::domain::offer_form::FormOptions;
use crate::domain::plan::PlanData;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The plan and what else the page offers to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    pub data: PlanData,
    pub scopes: FormOptions,
}

/// `query` names the scope and optionally the week: `quarter=welheim&week=2026-W48`. Without a
/// scope, the caller's own (organisation, quarter) is shown.
#[server]
pub async fn get_plan(query: String) -> Result<PlanPage, AppError> {
    use crate::domain::plan::PlanScope;
    let staff = crate::auth::staff().await?;
    let db = super::super::db()?;
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let scope = match PlanScope::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Some(s) => s,
        None => crate::editing::plan::default_scope(&db, &staff).await?,
    };
    let week = match pairs.iter().find(|(k, _)| k == "week") {
        Some((_, w)) => Some(crate::domain::week_plan::parse_iso_week(w).ok_or(AppError::NotFound)?),
        None => None,
    };
    let data = crate::editing::plan::plan(&db, &super::super::calendar()?, &staff, scope, week).await?;
    Ok(PlanPage { data, scopes: db.get_form_options().await? })
}
