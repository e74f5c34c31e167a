//! Offers as spreadsheet lines for staff (export and import, German headers): one line per offer,
//! the staff form's fields as columns, the dates as one schedule per line in the cell `Termine`
//! (`2026-09-02T15:00 PT1H30M FREQ=MONTHLY;BYDAY=1WE`). Pure: the server reads and writes the
//! CSV; here lines become offer forms, which the form's own checks then validate.

use super::exchange::{from_ical, to_ical, IcalSchedule};
use super::offer_form::{OfferForm, ScheduleForm};
use super::schedule::validate::{FieldIssue, ScheduleInput};
use super::spreadsheet::safe_cell;

/// The columns, in export order: (German header, form field the column fills).
pub const COLUMNS: &[(&str, &str)] = &[
    ("Kennung", "slug"),
    ("Version", "version"),
    ("Titel", "texts.de.title"),
    ("Beschreibung", "texts.de.description"),
    ("Organisation", "organisation"),
    ("Ort", "place"),
    ("Quartiere", "quarters"),
    ("Kategorie", "category"),
    ("Alter von", "age_min"),
    ("Alter bis", "age_max"),
    ("Zielgruppen", "audiences"),
    ("Kostenlos", "free"),
    ("Kosten", "cost"),
    ("Sprachen", "languages"),
    ("Anmeldung nötig", "registration_required"),
    ("Anmeldung", "registration_text"),
    ("Kontakt Name", "contact_name"),
    ("Kontakt Telefon", "contact_phone"),
    ("Kontakt E-Mail", "contact_email"),
    ("Termine", "schedules"),
    ("Status", "status"),
];

/// Columns a file must have; the others may be left out (then the stored value stays).
pub const REQUIRED: &[&str] = &["Kennung", "Titel"];

/// The most lines one import takes.
pub const MAX_ROWS: usize = 5000;

/// The column a form field's problem belongs to (`schedules.0.start` → `Termine`).
pub fn column_of(field: &str) -> &'static str {
    COLUMNS
        .iter()
        .find(|(_, f)| field == *f || field.starts_with(&format!("{f}.")))
        .map_or("Kennung", |(h, _)| h)
}

/// A problem in one cell: the column's header and an i18n reason key (`staff_errors`, schedule
/// reasons, or `csv_*`), with the text that was not understood when it helps.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CellIssue {
    pub column: String,
    pub reason: String,
    pub detail: Option<String>,
}

impl CellIssue {
    pub fn new(column: &str, reason: &str, detail: Option<String>) -> Self {
        Self { column: column.into(), reason: reason.into(), detail }
    }
}

/// Where each known column is in a file's header line. Unknown headers and missing required
/// columns are problems.
pub fn read_header(cells: &[String]) -> Result<Vec<Option<usize>>, Vec<CellIssue>> {
    let mut issues = Vec::new();
    let names: Vec<&str> = cells.iter().map(|c| c.trim().trim_start_matches('\u{feff}')).collect();
    for n in names.iter().filter(|n| !n.is_empty() && !COLUMNS.iter().any(|(h, _)| h == *n)) {
        issues.push(CellIssue::new(n, "csv_unknown_column", None));
    }
    for r in REQUIRED.iter().filter(|r| !names.contains(r)) {
        issues.push(CellIssue::new(r, "csv_missing_column", None));
    }
    if issues.is_empty() {
        Ok(COLUMNS.iter().map(|(h, _)| names.iter().position(|n| n == h)).collect())
    } else {
        Err(issues)
    }
}

fn yes_no(on: &str) -> String {
    if on.is_empty() { "nein" } else { "ja" }.into()
}

