//! The identity page of the staff area (administrators).

use crate::domain::identity::{Identity, IdentityForm};
use crate::error::AppError;
use crate::serverfns::records::RecordEditor;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The form (or the one just posted, with its problems) and the logos as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdentityEditor {
    pub editor: RecordEditor<IdentityForm>,
    pub identity: Identity,
}

#[server]
pub async fn get_identity_editor() -> Result<IdentityEditor, AppError> {
    use crate::domain::policy::{Action, Scope};
    let staff = crate::auth::staff().await?;
    staff.require(Action::EditIdentity, &Scope::default())?;
    let identity = super::super::db()?.get_identity().await?;
    let kept = crate::serverfns::flash::kept(&staff.auth.session, "identity", None).await;
    let saved = IdentityForm::of(&identity);
    let editor = crate::serverfns::records::editor(
        None,
        saved,
        identity.version,
        kept,
        Default::default(),
        (false, false),
        |f, v| f.version = v.to_string(),
    );
    Ok(IdentityEditor { editor, identity })
}
