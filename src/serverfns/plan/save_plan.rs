//! Saving an offer's schedules from the weekly-plan editor (sent as JSON by the editor island).

use crate::domain::plan::PlanOutcome;
use crate::domain::schedule::validate::ScheduleInput;
use crate::error::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Saves `schedules` as offer `id`'s, made from `version`; says what became of it.
#[server(input = Json)]
pub async fn save_plan(
    id: i64,
    version: i64,
    schedules: Vec<ScheduleInput>,
) -> Result<PlanOutcome, AppError> {
    let staff = crate::auth::staff().await?;
    let result = crate::editing::plan::save(
        &super::super::db()?,
        &super::super::calendar()?,
        &staff,
        id,
        version,
        schedules,
    )
    .await;
    crate::serverfns::respond::answer(result, None, "saved")
}
