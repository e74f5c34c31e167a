//! A posted form that was not saved, kept in the staff session so the form page can show it
//! again with its problems (also after a reload) until it is saved or half an hour has passed —
//! but only on the page the failed save went back to (`?problem=…` in its address): opening the
//! record any other way shows it as saved, not an old rejected draft. Reading never changes the
//! session.

use crate::domain::schedule::validate::FieldIssue;
use crate::error::AppError;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use tower_sessions::Session;

/// How long a form that was not saved is shown again.
const KEEP_SECS: i64 = 1800;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Flash<T> {
    /// When it was posted (Unix seconds).
    at: i64,
    pub id: Option<i64>,
    pub form: T,
    pub issues: Vec<FieldIssue>,
    /// The save hit a newer version.
    pub conflict: bool,
}

/// The session key of a form kind.
fn key(kind: &str) -> String {
    format!("form:{kind}")
}

/// Keeps the form of record `id` of `kind` after a failed save.
pub async fn keep<T: Serialize>(
    session: &Session,
    kind: &str,
    id: Option<i64>,
    form: T,
    issues: Vec<FieldIssue>,
    conflict: bool,
) {
    let flash = Flash { at: chrono::Utc::now().timestamp(), id, form, issues, conflict };
    let _ = session.insert(&key(kind), flash).await;
}

/// The kept form of record `id` of `kind`, if recent and the page is the one a failed save
/// went back to.
pub async fn kept<T: DeserializeOwned>(session: &Session, kind: &str, id: Option<i64>) -> Option<Flash<T>> {
    if !after_failed_save() {
        return None;
    }
    let flash: Flash<T> = session.get(&key(kind)).await.ok().flatten()?;
    (flash.id == id && chrono::Utc::now().timestamp() - flash.at < KEEP_SECS).then_some(flash)
}

/// Whether the page being shown carries a failed save's notice (`problem=invalid` or
/// `problem=conflict`): the page request itself when rendered on the server, else the page
/// a server function was called from.
fn after_failed_save() -> bool {
    let Some(parts) = leptos::prelude::use_context::<axum::http::request::Parts>() else { return false };
    let query = if parts.uri.path().starts_with("/api/") {
        super::respond::referer_path().and_then(|p| p.split_once('?').map(|(_, q)| q.to_owned()))
    } else {
        parts.uri.query().map(str::to_owned)
    };
    let query = query.unwrap_or_default();
    url::form_urlencoded::parse(query.as_bytes())
        .any(|(k, v)| k == "problem" && matches!(v.as_ref(), "invalid" | "conflict"))
}

/// Forgets the kept form of `kind` (after a successful save).
pub async fn clear(session: &Session, kind: &str) {
    let _ = session.remove_value(&key(kind)).await;
}

/// Ends a save: on success clears the kept form and answers with `next`; on failure keeps the
/// form (problems or conflict) for the page and answers with the error.
pub async fn finish_save<T: Serialize>(
    staff: &crate::auth::Staff,
    kind: &str,
    id: Option<i64>,
    form: T,
    result: Result<i64, crate::editing::SaveError>,
    next: impl FnOnce(i64) -> String,
    done: &str,
) -> Result<i64, AppError> {
    use crate::editing::SaveError;
    let session = &staff.auth.session;
    let error = match result {
        Ok(saved) => {
            clear(session, kind).await;
            return super::respond::answer(Ok(saved), Some(next(saved)), done);
        }
        Err(SaveError::Fields(issues)) => {
            keep(session, kind, id, form, issues.clone(), false).await;
            AppError::Fields(issues)
        }
        Err(SaveError::Conflict) => {
            keep(session, kind, id, form, vec![], true).await;
            AppError::Conflict
        }
        Err(SaveError::Other(e)) => e,
    };
    super::respond::answer(Err(error), None, "")
}
