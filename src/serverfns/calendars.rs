//! Organisations' calendars (administrators): the page, setting and removing an address, and
//! reading one now. Uploads of .ics files are a multipart route (`crate::calendar_sources`).

use crate::domain::calendar_source::{CalendarForm, CalendarReport, CalendarSource};
use crate::domain::offer_form::FormOptions;
use crate::domain::schedule::validate::FieldIssue;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The flash kind of the calendar form.
#[cfg(feature = "ssr")]
const FORM: &str = "calendar";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarsPage {
    /// The configured calendars; `checked_at` in local time (`2026-11-27 14:05`).
    pub sources: Vec<CalendarSource>,
    pub options: FormOptions,
    /// The form posted last that was not saved, and its problems.
    pub form: CalendarForm,
    pub issues: Vec<FieldIssue>,
    /// The last upload or reading this person started: the organisation (slug) and its report.
    pub last: Option<(String, CalendarReport)>,
}

#[cfg(feature = "ssr")]
async fn admin() -> Result<crate::auth::Staff, AppError> {
    let staff = crate::auth::staff().await?;
    staff.require(crate::domain::policy::Action::ManageCalendars, &Default::default())?;
    Ok(staff)
}

#[server]
pub async fn get_calendars() -> Result<CalendarsPage, AppError> {
    let staff = admin().await?;
    let db = super::db()?;
    let session = &staff.auth.session;
    let kept = super::flash::kept::<CalendarForm>(session, FORM, None).await;
    let (form, issues) = kept.map(|f| (f.form, f.issues)).unwrap_or_default();
    let tz = super::calendar()?.tz;
    let mut sources = db.list_calendar_sources().await?;
    for s in &mut sources {
        s.checked_at = s.checked_at.as_deref().and_then(|at| {
            let utc = chrono::DateTime::parse_from_rfc3339(at).ok()?;
            Some(utc.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
        });
    }
    Ok(CalendarsPage {
        sources,
        options: db.get_form_options().await?,
        form,
        issues,
        last: session.get(crate::calendar_sources::REPORT_KEY).await.ok().flatten(),
    })
}

/// Sets (or replaces) the calendar address of an organisation.
#[server]
pub async fn save_calendar(form: CalendarForm) -> Result<(), AppError> {
    use crate::domain::calendar_source::validate_calendar_form;
    let staff = admin().await?;
    let result = async {
        let db = super::db()?;
        let session = &staff.auth.session;
        match validate_calendar_form(&form, &db.get_form_options().await?) {
            Ok(setting) => {
                db.set_calendar_source(&setting, staff.actor()?).await?;
                super::flash::clear(session, FORM).await;
                Ok(())
            }
            Err(issues) => {
                super::flash::keep(session, FORM, None, form, issues.clone(), false).await;
                Err(AppError::Fields(issues))
            }
        }
    }
    .await;
    super::respond::answer(result, None, "saved")
}

/// Removes an organisation's calendar; the offers made from it stay.
#[server]
pub async fn remove_calendar(organisation: String) -> Result<(), AppError> {
    let staff = admin().await?;
    let result =
        async { Ok(super::db()?.remove_calendar_source(&organisation, staff.actor()?).await?) }.await;
    super::respond::answer(result, None, "calendar_removed")
}

/// Reads an organisation's calendar now: takes it over, or with `dry_run` only checks it. The
/// report shows on the page.
#[server]
pub async fn read_calendar_now(
    organisation: String,
    #[server(default)] dry_run: String,
) -> Result<(), AppError> {
    let staff = admin().await?;
    let result = async {
        let db = super::db()?;
        let source = db.get_calendar_source(&organisation).await?;
        let by = staff.actor()?;
        let report = crate::calendar_sources::refresh(
            &db,
            &super::calendar()?,
            &source,
            !dry_run.is_empty(),
            Some(by),
        )
        .await?;
        let _ = staff.auth.session.insert(crate::calendar_sources::REPORT_KEY, (organisation, report)).await;
        Ok(())
    }
    .await;
    super::respond::answer(result, None, "calendar_read")
}
