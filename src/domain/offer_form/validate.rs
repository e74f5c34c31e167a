//! Checking a posted offer form: every wrong field named by its form path (`texts.de.title`,
//! `schedules.1.days`) with an i18n reason key, all at once; a clean form becomes an [`OfferRecord`].

use super::{ExceptionForm, OfferForm, ScheduleForm, MAX_TEXT, MAX_TITLE, SPOKEN};
use crate::domain::age::AgeRange;
use crate::domain::category::{Audience, Category, OfferStatus};
use crate::domain::document::{ContactRecord, OfferRecord};
use crate::domain::form::{on, Issues};
use crate::domain::holidays::HolidayCalendar;
use crate::domain::schedule::validate::{parse_schedule, ExceptionInput, FieldIssue, ScheduleInput};
use chrono::NaiveDate;

/// What the references of a form may name (slugs), and the content locales.
#[derive(Clone, Debug, Default)]
pub struct Choices {
    pub organisations: Vec<String>,
    pub places: Vec<String>,
    pub quarters: Vec<String>,
    pub locales: Vec<String>,
}

/// Checks every field of `form`; `status` and `last_confirmed` are kept from the stored offer.
pub fn validate_offer_form(
    form: &OfferForm,
    choices: &Choices,
    cal: &HolidayCalendar,
    status: OfferStatus,
    last_confirmed: NaiveDate,
) -> Result<OfferRecord, Vec<FieldIssue>> {
    let mut is = Issues::default();
    let slug = is.slug("slug", &form.slug);
    let de = form.texts.get("de").cloned().unwrap_or_default();
    let title = is.text("texts.de.title", &de.title, MAX_TITLE, true).unwrap_or_default();
    let description = is.text("texts.de.description", &de.description, MAX_TEXT, true).unwrap_or_default();
    let easy = is.text("texts.de.easy", &de.easy, MAX_TEXT, false);
    for (locale, t) in form.texts.iter().filter(|(l, _)| l.as_str() != "de") {
        if !choices.locales.contains(locale) {
            is.add(format!("texts.{locale}"), "unknown_choice");
            continue;
        }
        let (has_title, has_text) = (on(&t.title), on(&t.description));
        if has_title != has_text {
            let missing = if has_title { "description" } else { "title" };
            is.add(format!("texts.{locale}.{missing}"), "translation_incomplete");
        }
        is.text(&format!("texts.{locale}.title"), &t.title, MAX_TITLE, false);
        is.text(&format!("texts.{locale}.description"), &t.description, MAX_TEXT, false);
    }
    let organisation = is.choice("organisation", &form.organisation, &choices.organisations);
    let place = is.choice("place", &form.place, &choices.places);
    let mut quarters: Vec<String> = form.quarters.iter().map(|q| q.trim().to_owned()).collect();
    quarters.sort();
    quarters.dedup();
    if quarters.is_empty() {
        is.add("quarters", "required");
    } else if quarters.iter().any(|q| !choices.quarters.contains(q)) {
        is.add("quarters", "unknown_choice");
    }
    let category = form.category.trim().parse::<Category>().unwrap_or_else(|_| {
        is.add("category", if form.category.trim().is_empty() { "required" } else { "unknown_choice" });
        Category::Meeting
    });
    let (age_min, age_max) = ages(&mut is, form);
    let mut audiences = Vec::new();
    for a in &form.audiences {
        match a.parse::<Audience>() {
            Ok(a) if !audiences.contains(&a) => audiences.push(a),
            Ok(_) => {}
            Err(_) => is.add("audiences", "unknown_choice"),
        }
    }
    let mut languages: Vec<String> = Vec::new();
    for l in &form.languages {
        if !SPOKEN.contains(&l.as_str()) {
            is.add("languages", "unknown_choice");
        } else if !languages.contains(l) {
            languages.push(l.clone());
        }
    }
    let contact = ContactRecord {
        name: is.text("contact_name", &form.contact_name, 120, false),
        phone: is.text("contact_phone", &form.contact_phone, 40, false),
        email: is.text("contact_email", &form.contact_email, 254, false),
    };
    if let Some(p) = &contact.phone {
        if !p.chars().all(|c| c.is_ascii_digit() || " +-/()".contains(c))
            || !p.chars().any(|c| c.is_ascii_digit())
        {
            is.add("contact_phone", "phone_invalid");
        }
    }
    if let Some(e) = &contact.email {
        if crate::domain::staff::normalise_email(e).is_err() {
            is.add("contact_email", "email_invalid");
        }
    }
    let cost_text = is.text("cost", &form.cost, 200, false);
    let registration_text = is.text("registration_text", &form.registration_text, 500, false);
    let internal_note = is.text("internal_note", &form.internal_note, MAX_TEXT, false).unwrap_or_default();
    let mut schedules = Vec::new();
    for (i, row) in form.schedules.iter().enumerate() {
        if on(&row.remove) || row.freq.trim().is_empty() {
            continue;
        }
        if let Some(input) = schedule_input(&mut is, i, row, choices, cal) {
            schedules.push(input);
        }
    }
    if !is.0.is_empty() {
        return Err(is.0);
    }
    Ok(OfferRecord {
        slug,
        title,
        description,
        easy_description: easy,
        organisation,
        place,
        quarters,
        category,
        age_min,
        age_max,
        audiences,
        free: on(&form.free),
        cost_text,
        languages,
        registration_required: on(&form.registration_required),
        registration_text,
        contact,
        status,
        last_confirmed,
        schedules,
        translations: form.translations(),
        internal_note,
    })
}

