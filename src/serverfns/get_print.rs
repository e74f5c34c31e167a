//! The data of a quarter's print products (flyer, sticker, printed board): public, like the board.

use crate::domain::print::PrintData;
use crate::error::AppError;
use leptos::prelude::*;

/// The quarter in each of `langs` (unknown languages are `Invalid`).
#[server]
pub async fn get_print(quarter: String, langs: Vec<String>) -> Result<PrintData, AppError> {
    crate::domain::slug::check_slug(&quarter).map_err(|_| AppError::NotFound)?;
    if langs.is_empty() || langs.len() > 7 {
        return Err(AppError::Invalid { field: "langs".into(), reason: "unknown_choice".into() });
    }
    for l in &langs {
        super::check_locale(l)?;
    }
    let public = use_context::<crate::ui::PublicUrl>().map(|u| u.0).unwrap_or_default();
    Ok(crate::service::print_data(&super::db()?, &super::calendar()?, &public, &quarter, &langs).await?)
}