/// One export line for `form` (a stored offer's form) with its status code.
pub fn row_of(form: &OfferForm, schedules: &[ScheduleInput], status: &str) -> Vec<String> {
    let de = form.texts.get("de").cloned().unwrap_or_default();
    let cells = [
        form.slug.clone(),
        form.version.clone(),
        de.title,
        de.description,
        form.organisation.clone(),
        form.place.clone(),
        form.quarters.join(", "),
        form.category.clone(),
        form.age_min.clone(),
        form.age_max.clone(),
        form.audiences.join(", "),
        yes_no(&form.free),
        form.cost.clone(),
        form.languages.join(", "),
        yes_no(&form.registration_required),
        form.registration_text.clone(),
        form.contact_name.clone(),
        form.contact_phone.clone(),
        form.contact_email.clone(),
        schedules_text(schedules),
        status.to_owned(),
    ];
    cells.iter().map(|c| safe_cell(c)).collect()
}

/// A cell as typed, without the apostrophe an export put before formula-like text.
fn unescape(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

fn list(cell: &str) -> Vec<String> {
    cell.split([',', ';', '\n']).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

fn flag(column: &str, cell: &str, issues: &mut Vec<CellIssue>) -> String {
    match cell.trim().to_lowercase().as_str() {
        "ja" | "j" | "x" | "1" | "yes" | "y" | "true" | "wahr" => "on".into(),
        "nein" | "n" | "0" | "" | "no" | "false" | "falsch" => String::new(),
        other => {
            issues.push(CellIssue::new(column, "csv_yes_no", Some(other.to_owned())));
            String::new()
        }
    }
}

/// Fills `base` (the stored offer's form, or an empty one) from a line's cells. The dates are
/// taken from `Termine` unless that cell is what the stored schedules export as; then the stored
/// schedules stay exactly (with their cancellations and changes, which the cell does not show).
pub fn apply_row(
    mut form: OfferForm,
    stored: &[ScheduleInput],
    positions: &[Option<usize>],
    cells: &[String],
) -> Result<OfferForm, Vec<CellIssue>> {
    let mut issues = Vec::new();
    for ((header, field), pos) in COLUMNS.iter().zip(positions) {
        let Some(cell) = pos.and_then(|p| cells.get(p)) else { continue };
        let cell = unescape(cell).to_owned();
        match *field {
            "slug" => form.slug = cell.trim().to_owned(),
            "version" => form.version = cell.trim().to_owned(),
            "texts.de.title" => form.texts.entry("de".into()).or_default().title = cell,
            "texts.de.description" => form.texts.entry("de".into()).or_default().description = cell,
            "organisation" => form.organisation = cell.trim().to_owned(),
            "place" => form.place = cell.trim().to_owned(),
            "quarters" => form.quarters = list(&cell),
            "category" => form.category = cell.trim().to_owned(),
            "age_min" => form.age_min = cell.trim().to_owned(),
            "age_max" => form.age_max = cell.trim().to_owned(),
            "audiences" => form.audiences = list(&cell),
            "free" => form.free = flag(header, &cell, &mut issues),
            "cost" => form.cost = cell,
            "languages" => form.languages = list(&cell),
            "registration_required" => form.registration_required = flag(header, &cell, &mut issues),
            "registration_text" => form.registration_text = cell,
            "contact_name" => form.contact_name = cell,
            "contact_phone" => form.contact_phone = cell,
            "contact_email" => form.contact_email = cell,
            "schedules" if cell.trim() != schedules_text(stored).trim() => {
                match parse_schedules_text(&cell) {
                    Ok(list) => form.schedules = list.iter().map(ScheduleForm::from_input).collect(),
                    Err((line, detail)) => {
                        issues.push(CellIssue::new(header, "csv_schedule", Some(format!("{line}: {detail}"))))
                    }
                }
            }
            _ => {}
        }
    }
    if issues.is_empty() {
        Ok(form)
    } else {
        Err(issues)
    }
}

/// The form's problems as cell problems.
pub fn cell_issues(issues: Vec<FieldIssue>) -> Vec<CellIssue> {
    issues.into_iter().map(|i| CellIssue::new(column_of(&i.field), &i.reason, None)).collect()
}

/// Schedules as the cell shows them: one per line.
pub fn schedules_text(schedules: &[ScheduleInput]) -> String {
    schedules.iter().map(|s| schedule_line(&to_ical(s))).collect::<Vec<_>>().join("\n")
}

fn schedule_line(s: &IcalSchedule) -> String {
    let mut parts = vec![s.dtstart.clone()];
    parts.extend(s.duration.clone());
    parts.extend(s.rrule.clone());
    if !s.rdate.is_empty() {
        parts
            .push(format!("RDATE={}", s.rdate.iter().map(ToString::to_string).collect::<Vec<_>>().join(",")));
    }
    if let Some(h) = &s.holidays {
        parts.push(format!("HOLIDAYS={h}"));
    }
    if s.public_holidays {
        parts.push("PUBLIC_HOLIDAYS=YES".into());
    }
    if let Some(l) = &s.location {
        parts.push(format!("LOCATION={l}"));
    }
    parts.join(" ")
}

/// Reads the cell's lines back; the error names the line (from 1) and what was not understood.
pub fn parse_schedules_text(cell: &str) -> Result<Vec<ScheduleInput>, (usize, String)> {
    let mut out = Vec::new();
    for (i, line) in cell.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let at = |e: String| (i + 1, e);
        let mut tokens = line.split_whitespace();
        let mut s =
            IcalSchedule { dtstart: tokens.next().unwrap_or_default().to_owned(), ..Default::default() };
        for t in tokens {
            let upper = t.to_ascii_uppercase();
            if upper.starts_with("PT") {
                s.duration = Some(t.to_owned());
            } else if upper.starts_with("FREQ=") || upper.starts_with("RRULE:") {
                s.rrule = Some(t.to_owned());
            } else if let Some(dates) = upper.strip_prefix("RDATE=") {
                for d in dates.split(',').filter(|d| !d.is_empty()) {
                    s.rdate.push(d.parse().map_err(|_| at(format!("{d:?} is not a date")))?);
                }
            } else if let Some(h) = t.strip_prefix("HOLIDAYS=") {
                s.holidays = Some(h.to_owned());
            } else if upper == "PUBLIC_HOLIDAYS=YES" {
                s.public_holidays = true;
            } else if let Some(l) = t.strip_prefix("LOCATION=") {
                s.location = Some(l.to_owned());
            } else {
                return Err(at(format!("{t:?} is not understood")));
            }
        }
        out.push(from_ical(&s).map_err(|(_, e)| at(e))?);
    }
    Ok(out)
}

/// A problem on one line of a file (line 1 is the header; 0 is the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LineIssue {
    pub line: u64,
    #[serde(flatten)]
    pub issue: CellIssue,
}

