//! An organisation's calendar address as an administrator configures it (the server reads it
//! now and then and imports its events as offers), and what reading a calendar did.

use super::category::Category;
use super::form::Issues;
use super::offer_form::FormOptions;
use super::schedule::validate::FieldIssue;
use serde::{Deserialize, Serialize};

/// Longest calendar address accepted.
pub const MAX_URL: usize = 2000;

/// One problem of a calendar: the event (its title and UID, or its position), the iCalendar
/// property or offer field, a reason code (translated on the page) and the text at fault.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarProblem {
    pub event: String,
    pub field: String,
    pub reason: String,
    pub detail: Option<String>,
}

impl CalendarProblem {
    pub fn new(event: &str, field: &str, reason: &str, detail: Option<String>) -> Self {
        CalendarProblem { event: event.into(), field: field.into(), reason: reason.into(), detail }
    }

    /// A problem of the whole file (or of reading it).
    pub fn file(reason: &str, detail: Option<String>) -> Self {
        Self::new("", "", reason, detail)
    }
}

/// The problem in English, for the command line.
impl std::fmt::Display for CalendarProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let event = if self.event.is_empty() { String::new() } else { format!("{}: ", self.event) };
        write!(f, "{event}{}", super::reason::describe(&self.field, &self.reason, self.detail.as_deref()))
    }
}

/// What reading a calendar did, or (`written == false`) would do. With problems nothing was written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarReport {
    pub created: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: usize,
    pub problems: Vec<CalendarProblem>,
    /// Problems beyond the first [`MAX_REPORTED`], counted.
    #[serde(default)]
    pub more_problems: usize,
    pub written: bool,
}

/// Problems listed in a report (the rest are counted).
pub const MAX_REPORTED: usize = 200;

impl CalendarReport {
    pub fn failed(problem: CalendarProblem) -> Self {
        CalendarReport { problems: vec![problem], ..Default::default() }
    }

    /// The report with at most [`MAX_REPORTED`] problems listed.
    pub fn capped(mut self) -> Self {
        self.more_problems += self.problems.len().saturating_sub(MAX_REPORTED);
        self.problems.truncate(MAX_REPORTED);
        self
    }
}

/// A configured calendar as the staff page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarSource {
    pub organisation: String,
    pub organisation_name: String,
    pub url: String,
    pub place: String,
    pub place_name: String,
    pub category: Category,
    /// When the server last read it (UTC, RFC 3339), and what that did.
    pub checked_at: Option<String>,
    pub report: Option<CalendarReport>,
}

/// The posted form that configures an organisation's calendar (slugs and the category code).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarForm {
    pub organisation: String,
    pub url: String,
    pub place: String,
    pub category: String,
}

/// A checked calendar form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarSetting {
    pub organisation: String,
    pub url: String,
    pub place: String,
    pub category: Category,
}

/// Checks the form against the organisations and places there are; an address must be
/// `https://` or `http://` without spaces.
pub fn validate_calendar_form(
    form: &CalendarForm,
    options: &FormOptions,
) -> Result<CalendarSetting, Vec<FieldIssue>> {
    let mut is = Issues::default();
    let slugs = |l: &[super::offer_form::Choice]| l.iter().map(|c| c.slug.clone()).collect::<Vec<_>>();
    let organisation = is.choice("organisation", &form.organisation, &slugs(&options.organisations));
    let place = is.choice("place", &form.place, &slugs(&options.places));
    let url = is.text("url", &form.url, MAX_URL, true).unwrap_or_default();
    let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
    if !url.is_empty() && (!scheme_ok || url.len() < 11 || url.contains(char::is_whitespace)) {
        is.add("url", "website_invalid");
    }
    let category = form.category.parse::<Category>().unwrap_or_else(|_| {
        is.add("category", if form.category.trim().is_empty() { "required" } else { "unknown_choice" });
        Category::Meeting
    });
    is.finish(CalendarSetting { organisation, url, place, category })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::offer_form::Choice;

    fn options() -> FormOptions {
        let c = |s: &str| Choice { slug: s.into(), name: s.into() };
        FormOptions { organisations: vec![c("tsv")], places: vec![c("halle")], quarters: vec![] }
    }

    fn form(url: &str) -> CalendarForm {
        CalendarForm {
            organisation: "tsv".into(),
            url: url.into(),
            place: "halle".into(),
            category: Category::Sport.code().into(),
        }
    }

    #[test]
    fn accepts_a_web_address() {
        let s = validate_calendar_form(&form(" https://tsv.example/kalender.ics "), &options()).unwrap();
        assert_eq!(s.url, "https://tsv.example/kalender.ics");
        assert_eq!(s.category, Category::Sport);
    }

    #[test]
    fn names_every_wrong_field() {
        let mut f = form("file:///etc/passwd");
        f.organisation = "nobody".into();
        f.place = String::new();
        f.category = "cake".into();
        let issues = validate_calendar_form(&f, &options()).unwrap_err();
        let fields: Vec<_> = issues.iter().map(|i| (i.field.as_str(), i.reason.as_str())).collect();
        assert_eq!(
            fields,
            vec![
                ("organisation", "unknown_choice"),
                ("place", "required"),
                ("url", "website_invalid"),
                ("category", "unknown_choice")
            ]
        );
        let spaced = validate_calendar_form(&form("https://a.example/x y.ics"), &options()).unwrap_err();
        assert_eq!(spaced[0].field, "url");
    }

    #[test]
    fn problems_read_in_english_on_the_command_line() {
        let p = CalendarProblem::new("event 2 (Yoga)", "DTSTART", "ics_bad_date", Some("2027".into()));
        assert_eq!(p.to_string(), "event 2 (Yoga): DTSTART is not a date or a date and time (2027)");
    }
}
