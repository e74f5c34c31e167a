//! The first data of a kiosk screen (later refreshes use `GET /kiosk/<quarter>/data`).

use crate::domain::kiosk::KioskData;
use crate::error::AppError;
use chrono::NaiveDateTime;
use leptos::prelude::*;

/// Two weeks of `quarter` in the languages of the kiosk address's `query`, and the server's local
/// time (the screen's clock until its first tick).
#[server]
pub async fn get_kiosk(quarter: String, query: String) -> Result<(KioskData, NaiveDateTime), AppError> {
    let db = super::db()?;
    let public_url = use_context::<crate::ui::PublicUrl>().map(|u| u.0).unwrap_or_default();
    let version = use_context::<crate::kiosk::FrontVersion>().map(|v| v.0).unwrap_or_default();
    let options = crate::kiosk::options(&query);
    let settings = super::calendar()?;
    let data = crate::kiosk::data(&db, &settings, &public_url, &version, &quarter, &options, None).await?;
    Ok((data, crate::clock::local_now(settings.tz)))
}
