//! The edit page of an organisation (or a new one).

use super::RecordEditor;
use crate::domain::organisation_form::OrganisationForm;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn get_organisation_editor(id: Option<i64>) -> Result<RecordEditor<OrganisationForm>, AppError> {
    use crate::domain::policy::{decide, Action, Scope};
    let staff = crate::auth::staff().await?;
    let actor = staff.actor()?.clone();
    let db = super::super::db()?;
    let options = db.get_form_options().await?;
    let kept = crate::serverfns::flash::kept(&staff.auth.session, "organisation", id).await;
    let (saved, version, rights) = match id {
        Some(id) => {
            let s = db.get_stored_organisation(id).await?;
            staff.require(Action::EditOrganisation, &s.scope)?;
            let may = |a| decide(Some(&actor), a, &s.scope).allowed();
            let rights = (may(Action::SetOrganisationApproval), may(Action::ReadAudit));
            (OrganisationForm::from_record(&s.record, s.version), s.version, rights)
        }
        None => {
            staff.require(Action::CreateOrganisation, &Scope::default())?;
            (OrganisationForm { editors_publish: "on".into(), ..Default::default() }, 0, (true, false))
        }
    };
    Ok(super::editor(id, saved, version, kept, options, rights, |f, v| f.version = v.to_string()))
}
