//! What every staff page shows around its content: who is signed in.

use crate::domain::staff::Actor;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFrame {
    /// `None`: not signed in.
    pub actor: Option<Actor>,
    /// The role requires a second factor that is not set up yet.
    pub must_enrol: bool,
}

#[server]
pub async fn get_staff_frame() -> Result<StaffFrame, AppError> {
    let staff = crate::auth::staff().await?;
    Ok(StaffFrame { actor: staff.actor, must_enrol: staff.must_enrol })
}
