//! `/<lang>/staff/coverage.csv`: every quarter's coverage matrix as a spreadsheet file for the
//! funding report (coordinators and administrators; same query as the page).

use crate::auth::{staff_of, AuthSession};
use crate::domain::coverage::{band_range, format_hours, parse_query, CoverageReport, Period};
use crate::domain::policy::Action;
use crate::domain::spreadsheet::{safe_cell, separators};
use crate::error::AppError;
use crate::i18n::*;
use crate::state::AppState;
use crate::ui::locale::find_locale;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/{lang}/staff/coverage.csv", get(download))
}

async fn download(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    RawQuery(query): RawQuery,
    auth: AuthSession,
) -> Response {
    let Some(locale) = find_locale(&lang) else { return StatusCode::NOT_FOUND.into_response() };
    let allowed = match staff_of(auth, &state.db).await {
        Ok(staff) => staff.require(Action::ReadCoverage, &Default::default()).map(|_| ()),
        Err(e) => Err(e),
    };
    if let Err(e) = allowed {
        let status = StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::FORBIDDEN);
        return (status, e.to_string()).into_response();
    }
    let query = query.unwrap_or_default();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let query = match parse_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))) {
        Ok(q) => q,
        Err(issues) => {
            return (StatusCode::UNPROCESSABLE_ENTITY, AppError::Fields(issues).to_string()).into_response()
        }
    };
    let report = match crate::service::coverage(&state.db, &state.calendar, &lang, &query).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "coverage report failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match table(&report, locale) {
        Ok(body) => {
            let name = format!("attachment; filename=\"coverage-{}.csv\"", report.today);
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
            tracing::error!(error = %e, "coverage csv failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// One line per quarter and age band: weekly offer-hours Monday to Sunday. UTF-8 with a BOM so
/// spreadsheets pick the encoding; an "as of" line and the period first.
fn table(report: &CoverageReport, l: Locale) -> Result<Vec<u8>, csv::Error> {
    let (delimiter, decimal) = separators(l.as_str());
    let mut w =
        csv::WriterBuilder::new().delimiter(delimiter).flexible(true).from_writer(b"\xEF\xBB\xBF".to_vec());
    let period = match report.query.period {
        Period::Typical => td_string!(l, coverage.typical_week).to_owned(),
        Period::Dates { from, to } => format!("{from} – {to}"),
    };
    w.write_record([td_string!(l, coverage.as_of).to_owned(), report.today.to_string(), period])?;
    let days = [
        td_string!(l, days.mon),
        td_string!(l, days.tue),
        td_string!(l, days.wed),
        td_string!(l, days.thu),
        td_string!(l, days.fri),
        td_string!(l, days.sat),
        td_string!(l, days.sun),
    ];
    let mut head = vec![td_string!(l, coverage.quarter), td_string!(l, coverage.band)];
    head.extend(days);
    w.write_record(head)?;
    for q in &report.quarters {
        for (b, row) in q.hours.iter().enumerate() {
            let band = match band_range(b) {
                Some((lo, hi)) => format!("{lo}–{hi}"),
                None => td_string!(l, filter.band_parents).to_owned(),
            };
            let mut line = vec![safe_cell(&q.name), band];
            line.extend(row.iter().map(|h| format_hours(*h).replace('.', &decimal.to_string())));
            w.write_record(line)?;
        }
    }
    w.into_inner().map_err(|e| e.into_error().into())
}