fn ages(is: &mut Issues, form: &OfferForm) -> (Option<u8>, Option<u8>) {
    let mut age = |field: &str, v: &str| match is.number(field, v) {
        Some(n) if (0..=i64::from(crate::domain::age::MAX_AGE)).contains(&n) => Some(n as u8),
        Some(_) => {
            is.add(field, "age_range");
            None
        }
        None => None,
    };
    let (min, max) = (age("age_min", &form.age_min), age("age_max", &form.age_max));
    if AgeRange::new(min, max).is_err() {
        is.add("age_max", "age_order");
    }
    (min, max)
}

fn schedule_input(
    is: &mut Issues,
    i: usize,
    row: &ScheduleForm,
    choices: &Choices,
    cal: &HolidayCalendar,
) -> Option<ScheduleInput> {
    let at = |f: &str| format!("schedules.{i}.{f}");
    let before = is.0.len();
    let mut days = Vec::new();
    for d in &row.days {
        if let Some(n) = is.number(&at("days"), d) {
            days.push(n);
        }
    }
    let place = (!row.place.trim().is_empty()).then(|| is.choice(&at("place"), &row.place, &choices.places));
    let mut exceptions = Vec::new();
    for (j, e) in row.exceptions.iter().enumerate() {
        if on(&e.remove) || e.date.trim().is_empty() {
            continue;
        }
        exceptions.push(exception_input(is, &at(&format!("exceptions.{j}.")), e, choices));
    }
    let input = ScheduleInput {
        start_date: is.date(&at("start_date"), &row.start_date),
        start: on(&row.start).then(|| row.start.trim().to_owned()),
        end: on(&row.end).then(|| row.end.trim().to_owned()),
        freq: row.freq.trim().to_owned(),
        interval: is.number(&at("interval"), &row.interval),
        days,
        nth: is.number(&at("nth"), &row.nth),
        weekday: is.number(&at("weekday"), &row.weekday),
        day: is.number(&at("day"), &row.day),
        dates: is.dates(&at("dates"), &row.dates),
        until: is.date(&at("until"), &row.until),
        count: is.number(&at("count"), &row.count),
        holidays: on(&row.holidays).then(|| row.holidays.trim().to_owned()),
        public_holidays: on(&row.public_holidays),
        place,
        exceptions,
        extra_dates: is.dates(&at("extra_dates"), &row.extra_dates),
    };
    if is.0.len() > before {
        return None;
    }
    match parse_schedule(&input, cal) {
        Ok(_) => Some(input),
        Err(issues) => {
            for issue in issues {
                is.add(at(&issue.field), &issue.reason);
            }
            None
        }
    }
}

fn exception_input(is: &mut Issues, prefix: &str, e: &ExceptionForm, choices: &Choices) -> ExceptionInput {
    let at = |f: &str| format!("{prefix}{f}");
    let cancelled = e.kind.trim() == "cancelled";
    ExceptionInput {
        date: is.date(&at("date"), &e.date),
        cancelled: cancelled.then(|| e.reason.trim().to_owned()),
        moved_to: if cancelled { None } else { is.date(&at("moved_to"), &e.moved_to) },
        start: (!cancelled && on(&e.start)).then(|| e.start.trim().to_owned()),
        end: (!cancelled && on(&e.end)).then(|| e.end.trim().to_owned()),
        place: (!cancelled && on(&e.place)).then(|| is.choice(&at("place"), &e.place, &choices.places)),
    }
}

#[cfg(test)]
mod tests;
