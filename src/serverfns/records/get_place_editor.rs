//! The edit page of a place (or a new one).

use super::RecordEditor;
use crate::domain::place_form::PlaceForm;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn get_place_editor(id: Option<i64>) -> Result<RecordEditor<PlaceForm>, AppError> {
    use crate::domain::policy::{decide, Action};
    let staff = crate::auth::staff().await?;
    let actor = staff.actor()?.clone();
    let db = super::super::db()?;
    let options = db.get_form_options().await?;
    let kept = crate::serverfns::flash::kept(&staff.auth.session, "place", id).await;
    let (saved, version, audit) = match id {
        Some(id) => {
            let s = db.get_stored_place(id).await?;
            staff.require(Action::EditPlace, &s.scope)?;
            let audit = decide(Some(&actor), Action::ReadAudit, &s.scope).allowed();
            (PlaceForm::from_record(&s.record, s.version), s.version, audit)
        }
        None => {
            let organisation = match actor.organisation {
                Some(o) => db.get_stored_organisation_slug(o).await?,
                None => String::new(),
            };
            (PlaceForm { city: "Bottrop".into(), organisation, ..Default::default() }, 0, false)
        }
    };
    Ok(super::editor(id, saved, version, kept, options, (false, audit), |f, v| f.version = v.to_string()))
}