/// What an import found and did: shown to the person who uploaded the file.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportReport {
    /// Offer lines read (without the header).
    pub lines: usize,
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: usize,
    /// At most [`MAX_REPORTED`]; any problem means nothing was written.
    pub problems: Vec<LineIssue>,
    /// More problems than listed.
    pub more_problems: usize,
    pub dry_run: bool,
    pub written: bool,
}

/// Where the signed-in person's last spreadsheet import stands.
pub type ImportState = super::import_state::ImportState<ImportReport>;

/// Problems listed in a report (the rest are counted).
pub const MAX_REPORTED: usize = 200;

impl ImportReport {
    pub fn problem(&mut self, line: u64, issue: CellIssue) {
        if self.problems.len() < MAX_REPORTED {
            self.problems.push(LineIssue { line, issue });
        } else {
            self.more_problems += 1;
        }
    }

    /// A problem with the file as a whole.
    pub fn file_problem(reason: &str, detail: Option<String>) -> Self {
        let mut r = Self::default();
        r.problem(0, CellIssue::new("", reason, detail));
        r
    }
}

/// Shown with the column `Termine` to explain the format.
pub const SCHEDULE_EXAMPLE: &str = "2026-09-02T15:00 PT1H30M FREQ=WEEKLY;BYDAY=WE";

#[cfg(test)]
mod tests;
