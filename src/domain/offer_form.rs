//! The offer form of the staff area: every field as the browser sends it (text, so nothing typed
//! is lost to a type error), converted to and from the canonical [`OfferRecord`].

pub mod diff;
pub mod validate;

use super::document::{OfferRecord, TextRecord};
use super::schedule::validate::{ExceptionInput, ScheduleInput};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Languages an offer can be held in (ISO 639-1), in the order the form lists them.
pub const SPOKEN: &[&str] = &["de", "en", "tr", "ar", "ru", "uk", "fa", "pl", "ro", "bg", "ku", "fr", "es"];

/// Longest title and description accepted.
pub const MAX_TITLE: usize = 120;
pub const MAX_TEXT: usize = 5000;

/// An offer as the edit form posts it (`form[title]`, `form[schedules][0][days][]`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    /// The version the editor started from (optimistic concurrency); empty for a new offer.
    pub version: String,
    pub slug: String,
    pub organisation: String,
    pub place: String,
    pub quarters: Vec<String>,
    pub category: String,
    pub age_min: String,
    pub age_max: String,
    pub audiences: Vec<String>,
    /// Checkboxes send `on` when ticked and nothing otherwise.
    pub free: String,
    pub cost: String,
    pub languages: Vec<String>,
    pub registration_required: String,
    pub registration_text: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub internal_note: String,
    /// Texts per locale code; German (`de`) is required.
    pub texts: BTreeMap<String, TextForm>,
    pub schedules: Vec<ScheduleForm>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextForm {
    pub title: String,
    pub description: String,
    /// Easy German (Leichte Sprache); German only.
    pub easy: String,
}

/// One schedule row; a row with `remove` ticked or without a rule kind is dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleForm {
    pub remove: String,
    pub freq: String,
    pub start_date: String,
    pub start: String,
    pub end: String,
    pub interval: String,
    pub days: Vec<String>,
    pub nth: String,
    pub weekday: String,
    pub day: String,
    /// Listed dates, separated by spaces, commas or line breaks (`2026-12-02` or `02.12.2026`).
    pub dates: String,
    pub until: String,
    pub count: String,
    pub holidays: String,
    pub public_holidays: String,
    pub place: String,
    pub exceptions: Vec<ExceptionForm>,
    pub extra_dates: String,
}

/// One changed or cancelled date; a row without a date is dropped.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExceptionForm {
    pub remove: String,
    pub date: String,
    /// `cancelled` or `changed`.
    pub kind: String,
    pub reason: String,
    pub moved_to: String,
    pub start: String,
    pub end: String,
    pub place: String,
}

fn flag(b: bool) -> String {
    if b {
        "on".into()
    } else {
        String::new()
    }
}

fn text<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn dates_text(dates: &[chrono::NaiveDate]) -> String {
    dates.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

impl OfferForm {
    /// The form showing a stored offer at `version`.
    pub fn from_record(r: &OfferRecord, version: i64) -> Self {
        let mut texts = BTreeMap::new();
        texts.insert(
            "de".to_owned(),
            TextForm {
                title: r.title.clone(),
                description: r.description.clone(),
                easy: r.easy_description.clone().unwrap_or_default(),
            },
        );
        for (locale, t) in &r.translations {
            texts.insert(
                locale.clone(),
                TextForm { title: t.title.clone(), description: t.description.clone(), easy: String::new() },
            );
        }
        OfferForm {
            version: version.to_string(),
            slug: r.slug.clone(),
            organisation: r.organisation.clone(),
            place: r.place.clone(),
            quarters: r.quarters.clone(),
            category: r.category.code().to_owned(),
            age_min: text(r.age_min),
            age_max: text(r.age_max),
            audiences: r.audiences.iter().map(|a| a.code().to_owned()).collect(),
            free: flag(r.free),
            cost: r.cost_text.clone().unwrap_or_default(),
            languages: r.languages.clone(),
            registration_required: flag(r.registration_required),
            registration_text: r.registration_text.clone().unwrap_or_default(),
            contact_name: r.contact.name.clone().unwrap_or_default(),
            contact_phone: r.contact.phone.clone().unwrap_or_default(),
            contact_email: r.contact.email.clone().unwrap_or_default(),
            internal_note: r.internal_note.clone(),
            texts,
            schedules: r.schedules.iter().map(ScheduleForm::from_input).collect(),
        }
    }

    /// The translations of a record as the form's texts would produce them.
    pub fn translations(&self) -> BTreeMap<String, TextRecord> {
        self.texts
            .iter()
            .filter(|(l, t)| {
                l.as_str() != "de" && !(t.title.trim().is_empty() && t.description.trim().is_empty())
            })
            .map(|(l, t)| {
                (
                    l.clone(),
                    TextRecord { title: t.title.trim().into(), description: t.description.trim().into() },
                )
            })
            .collect()
    }
}

impl ScheduleForm {
    pub fn from_input(s: &ScheduleInput) -> Self {
        ScheduleForm {
            remove: String::new(),
            freq: s.freq.clone(),
            start_date: text(s.start_date),
            start: s.start.clone().unwrap_or_default(),
            end: s.end.clone().unwrap_or_default(),
            interval: text(s.interval),
            days: s.days.iter().map(ToString::to_string).collect(),
            nth: text(s.nth),
            weekday: text(s.weekday),
            day: text(s.day),
            dates: dates_text(&s.dates),
            until: text(s.until),
            count: text(s.count),
            holidays: s.holidays.clone().unwrap_or_default(),
            public_holidays: flag(s.public_holidays),
            place: s.place.clone().unwrap_or_default(),
            exceptions: s.exceptions.iter().map(ExceptionForm::from_input).collect(),
            extra_dates: dates_text(&s.extra_dates),
        }
    }
}

impl ExceptionForm {
    pub fn from_input(e: &ExceptionInput) -> Self {
        ExceptionForm {
            remove: String::new(),
            date: text(e.date),
            kind: if e.cancelled.is_some() { "cancelled" } else { "changed" }.into(),
            reason: e.cancelled.clone().unwrap_or_default(),
            moved_to: text(e.moved_to),
            start: e.start.clone().unwrap_or_default(),
            end: e.end.clone().unwrap_or_default(),
            place: e.place.clone().unwrap_or_default(),
        }
    }
}

/// Something a select or checkbox list offers: its slug and its (German) name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub slug: String,
    pub name: String,
}

/// What the references of an offer may point at.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormOptions {
    pub organisations: Vec<Choice>,
    pub places: Vec<Choice>,
    pub quarters: Vec<Choice>,
}

impl FormOptions {
    /// The slugs validation accepts, with the content locales.
    pub fn choices(&self, locales: &[&str]) -> validate::Choices {
        let slugs = |l: &[Choice]| l.iter().map(|c| c.slug.clone()).collect();
        validate::Choices {
            organisations: slugs(&self.organisations),
            places: slugs(&self.places),
            quarters: slugs(&self.quarters),
            locales: locales.iter().map(|l| (*l).to_owned()).collect(),
        }
    }
}
