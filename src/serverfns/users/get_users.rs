//! The user administration page.

use crate::domain::offer_form::Choice;
use crate::domain::staff::{Role, StaffUser};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersPage {
    pub users: Vec<StaffUser>,
    /// Whether each role must use a second factor.
    pub roles: Vec<(Role, bool)>,
    pub organisations: Vec<Choice>,
    pub quarters: Vec<Choice>,
    /// The invitation or reset link created in the last minutes (to hand over).
    pub new_link: Option<String>,
}

#[server]
pub async fn get_users() -> Result<UsersPage, AppError> {
    use crate::domain::policy::Action;
    let staff = crate::auth::staff().await?;
    staff.require(Action::ManageUsers, &Default::default())?;
    let db = super::super::db()?;
    let options = db.get_form_options().await?;
    Ok(UsersPage {
        users: db.list_users().await?,
        roles: db.list_role_settings().await?,
        organisations: options.organisations,
        quarters: options.quarters,
        new_link: staff
            .auth
            .session
            .get::<(i64, String)>(super::NEW_LINK)
            .await
            .ok()
            .flatten()
            .filter(|(at, _)| chrono::Utc::now().timestamp() - at < super::LINK_SHOWN_SECS)
            .map(|(_, link)| link),
    })
}
