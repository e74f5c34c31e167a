//! The operator's imprint, privacy notice and accessibility statement.

use crate::domain::legal::LegalTexts;
use crate::error::AppError;
use leptos::prelude::*;

#[server]
pub async fn get_legal() -> Result<LegalTexts, AppError> {
    use_context::<crate::ui::Legal>().map(|l| (*l.0).clone()).ok_or(AppError::Internal)
}
