//! Organisations' calendars in the staff area: the server reads each configured address every
//! `CALENDAR_REFRESH_HOURS` (and when an administrator asks) and imports its events as offers;
//! administrators may also upload an .ics file (`POST /<lang>/staff/calendars/upload`, multipart:
//! `organisation`, `place`, `category`, `file`, `dry_run`). The last report is kept in the
//! session (uploads, "read now") and with the calendar (every reading).

use crate::auth::AuthSession;
use crate::calendar_import::{import, read_source, read_text, Destination};
use crate::config::CalendarSettings;
use crate::db::{Db, DbError};
use crate::domain::calendar_source::{CalendarProblem, CalendarReport, CalendarSource};
use crate::domain::category::Category;
use crate::domain::policy::Action;
use crate::domain::staff::Actor;
use crate::state::AppState;
use crate::uploads::{self, allowed};
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;

/// The session key of the last report shown on the calendars page: the organisation (slug) and
/// the report.
pub const REPORT_KEY: &str = "calendar:report";

/// Reads the organisation's configured calendar and imports it (or, with `dry_run`, only
/// checks it); the outcome is kept with the calendar either way.
pub async fn refresh(
    db: &Db,
    settings: &CalendarSettings,
    source: &CalendarSource,
    dry_run: bool,
    by: Option<&Actor>,
) -> Result<CalendarReport, DbError> {
    let web = source.url.starts_with("https://") || source.url.starts_with("http://");
    let read = if web {
        read_source(&source.url, &settings.private_hosts).await
    } else {
        Err(CalendarProblem::file("ics_fetch", None))
    };
    let report = match read {
        Ok(ics) => {
            import(
                db,
                settings,
                &ics,
                Destination {
                    organisation: &source.organisation,
                    place: &source.place,
                    category: source.category,
                },
                dry_run,
                by,
            )
            .await?
        }
        Err(problem) => CalendarReport::failed(problem),
    };
    db.record_calendar_check(&source.organisation, &report).await?;
    Ok(report)
}

/// Reads every configured calendar once; one that fails does not stop the others.
pub async fn refresh_all(db: &Db, settings: &CalendarSettings) -> Result<(), DbError> {
    for source in db.list_calendar_sources().await? {
        match refresh(db, settings, &source, false, None).await {
            Ok(r) if r.problems.is_empty() => tracing::info!(
                organisation = %source.organisation,
                created = r.created.len(),
                updated = r.updated.len(),
                "calendar read"
            ),
            Ok(r) => {
                tracing::warn!(organisation = %source.organisation, problems = r.problems.len(), "calendar not taken over")
            }
            Err(e) => {
                tracing::error!(organisation = %source.organisation, error = %e, "calendar import failed")
            }
        }
    }
    Ok(())
}

/// Reads every configured calendar `every` so long (the first time one period after the start).
pub async fn refresh_periodically(db: Db, settings: CalendarSettings, every: std::time::Duration) {
    let mut tick = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    loop {
        tick.tick().await;
        if let Err(e) = refresh_all(&db, &settings).await {
            tracing::error!(error = %e, "calendars could not be listed");
        }
    }
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/{lang}/staff/calendars/upload", post(upload))
}

async fn upload(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    auth: AuthSession,
    form: Multipart,
) -> Response {
    let staff = match allowed(auth, &state, &lang, Action::ManageCalendars).await {
        Ok(s) => s,
        Err(refused) => return refused,
    };
    let form = match uploads::read(form, &["organisation", "place", "category"]).await {
        Ok(u) => u,
        Err(refused) => return refused,
    };
    let (organisation, place, category) =
        (form.text("organisation"), form.text("place"), form.text("category"));
    let (bytes, dry_run) = (form.file, form.dry_run);
    let report = match category.parse::<Category>() {
        Err(_) => CalendarReport::failed(CalendarProblem::new("", "category", "unknown_choice", None)),
        Ok(category) => match read_text(&bytes) {
            Err(problem) => CalendarReport::failed(problem),
            Ok(ics) => {
                let by = staff.actor.as_ref();
                match import(
                    &state.db,
                    &state.calendar,
                    &ics,
                    Destination { organisation: &organisation, place: &place, category },
                    dry_run,
                    by,
                )
                .await
                {
                    Ok(r) => r,
                    Err(e) => {
                        tracing::error!(error = %e, "calendar upload failed");
                        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                    }
                }
            }
        },
    };
    let _ = staff.auth.session.insert(REPORT_KEY, (organisation, report)).await;
    Redirect::to(&format!("/{lang}/staff/calendars")).into_response()
}
