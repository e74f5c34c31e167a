//! What every staff page shows around its content: who is signed in, and a pending notice.

use crate::domain::staff::{Actor, Notice};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFrame {
    /// `None`: not signed in.
    pub actor: Option<Actor>,
    /// The role requires a second factor that is not set up yet.
    pub must_enrol: bool,
    /// The message left by the last form post, shown once.
    pub notice: Option<Notice>,
}

#[server]
pub async fn get_staff_frame() -> Result<StaffFrame, AppError> {
    let staff = crate::auth::staff().await?;
    let notice = match staff.actor {
        Some(_) => {
            staff.auth.session.remove::<Notice>(crate::serverfns::respond::NOTICE).await.ok().flatten()
        }
        None => None,
    };
    Ok(StaffFrame { actor: staff.actor, must_enrol: staff.must_enrol, notice })
}
