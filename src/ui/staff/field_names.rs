//! The offer form's fields by the words the form labels them with, for the conflict screen:
//! `schedules.0.holidays` reads "Termin-Regel 1 · Schulferien", `texts.ar.title` "Titel (Arabisch)".

use crate::i18n::*;
use leptos_i18n::I18nContext;

type I18n = I18nContext<Locale>;

/// The label of the field at `path` (as `offer_form::diff` names it); the path itself for a
/// field the form has no label for.
pub fn field_name(i18n: I18n, path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    let number = |s: &str| s.parse::<usize>().ok().map(|i| i + 1);
    let named = match parts.as_slice() {
        ["texts", lang, field] => text_label(i18n, field)
            .map(|l| format!("{l} ({})", crate::ui::labels::spoken_language(i18n, lang))),
        ["schedules", n, "exceptions", m, field] => {
            number(n).zip(number(m)).zip(exception_label(i18n, field)).map(|((n, m), l)| {
                let rule = t_string!(i18n, staff.schedule_n, n = n).to_string();
                format!("{rule} · {} {m} · {l}", t_string!(i18n, staff.exceptions))
            })
        }
        ["schedules", n, field] => number(n)
            .zip(schedule_label(i18n, field))
            .map(|(n, l)| format!("{} · {l}", t_string!(i18n, staff.schedule_n, n = n))),
        [field] => offer_label(i18n, field).map(str::to_owned),
        _ => None,
    };
    named.unwrap_or_else(|| path.to_owned())
}

fn offer_label(i18n: I18n, field: &str) -> Option<&'static str> {
    Some(match field {
        "slug" => t_string!(i18n, staff.field_slug),
        "organisation" => t_string!(i18n, staff.field_organisation),
        "place" => t_string!(i18n, staff.field_place),
        "quarters" => t_string!(i18n, staff.field_quarters),
        "category" => t_string!(i18n, staff.field_category),
        "age_min" => t_string!(i18n, staff.field_age_min),
        "age_max" => t_string!(i18n, staff.field_age_max),
        "audiences" => t_string!(i18n, staff.field_audiences),
        "free" => t_string!(i18n, staff.field_free),
        "cost" => t_string!(i18n, staff.field_cost),
        "languages" => t_string!(i18n, staff.field_languages),
        "registration_required" => t_string!(i18n, staff.field_registration),
        "registration_text" => t_string!(i18n, staff.field_registration_text),
        "contact_name" => t_string!(i18n, staff.field_contact_name),
        "contact_phone" => t_string!(i18n, staff.field_contact_phone),
        "contact_email" => t_string!(i18n, staff.field_contact_email),
        "internal_note" => t_string!(i18n, staff.field_note),
        _ => return None,
    })
}

fn text_label(i18n: I18n, field: &str) -> Option<&'static str> {
    Some(match field {
        "title" => t_string!(i18n, staff.field_title),
        "description" => t_string!(i18n, staff.field_description),
        "easy" => t_string!(i18n, staff.field_easy),
        _ => return None,
    })
}

fn schedule_label(i18n: I18n, field: &str) -> Option<&'static str> {
    Some(match field {
        "remove" => t_string!(i18n, staff.remove_schedule),
        "freq" => t_string!(i18n, staff.freq),
        "start_date" => t_string!(i18n, staff.start_date),
        "start" => t_string!(i18n, staff.start_time),
        "end" => t_string!(i18n, staff.end_time),
        "interval" => t_string!(i18n, staff.interval),
        "days" => t_string!(i18n, staff.days),
        "nth" => t_string!(i18n, staff.nth),
        "weekday" => t_string!(i18n, staff.weekday),
        "day" => t_string!(i18n, staff.month_day),
        "dates" => t_string!(i18n, staff.dates),
        "until" => t_string!(i18n, staff.until),
        "count" => t_string!(i18n, staff.count),
        "holidays" => t_string!(i18n, staff.holidays),
        "public_holidays" => t_string!(i18n, staff.public_holidays),
        "place" => t_string!(i18n, staff.schedule_place),
        "extra_dates" => t_string!(i18n, staff.extra_dates),
        _ => return None,
    })
}

fn exception_label(i18n: I18n, field: &str) -> Option<&'static str> {
    Some(match field {
        "remove" => t_string!(i18n, staff.remove_exception),
        "date" => t_string!(i18n, staff.exception_date),
        "kind" => t_string!(i18n, staff.exception_kind),
        "reason" => t_string!(i18n, staff.exception_reason),
        "moved_to" => t_string!(i18n, staff.exception_moved_to),
        "start" => t_string!(i18n, staff.exception_start),
        "end" => t_string!(i18n, staff.exception_end),
        "place" => t_string!(i18n, staff.exception_place),
        _ => return None,
    })
}
