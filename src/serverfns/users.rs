//! Server functions of user administration: the list, invitations, reset links, disabling,
//! and which roles must use a second factor. Administrators only.

mod get_users;
mod invite_user;
mod reset_link;
mod set_role_totp;
mod set_user_disabled;

pub use get_users::{get_users, UsersPage};
pub use invite_user::{invite_user, InviteUser};
pub use reset_link::{reset_link, ResetLink};
pub use set_role_totp::{set_role_totp, SetRoleTotp};
pub use set_user_disabled::{set_user_disabled, SetUserDisabled};

/// Session key of the link created last (with its time), shown on the users page for
/// [`LINK_SHOWN_SECS`] so it can be handed over; never written into an address or a log.
#[cfg(feature = "ssr")]
const NEW_LINK: &str = "new_link";

#[cfg(feature = "ssr")]
const LINK_SHOWN_SECS: i64 = 600;

/// How long invitation and reset links stay valid.
#[cfg(feature = "ssr")]
const LINK_DAYS: i64 = 7;

/// Creates a link for `purpose`, valid for [`LINK_DAYS`], and keeps its address for the page.
#[cfg(feature = "ssr")]
async fn make_link(
    staff: &crate::auth::Staff,
    purpose: crate::db::LinkPurpose,
) -> Result<(), crate::error::AppError> {
    use leptos::prelude::use_context;
    let token = crate::auth::tokens::random_token();
    let expires =
        (chrono::Utc::now() + chrono::Duration::days(LINK_DAYS)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let db = super::db()?;
    db.create_user_link(&purpose, &crate::auth::tokens::token_hash(&token), &expires, staff.actor()?).await?;
    let base = use_context::<crate::ui::PublicUrl>().map(|u| u.0).unwrap_or_default();
    let url = format!("{base}/{}/staff/link/{token}", crate::serverfns::respond::page_locale());
    let _ = staff.auth.session.insert(NEW_LINK, (chrono::Utc::now().timestamp(), url)).await;
    Ok(())
}
