//! Offers (Angebote): what the board lists and the offer page shows.

use super::age::AgeRange;
use super::category::{Audience, Category};
use super::organisation::Organisation;
use super::place::Place;
use super::quarter::QuarterSummary;
use super::schedule::{Occurrence, Schedule};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One line of a quarter board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferSummary {
    /// The offer's id: stays when it is renamed (calendar UIDs).
    pub id: i64,
    pub slug: String,
    /// Locale the texts are in: the requested one, or German when no translation exists.
    pub lang: String,
    pub title: String,
    pub category: Category,
    pub ages: AgeRange,
    pub is_free: bool,
    pub place_name: String,
    /// The name of the quarter the place is in, when that is not the board's own quarter.
    pub place_quarter: Option<String>,
    pub audiences: Vec<Audience>,
    /// ISO 639-1 codes of the languages spoken there.
    pub languages: Vec<String>,
    pub step_free: bool,
    pub registration_required: bool,
    pub schedules: Vec<Schedule>,
    /// The next occurrence that takes place, if any.
    pub next: Option<Occurrence>,
    /// A cancelled occurrence in the shown week, if any.
    pub cancelled_this_week: Option<Occurrence>,
    /// What the filter looks at, for the shown week (the browser re-applies filters with it).
    pub facts: super::filter::OfferFacts,
}

/// Everything known about an offer, for its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferDetail {
    /// The offer's id: stays when it is renamed (calendar UIDs).
    pub id: i64,
    pub slug: String,
    pub lang: String,
    pub title: String,
    pub description: String,
    /// The description in easy German (Leichte Sprache), when someone wrote one.
    pub easy_description: Option<String>,
    pub category: Category,
    pub ages: AgeRange,
    pub audiences: Vec<Audience>,
    pub cost: Cost,
    pub languages: Vec<String>,
    pub registration: Registration,
    pub contact: Contact,
    pub last_confirmed: NaiveDate,
    pub schedules: Vec<Schedule>,
    /// The next occurrences, cancelled ones included so residents see them.
    pub upcoming: Vec<Occurrence>,
    /// Today in the configured zone, for "from …" in summaries.
    pub today: NaiveDate,
    /// The offer's public address; its short link for print (`/o/<offer>/<lang>`) and that link's
    /// QR code as inline SVG.
    pub url: String,
    pub short_url: String,
    pub qr_svg: Option<String>,
    /// schema.org JSON-LD describing the offer (already safe to embed in a script element).
    pub json_ld: String,
    pub place: Place,
    pub organisation: Organisation,
    pub quarters: Vec<QuarterSummary>,
}

/// Free of charge, or a price described in words ("2 € per afternoon").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cost {
    Free,
    Amount(String),
}

/// Whether families must sign up first, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    pub required: bool,
    pub how: Option<String>,
}

/// The person to ask about an offer; all parts optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl Contact {
    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.phone.is_none() && self.email.is_none()
    }
}

/// A shortlist's offers with the address that reopens it and its QR code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Shortlist {
    pub offers: Vec<OfferDetail>,
    pub url: String,
    pub qr_svg: Option<String>,
    /// The quarter most of the offers belong to: its office is the contact on the printout.
    pub quarter: Option<super::quarter::Quarter>,
    /// The day it was made (printed on it).
    pub today: chrono::NaiveDate,
}

impl Shortlist {
    /// The quarter named most often in `slugs`, the quarters of the offers (of equals, the one
    /// met first).
    pub fn main_quarter<'a>(slugs: impl IntoIterator<Item = &'a str>) -> Option<String> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for q in slugs {
            match counts.iter_mut().find(|(s, _)| *s == q) {
                Some((_, n)) => *n += 1,
                None => counts.push((q, 1)),
            }
        }
        let best = counts.iter().map(|(_, n)| *n).max()?;
        counts.iter().find(|(_, n)| *n == best).map(|(s, _)| (*s).to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::Shortlist;

    /// The shortlist's printout names the quarter most of its offers are in.
    #[test]
    fn the_main_quarter_is_the_most_named() {
        assert_eq!(Shortlist::main_quarter(["welheim", "altstadt", "altstadt"]), Some("altstadt".into()));
        assert_eq!(Shortlist::main_quarter(["welheim", "altstadt"]), Some("welheim".into()));
        assert_eq!(Shortlist::main_quarter([]), None);
    }
}
