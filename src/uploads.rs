//! The staff area's file uploads (spreadsheet, calendar, city document): reading the posted
//! multipart form, and who may post it.

use crate::auth::{staff_of, AuthSession, Staff};
use crate::domain::policy::Action;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::locale::find_locale;
use axum::extract::Multipart;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use std::collections::HashMap;

/// A posted upload form.
#[derive(Debug, Default)]
pub struct Upload {
    /// The `file` part.
    pub file: Vec<u8>,
    /// "Only check" was ticked.
    pub dry_run: bool,
    /// The text parts asked for, trimmed.
    pub texts: HashMap<String, String>,
}

impl Upload {
    /// A text part, empty when it was not posted.
    pub fn text(&self, name: &str) -> String {
        self.texts.get(name).cloned().unwrap_or_default()
    }
}

/// Reads every part: `file` as bytes, `dry_run` as ticked, the parts named in `texts` as text;
/// others are ignored. A part that cannot be read is answered with its status.
pub async fn read(mut form: Multipart, texts: &[&str]) -> Result<Upload, Response> {
    let failed = |e: axum::extract::multipart::MultipartError| (e.status(), e.body_text()).into_response();
    let mut upload = Upload::default();
    while let Some(field) = form.next_field().await.map_err(failed)? {
        match field.name().map(str::to_owned) {
            Some(name) if name == "file" => upload.file = field.bytes().await.map_err(failed)?.to_vec(),
            Some(name) if name == "dry_run" => upload.dry_run = true,
            Some(name) if texts.contains(&name.as_str()) => {
                let text = field.text().await.map_err(failed)?;
                upload.texts.insert(name, text.trim().to_owned());
            }
            _ => {}
        }
    }
    Ok(upload)
}

/// The signed-in person allowed `action`, or the answer for anyone else: 404 for an unknown
/// language, the sign-in page for nobody, the refusal's status for everyone else.
pub async fn allowed(
    auth: AuthSession,
    state: &AppState,
    lang: &str,
    action: Action,
) -> Result<Staff, Response> {
    if find_locale(lang).is_none() {
        return Err(StatusCode::NOT_FOUND.into_response());
    }
    let staff = staff_of(auth, &state.db)
        .await
        .map_err(|e| (StatusCode::FORBIDDEN, e.to_string()).into_response())?;
    if staff.actor.is_none() {
        return Err(Redirect::to(&format!("/{lang}/staff/sign-in")).into_response());
    }
    staff.require(action, &Default::default()).map_err(refused)?;
    Ok(staff)
}

/// The answer to a refused upload or download: the error's status and message.
pub fn refused(e: AppError) -> Response {
    (StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::FORBIDDEN), e.to_string()).into_response()
}
