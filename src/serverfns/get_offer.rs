//! One offer with everything known about it.

use crate::domain::offer::OfferDetail;
use crate::error::AppError;
use leptos::prelude::*;

/// A published offer in `locale`; `NotFound` for unknown, unpublished or malformed slugs.
#[server]
pub async fn get_offer(locale: String, offer: String) -> Result<OfferDetail, AppError> {
    super::check_locale(&locale)?;
    crate::domain::slug::check_slug(&offer).map_err(|_| AppError::NotFound)?;
    let public_url = use_context::<crate::ui::PublicUrl>().map(|u| u.0).unwrap_or_default();
    Ok(crate::service::offer(&super::db()?, &super::calendar()?, &public_url, &locale, &offer).await?)
}
