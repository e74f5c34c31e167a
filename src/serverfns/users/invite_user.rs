//! Inviting a new staff member: a link the administrator hands over (no mail server assumed).

use crate::error::AppError;
use leptos::prelude::*;

/// Creates an invitation for `email` with `role`; editors need an `organisation` (slug),
/// coordinators one or more `quarters` (slugs).
#[server]
pub async fn invite_user(
    email: String,
    role: String,
    #[server(default)] organisation: String,
    #[server(default)] quarters: Vec<String>,
) -> Result<(), AppError> {
    use crate::domain::policy::Action;
    use crate::domain::staff::{normalise_email, Role};
    let staff = crate::auth::staff().await?;
    let result = async {
        staff.require(Action::ManageUsers, &Default::default())?;
        let invalid =
            |field: &str, reason: &str| AppError::Invalid { field: field.into(), reason: reason.into() };
        let email = normalise_email(&email).map_err(|r| invalid("email", r))?;
        let role: Role = role.parse().map_err(|_| invalid("role", "unknown_choice"))?;
        let db = super::super::db()?;
        if db.get_account_by_email(&email).await?.is_some() {
            return Err(invalid("email", "taken"));
        }
        let organisation = match role {
            Role::Editor => Some(
                db.get_organisation_id(&organisation)
                    .await
                    .map_err(|_| invalid("organisation", "required"))?,
            ),
            _ => None,
        };
        let mut quarter_ids = Vec::new();
        if role == Role::Coordinator {
            for q in &quarters {
                quarter_ids
                    .push(db.get_quarter_id(q).await.map_err(|_| invalid("quarters", "unknown_choice"))?);
            }
            if quarter_ids.is_empty() {
                return Err(invalid("quarters", "required"));
            }
        }
        let purpose = crate::db::LinkPurpose::Invite { email, role, organisation, quarters: quarter_ids };
        super::make_link(&staff, purpose).await
    }
    .await;
    crate::serverfns::respond::answer(result, None, "invited")
}
