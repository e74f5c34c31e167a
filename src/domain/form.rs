//! Reading posted forms: every field arrives as text; each reader names the field's problem
//! (an i18n reason key) and collects all problems of a form at once.

use super::schedule::validate::FieldIssue;
use chrono::NaiveDate;

/// Collects issues while reading fields.
#[derive(Default)]
pub struct Issues(pub Vec<FieldIssue>);

impl Issues {
    pub fn add(&mut self, field: impl Into<String>, reason: &str) {
        self.0.push(FieldIssue { field: field.into(), reason: reason.into() });
    }

    pub fn text(&mut self, field: &str, value: &str, max: usize, required: bool) -> Option<String> {
        let v = value.trim();
        if v.is_empty() {
            if required {
                self.add(field, "required");
            }
            return None;
        }
        if v.chars().count() > max {
            self.add(field, "too_long");
        }
        Some(v.to_owned())
    }

    pub fn choice(&mut self, field: &str, value: &str, allowed: &[String]) -> String {
        let v = value.trim();
        if v.is_empty() {
            self.add(field, "required");
        } else if !allowed.iter().any(|a| a == v) {
            self.add(field, "unknown_choice");
        }
        v.to_owned()
    }

    pub fn number(&mut self, field: &str, value: &str) -> Option<i64> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        v.parse().map_err(|_| self.add(field, "number_format")).ok()
    }

    pub fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        let v = value.trim();
        if v.is_empty() {
            return None;
        }
        parse_date(v).or_else(|| {
            self.add(field, "date_format");
            None
        })
    }

    pub fn dates(&mut self, field: &str, value: &str) -> Vec<NaiveDate> {
        let mut out = Vec::new();
        for part in value.split([',', ';', ' ', '\n', '\r', '\t']).filter(|p| !p.is_empty()) {
            match parse_date(part) {
                Some(d) => out.push(d),
                None => {
                    self.add(field, "date_format");
                    break;
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

/// `2026-12-02` (what date inputs send) or `02.12.2026` (what people type).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y")).ok()
}

/// Whether a checkbox was ticked (it sends a value only then).
pub fn on(v: &str) -> bool {
    !v.trim().is_empty()
}

impl Issues {
    /// The collected problems, or `value` when there are none.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<FieldIssue>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }

    /// A slug field: required, well-formed, not reserved.
    pub fn slug(&mut self, field: &str, value: &str) -> String {
        use super::slug::{check_slug, SlugError};
        let slug = value.trim().to_owned();
        match check_slug(&slug) {
            Ok(()) => {}
            Err(SlugError::Reserved(_)) => self.add(field, "slug_reserved"),
            Err(_) if slug.is_empty() => self.add(field, "required"),
            Err(_) => self.add(field, "slug_invalid"),
        }
        slug
    }

    /// An optional phone number: digits and the usual separators.
    pub fn phone(&mut self, field: &str, value: &str) -> Option<String> {
        let p = self.text(field, value, 40, false)?;
        if !p.chars().all(|c| c.is_ascii_digit() || " +-/()".contains(c))
            || !p.chars().any(|c| c.is_ascii_digit())
        {
            self.add(field, "phone_invalid");
        }
        Some(p)
    }

    /// An optional e-mail address.
    pub fn email(&mut self, field: &str, value: &str) -> Option<String> {
        let e = self.text(field, value, 254, false)?;
        if super::staff::normalise_email(&e).is_err() {
            self.add(field, "email_invalid");
        }
        Some(e)
    }
}
