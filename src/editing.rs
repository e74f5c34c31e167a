//! What staff edits need beyond one storage call: checking a form against the rules and the
//! current choices, asking the policy about both the stored and the submitted scope, and
//! choosing between saving and submitting for approval. Server functions call one function here.

pub mod directory;
pub mod identity;
pub mod import;
pub mod offers;
pub mod plan;
pub mod preview;

use crate::domain::schedule::validate::FieldIssue;
use crate::error::AppError;

/// The content locales (those of the interface), German first.
pub fn locales() -> Vec<&'static str> {
    crate::ui::locale::content_locales()
}

/// Why a save did not happen, with what the form needs to show it.
#[derive(Debug)]
pub enum SaveError {
    Fields(Vec<FieldIssue>),
    /// Someone saved in between.
    Conflict,
    Other(AppError),
}

impl From<AppError> for SaveError {
    fn from(e: AppError) -> Self {
        SaveError::Other(e)
    }
}

impl From<crate::db::DbError> for SaveError {
    fn from(e: crate::db::DbError) -> Self {
        match e {
            crate::db::DbError::Duplicate(_) => {
                SaveError::Fields(vec![FieldIssue { field: "slug".into(), reason: "taken".into() }])
            }
            crate::db::DbError::Conflict => SaveError::Conflict,
            other => SaveError::Other(other.into()),
        }
    }
}
