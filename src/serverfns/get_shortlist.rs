//! A shortlist of offers, from the URL only.

use crate::domain::offer::Shortlist;
use crate::error::AppError;
use leptos::prelude::*;

/// The offers of `list` (`a,b,c`; junk and unknown slugs left out) in `locale`.
#[server]
pub async fn get_shortlist(locale: String, list: String) -> Result<Shortlist, AppError> {
    super::check_locale(&locale)?;
    let slugs = crate::domain::shortlist::parse_list(&list);
    let public_url = use_context::<crate::ui::PublicUrl>().map(|u| u.0).unwrap_or_default();
    Ok(crate::service::shortlist(&super::db()?, &super::calendar()?, &public_url, &locale, &slugs).await?)
}
