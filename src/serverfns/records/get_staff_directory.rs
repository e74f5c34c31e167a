//! The staff list of places, organisations and quarters, with what the caller may edit.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryRow {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub can_edit: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffDirectory {
    pub places: Vec<DirectoryRow>,
    pub organisations: Vec<DirectoryRow>,
    pub quarters: Vec<DirectoryRow>,
    pub can_create_place: bool,
    pub can_create_organisation: bool,
}

#[server]
pub async fn get_staff_directory() -> Result<StaffDirectory, AppError> {
    use crate::domain::audit::Entity;
    use crate::domain::policy::{decide, Action, Scope};
    use crate::domain::staff::Role;
    let staff = crate::auth::staff().await?;
    let actor = staff.actor()?.clone();
    let rows = super::super::db()?.list_directory_records().await?;
    let mut dir = StaffDirectory {
        places: vec![],
        organisations: vec![],
        quarters: vec![],
        can_create_place: actor.role != Role::Guide,
        can_create_organisation: decide(Some(&actor), Action::CreateOrganisation, &Scope::default())
            .allowed(),
    };
    for (entity, id, slug, name, scope) in rows {
        let (action, list) = match entity {
            Entity::Place => (Action::EditPlace, &mut dir.places),
            Entity::Organisation => (Action::EditOrganisation, &mut dir.organisations),
            _ => (Action::EditQuarter, &mut dir.quarters),
        };
        let can_edit = decide(Some(&actor), action, &scope).allowed();
        list.push(DirectoryRow { id, slug, name, can_edit });
    }
    Ok(dir)
}
