//! The coverage page's choices in its URL: period (typical week or a date range) and category.
//! Wrong dates are named per field so the page can say which one to fix.

use crate::domain::category::Category;
use crate::domain::form::Issues;
use crate::domain::schedule::validate::FieldIssue;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Longest date range analysed at once.
pub const MAX_PERIOD_DAYS: i64 = 366;

/// Which weeks are counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    /// The typical week of the rules in force.
    #[default]
    Typical,
    /// The dates that take place between `from` and `to` (both included).
    Dates { from: NaiveDate, to: NaiveDate },
}

/// What the coverage page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CoverageQuery {
    pub period: Period,
    /// Only offers of this category; `None` for all.
    pub category: Option<Category>,
}

impl CoverageQuery {
    /// The canonical URL query (`from`, `to`, `category`), empty for the default.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Period::Dates { from, to } = self.period {
            parts.push(format!("from={from}"));
            parts.push(format!("to={to}"));
        }
        if let Some(c) = self.category {
            parts.push(format!("category={}", c.code()));
        }
        parts.join("&")
    }
}

/// Reads the page's query pairs. Both dates or none; the end not before the start; at most
/// [`MAX_PERIOD_DAYS`]; a category from the vocabulary.
pub fn parse_query<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<CoverageQuery, Vec<FieldIssue>> {
    let mut issues = Issues::default();
    let (mut from, mut to, mut category) = (None, None, None);
    for (key, value) in pairs {
        match key {
            "from" => from = issues.date("from", value),
            "to" => to = issues.date("to", value),
            "category" if !value.trim().is_empty() => match value.trim().parse::<Category>() {
                Ok(c) => category = Some(c),
                Err(_) => issues.add("category", "unknown_choice"),
            },
            _ => {}
        }
    }
    let period = match (from, to) {
        (None, None) => Period::Typical,
        (Some(_), None) | (None, Some(_)) => {
            for field in ["from", "to"] {
                if !issues.0.iter().any(|i| i.field == field) && (field == "from") == from.is_none() {
                    issues.add(field, "required");
                }
            }
            Period::Typical
        }
        (Some(from), Some(to)) if to < from => {
            issues.add("to", "period_order");
            Period::Typical
        }
        (Some(from), Some(to)) if (to - from).num_days() >= MAX_PERIOD_DAYS => {
            issues.add("to", "period_long");
            Period::Typical
        }
        (Some(from), Some(to)) => Period::Dates { from, to },
    };
    issues.finish(CoverageQuery { period, category })
}
