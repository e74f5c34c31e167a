//! Offers from a spreadsheet file: every line checked like the offer form (same rules, same
//! messages) and against the policy, all problems reported by line and column, and only a file
//! without any problem written — in one transaction.

use crate::auth::Staff;
use crate::config::CalendarSettings;
use crate::db::{Db, DbError, OfferChange, StoredOffer};
use crate::domain::category::OfferStatus;
use crate::domain::offer_csv::{apply_row, cell_issues, read_header, CellIssue, ImportReport, MAX_ROWS};
use crate::domain::offer_form::validate::validate_offer_form;
use crate::domain::offer_form::OfferForm;
use crate::domain::policy::{Action, Decision};
use crate::error::AppError;
use std::collections::HashSet;

mod rows;

pub use rows::MAX_FILE;

/// Reads `bytes` (CSV, `;` or `,`, UTF-8 with or without BOM) and checks every line; writes
/// when nothing is wrong and it is not a `dry_run`.
pub async fn import_offers(
    db: &Db,
    settings: &CalendarSettings,
    staff: &Staff,
    bytes: &[u8],
    dry_run: bool,
    progress: &mut (dyn FnMut(usize, usize) + Send),
) -> Result<ImportReport, AppError> {
    let actor = staff.actor()?.clone();
    let mut report = check(db, settings, staff, bytes, progress).await?;
    report.report.dry_run = dry_run;
    if dry_run || !report.report.problems.is_empty() {
        return Ok(report.report);
    }
    let changes = std::mem::take(&mut report.changes);
    match db.import_offers(&changes, &actor).await {
        Ok(()) => report.report.written = true,
        Err(DbError::Conflict) => report.report.problem(0, CellIssue::new("Version", "csv_conflict", None)),
        Err(DbError::Duplicate(_)) => report.report.problem(0, CellIssue::new("Kennung", "taken", None)),
        Err(e) => return Err(e.into()),
    }
    Ok(report.report)
}

/// A checked file: the report so far and the changes it would make.
struct Checked {
    report: ImportReport,
    changes: Vec<OfferChange>,
}

/// How many lines a file has (a cheap count, to decide whether it runs in the background).
pub fn count_lines(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

async fn check(
    db: &Db,
    settings: &CalendarSettings,
    staff: &Staff,
    bytes: &[u8],
    progress: &mut (dyn FnMut(usize, usize) + Send),
) -> Result<Checked, AppError> {
    let file = |reason: &str, detail: Option<String>| Checked {
        report: ImportReport::file_problem(reason, detail),
        changes: vec![],
    };
    let rows = match rows::read_rows(bytes) {
        Ok(rows) => rows,
        Err((line, issue)) => {
            let mut report = ImportReport::default();
            report.problem(line, issue);
            return Ok(Checked { report, changes: vec![] });
        }
    };
    let Some((_, header)) = rows.first() else { return Ok(file("csv_empty", None)) };
    let positions = match read_header(header) {
        Ok(p) => p,
        Err(issues) => {
            let mut report = ImportReport::default();
            issues.into_iter().for_each(|i| report.problem(1, i));
            return Ok(Checked { report, changes: vec![] });
        }
    };
    if rows.len() - 1 > MAX_ROWS {
        return Ok(file("csv_row_limit", Some(MAX_ROWS.to_string())));
    }
    let today = crate::clock::local_now(settings.tz).date();
    let cal = crate::service::holiday_calendar(db, settings, today).await?;
    let choices = db.get_form_options().await?.choices(&super::locales());
    let slug_at =
        crate::domain::offer_csv::COLUMNS.iter().position(|(h, _)| *h == "Kennung").expect("a column");
    let mut checked = Checked { report: ImportReport::default(), changes: vec![] };
    let mut seen = HashSet::new();
    let total = rows.len() - 1;
    for (done, (line, cells)) in rows.iter().skip(1).enumerate() {
        progress(done, total);
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        checked.report.lines += 1;
        let slug =
            positions[slug_at].and_then(|p| cells.get(p)).map(|s| s.trim().to_owned()).unwrap_or_default();
        if !seen.insert(slug.clone()) {
            checked.report.problem(*line, CellIssue::new("Kennung", "csv_twice", Some(slug)));
            continue;
        }
        let stored = match db.get_offer_id(&slug).await {
            Ok(id) => Some(db.get_stored_offer(id).await?),
            Err(DbError::NotFound) => None,
            Err(e) => return Err(e.into()),
        };
        match check_line(db, staff, &choices, &cal, today, stored, &positions, cells).await? {
            Ok(Some(change)) => {
                match &change {
                    OfferChange::Create(r) => checked.report.created.push(r.slug.clone()),
                    OfferChange::Update(_, r) => checked.report.updated.push(r.slug.clone()),
                }
                checked.changes.push(change);
            }
            Ok(None) => checked.report.unchanged += 1,
            Err(issues) => issues.into_iter().for_each(|i| checked.report.problem(*line, i)),
        }
    }
    progress(total, total);
    Ok(checked)
}

/// One line: `Ok(None)` when it changes nothing, the change when it is right and allowed.
#[allow(clippy::too_many_arguments)]
async fn check_line(
    db: &Db,
    staff: &Staff,
    choices: &crate::domain::offer_form::validate::Choices,
    cal: &crate::domain::holidays::HolidayCalendar,
    today: chrono::NaiveDate,
    stored: Option<StoredOffer>,
    positions: &[Option<usize>],
    cells: &[String],
) -> Result<Result<Option<OfferChange>, Vec<CellIssue>>, AppError> {
    let base =
        stored.as_ref().map_or_else(OfferForm::default, |s| OfferForm::from_record(&s.record, s.version));
    let schedules = stored.as_ref().map_or(&[][..], |s| &s.record.schedules[..]);
    let form = match apply_row(base, schedules, positions, cells) {
        Ok(f) => f,
        Err(issues) => return Ok(Err(issues)),
    };
    let (status, confirmed) =
        stored.as_ref().map_or((OfferStatus::Draft, today), |s| (s.record.status, s.record.last_confirmed));
    let record = match validate_offer_form(&form, choices, cal, status, confirmed) {
        Ok(r) => r,
        Err(issues) => return Ok(Err(cell_issues(issues))),
    };
    let mut scope = db.get_new_offer_scope(&record.organisation, &record.quarters).await?;
    let refused = |reason: &str| Ok(Err(vec![CellIssue::new("Kennung", reason, None)]));
    let Some(stored) = stored else {
        return match staff.require(Action::CreateOffer, &scope) {
            Ok(Decision::Allow) => Ok(Ok(Some(OfferChange::Create(record)))),
            Ok(_) => refused("csv_needs_approval"),
            Err(AppError::Forbidden) => refused("csv_forbidden"),
            Err(e) => Err(e),
        };
    };
    scope.published = stored.scope.published;
    for s in [&stored.scope, &scope] {
        match staff.require(Action::EditOffer, s) {
            Ok(Decision::Allow) => {}
            Ok(_) => return refused("csv_needs_approval"),
            Err(AppError::Forbidden) => return refused("csv_forbidden"),
            Err(e) => return Err(e),
        }
    }
    if form.version.trim().parse::<i64>().ok() != Some(stored.version) {
        return Ok(Err(vec![CellIssue::new("Version", "csv_conflict", Some(form.version.clone()))]));
    }
    if record == stored.record {
        return Ok(Ok(None));
    }
    Ok(Ok(Some(OfferChange::Update(Box::new(stored), record))))
}
