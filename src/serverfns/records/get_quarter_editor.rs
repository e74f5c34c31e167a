//! The edit page of a quarter (administrators).

use super::RecordEditor;
use crate::domain::quarter_form::QuarterForm;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn get_quarter_editor(id: i64) -> Result<RecordEditor<QuarterForm>, AppError> {
    use crate::domain::policy::{Action, Scope};
    let staff = crate::auth::staff().await?;
    staff.require(Action::EditQuarter, &Scope { quarters: vec![id], ..Default::default() })?;
    let db = super::super::db()?;
    let s = db.get_stored_quarter(id).await?;
    let kept = crate::serverfns::flash::kept(&staff.auth.session, "quarter", Some(id)).await;
    let saved = QuarterForm::from_record(&s.record, s.version);
    Ok(super::editor(Some(id), saved, s.version, kept, Default::default(), (false, true), |f, v| {
        f.version = v.to_string()
    }))
}
