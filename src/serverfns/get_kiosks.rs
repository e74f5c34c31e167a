//! The kiosk screens' addresses for administrators, with a command line for a kiosk device.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One quarter's screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskLink {
    pub quarter: String,
    pub address: String,
    pub command: String,
}

/// Every quarter's kiosk address (names in `locale`). Administrators only.
#[server]
pub async fn get_kiosks(locale: String) -> Result<Vec<KioskLink>, AppError> {
    use crate::domain::kiosk::{chromium_command, kiosk_address};
    use crate::domain::policy::Action;
    super::check_locale(&locale)?;
    crate::auth::staff().await?.require(Action::ManageKiosks, &Default::default())?;
    let base = use_context::<crate::ui::PublicUrl>().map(|u| u.0).unwrap_or_default();
    let quarters = super::db()?.list_quarters(&locale).await?;
    Ok(quarters
        .into_iter()
        .map(|q| {
            let address = kiosk_address(&base, &q.slug);
            KioskLink { quarter: q.name, command: chromium_command(&address), address }
        })
        .collect())
}
