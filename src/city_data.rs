//! The whole city as a Quartiersboard JSON document in the staff area (administrators):
//! `GET /<lang>/staff/city.json` downloads it, `POST /<lang>/staff/data/import` (multipart: `file`,
//! `dry_run`) checks a document completely and adds it in one transaction — documents with many
//! offers in the background, with progress on the page. The report goes into the session.

use crate::auth::AuthSession;
use crate::domain::document::{CityDocument, DocumentError};
use crate::domain::document_report::DocumentReport;
use crate::domain::exchange;
use crate::domain::policy::Action;
use crate::import_jobs::{deliver, Running, BACKGROUND_LINES};
use crate::state::AppState;
use crate::uploads::{self, allowed};
use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;

/// The session key of the last city import's report.
pub const REPORT_KEY: &str = "data:report";

/// The session key of a city import running in the background: its job id and start.
pub const JOB_KEY: &str = "data:job";

/// The largest document accepted from the staff page (bytes); larger ones go through
/// `quartiersboard import` on the server.
pub const MAX_UPLOAD: usize = 20 * 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/{lang}/staff/city.json", get(download))
        .route("/{lang}/staff/data/import", post(upload))
}

async fn download(State(state): State<AppState>, Path(lang): Path<String>, auth: AuthSession) -> Response {
    if let Err(refused) = allowed(auth, &state, &lang, Action::ExchangeData).await {
        return refused;
    }
    let doc = match state.db.export_document().await {
        Ok(d) => exchange::export(d, state.calendar.tz.name()),
        Err(e) => {
            tracing::error!(error = %e, "city export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let Ok(text) = serde_json::to_string_pretty(&doc) else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let today = crate::clock::local_now(state.calendar.tz).date();
    let name = format!("attachment; filename=\"quartiersboard-{today}.json\"");
    (
        [(header::CONTENT_TYPE, "application/json".to_owned()), (header::CONTENT_DISPOSITION, name)],
        text + "\n",
    )
        .into_response()
}

async fn upload(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    auth: AuthSession,
    form: Multipart,
) -> Response {
    let staff = match allowed(auth, &state, &lang, Action::ExchangeData).await {
        Ok(s) => s,
        Err(refused) => return refused,
    };
    let (bytes, dry_run) = match uploads::read(form, &[]).await {
        Ok(u) => (u.file, u.dry_run),
        Err(refused) => return refused,
    };
    let page = Redirect::to(&format!("/{lang}/staff/data")).into_response();
    let session = staff.auth.session.clone();
    let _ = session.remove::<DocumentReport>(REPORT_KEY).await;
    let doc = match check(&state, &bytes).await {
        Ok(doc) => doc,
        Err(report) => {
            let _ = session.insert(REPORT_KEY, &report).await;
            return page;
        }
    };
    let mut report = DocumentReport {
        quarters: doc.quarters.len(),
        organisations: doc.organisations.len(),
        places: doc.places.len(),
        offers: doc.offers.len(),
        ..Default::default()
    };
    if dry_run || doc.offers.len() <= BACKGROUND_LINES {
        if !dry_run {
            match state.db.import_document(&doc, staff.actor.as_ref(), &mut |_, _| {}).await {
                Ok(()) => report.written = true,
                Err(e) => report = failed(e),
            }
        }
        let _ = session.insert(REPORT_KEY, &report).await;
        return page;
    }
    // Many offers: written in the background; the page shows how many records are in.
    let running = Running::start(&state.imports, crate::auth::tokens::random_token());
    let _ = session.insert(JOB_KEY, (&running.job, chrono::Utc::now().timestamp())).await;
    let (db, store, id) = (state.db.clone(), state.sessions.clone(), session.id());
    tokio::spawn(async move {
        let mut progress = |done, total| running.progress(done, total);
        match db.import_document(&doc, staff.actor.as_ref(), &mut progress).await {
            Ok(()) => report.written = true,
            Err(e) => report = failed(e),
        }
        deliver(&store, id, (&running.job, JOB_KEY), REPORT_KEY, &report).await;
    });
    page
}

/// The document in `bytes`, checked completely (format, references, schedules, slugs already
/// taken), or the report of every problem.
async fn check(state: &AppState, bytes: &[u8]) -> Result<CityDocument, DocumentReport> {
    let whole = |reason: &str, detail: Option<String>| {
        DocumentReport::refused(vec![DocumentError::new("", reason, detail)])
    };
    if bytes.is_empty() {
        return Err(whole("csv_empty", None));
    }
    if bytes.len() > MAX_UPLOAD {
        return Err(whole("csv_too_large", Some(format!("{} MB", MAX_UPLOAD >> 20))));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else { return Err(whole("json_encoding", None)) };
    let doc = exchange::parse(text, state.calendar.tz.name()).map_err(DocumentReport::refused)?;
    match state.db.find_taken_slugs(&doc).await {
        Ok(taken) if taken.is_empty() => Ok(doc),
        Ok(taken) => Err(DocumentReport::refused(taken)),
        Err(e) => Err(failed(e)),
    }
}

/// A storage failure: logged; the report says nothing was written.
fn failed(e: crate::db::DbError) -> DocumentReport {
    tracing::error!(error = %e, "city import failed");
    DocumentReport::refused(vec![DocumentError::new("", "csv_failed", None)])
}
