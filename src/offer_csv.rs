//! Offers as a spreadsheet for staff: `GET /<lang>/staff/offers.csv` (the offers the signed-in
//! person may edit; `;` for German-style spreadsheets, `,` otherwise; UTF-8 with BOM; German
//! headers) and `POST /<lang>/staff/import` (a multipart form: `file`, `dry_run`), which checks
//! and maybe writes, keeps the report in the session and sends the browser to the import page.

use crate::auth::{staff_of, AuthSession};
use crate::domain::category::OfferStatus;
use crate::domain::offer_csv::{row_of, ImportReport, COLUMNS};
use crate::domain::offer_form::OfferForm;
use crate::domain::policy::Action;
use crate::domain::spreadsheet::separators;
use crate::editing::import::{count_lines, import_offers};
use crate::import_jobs::{deliver, Running, BACKGROUND_LINES};
use crate::state::AppState;
use crate::ui::locale::find_locale;
use crate::uploads::refused;
use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos_i18n::Locale as _;

/// The session key of the last import's report.
pub const REPORT_KEY: &str = "import:report";

/// The session key of an import running in the background: its job id and start (Unix seconds).
pub const JOB_KEY: &str = "import:job";

pub fn routes() -> Router<AppState> {
    Router::new().route("/{lang}/staff/offers.csv", get(download)).route("/{lang}/staff/import", post(upload))
}

async fn download(State(state): State<AppState>, Path(lang): Path<String>, auth: AuthSession) -> Response {
    let Some(locale) = find_locale(&lang) else { return StatusCode::NOT_FOUND.into_response() };
    let staff = match staff_of(auth, &state.db).await {
        Ok(s) if s.actor.is_some() => s,
        Ok(_) => return refused(crate::error::AppError::Unauthorized),
        Err(e) => return refused(e),
    };
    let mut lines = Vec::new();
    let offers = match state.db.list_staff_offers(&["de"]).await {
        Ok(o) => o,
        Err(e) => return refused(e.into()),
    };
    for row in offers.iter().filter(|o| o.status != OfferStatus::Archived) {
        let stored = match state.db.get_stored_offer(row.id).await {
            Ok(s) => s,
            Err(e) => return refused(e.into()),
        };
        if staff.require(Action::EditOffer, &stored.scope).is_ok_and(|d| d.allowed()) {
            let form = OfferForm::from_record(&stored.record, stored.version);
            lines.push(row_of(&form, &stored.record.schedules, stored.record.status.code()));
        }
    }
    let (delimiter, _) = separators(locale.as_str());
    let mut w = csv::WriterBuilder::new().delimiter(delimiter).from_writer(b"\xEF\xBB\xBF".to_vec());
    let written = std::iter::once(COLUMNS.iter().map(|(h, _)| (*h).to_owned()).collect::<Vec<_>>())
        .chain(lines)
        .try_for_each(|l| w.write_record(l));
    match written.map_err(|e| e.to_string()).and_then(|()| w.into_inner().map_err(|e| e.to_string())) {
        Ok(body) => {
            let today = crate::clock::local_now(state.calendar.tz).date();
            let name = format!("attachment; filename=\"angebote-{today}.csv\"");
            (
                [
                    (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                    (header::CONTENT_DISPOSITION, name),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, "offers csv failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn upload(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    auth: AuthSession,
    form: Multipart,
) -> Response {
    if find_locale(&lang).is_none() {
        return StatusCode::NOT_FOUND.into_response();
    }
    let staff = match staff_of(auth, &state.db).await {
        Ok(s) if s.actor.is_some() => s,
        Ok(_) => return refused(crate::error::AppError::Unauthorized),
        Err(e) => return refused(e),
    };
    let (bytes, dry_run) = match crate::uploads::read(form, &[]).await {
        Ok(u) => (u.file, u.dry_run),
        Err(refused) => return refused,
    };
    let session = staff.auth.session.clone();
    let _ = session.remove::<ImportReport>(REPORT_KEY).await;
    if bytes.is_empty() || count_lines(&bytes) <= BACKGROUND_LINES {
        let report = if bytes.is_empty() {
            ImportReport::file_problem("csv_empty", None)
        } else {
            match import_offers(&state.db, &state.calendar, &staff, &bytes, dry_run, &mut |_, _| {}).await {
                Ok(r) => r,
                Err(e) => return refused(e),
            }
        };
        let _ = session.insert(REPORT_KEY, &report).await;
        return Redirect::to(&format!("/{lang}/staff/import")).into_response();
    }
    // A large file: checked (and maybe written) in the background; the page shows how far it got.
    let running = Running::start(&state.imports, crate::auth::tokens::random_token());
    let _ = session.insert(JOB_KEY, (&running.job, chrono::Utc::now().timestamp())).await;
    let (db, settings, store, id) =
        (state.db.clone(), state.calendar.clone(), state.sessions.clone(), session.id());
    tokio::spawn(async move {
        let mut progress = |done, total| running.progress(done, total);
        let report = match import_offers(&db, &settings, &staff, &bytes, dry_run, &mut progress).await {
            Ok(r) => r,
            Err(e) => {
                tracing::error!(error = %e, "spreadsheet import failed");
                ImportReport::file_problem("csv_failed", None)
            }
        };
        deliver(&store, id, (&running.job, JOB_KEY), REPORT_KEY, &report).await;
    });
    Redirect::to(&format!("/{lang}/staff/import")).into_response()
}
