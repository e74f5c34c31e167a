//! Words for the model's codes (categories, weekdays, languages …), all through leptos_i18n.

use crate::domain::category::{Audience, Category, OrgKind};
use crate::i18n::*;
use chrono::Weekday;
use leptos_i18n::I18nContext;

type I18n = I18nContext<Locale>;

pub fn category(i18n: I18n, c: Category) -> &'static str {
    match c {
        Category::Sport => t_string!(i18n, category.sport),
        Category::Culture => t_string!(i18n, category.culture),
        Category::Learning => t_string!(i18n, category.learning),
        Category::Counselling => t_string!(i18n, category.counselling),
        Category::Meeting => t_string!(i18n, category.meeting),
        Category::Health => t_string!(i18n, category.health),
        Category::Family => t_string!(i18n, category.family),
        Category::Holiday => t_string!(i18n, category.holiday),
        Category::Language => t_string!(i18n, category.language),
    }
}

pub fn audience(i18n: I18n, a: Audience) -> &'static str {
    match a {
        Audience::Children => t_string!(i18n, audience.children),
        Audience::Youth => t_string!(i18n, audience.youth),
        Audience::Parents => t_string!(i18n, audience.parents),
        Audience::Families => t_string!(i18n, audience.families),
    }
}

pub fn org_kind(i18n: I18n, k: OrgKind) -> &'static str {
    match k {
        OrgKind::Club => t_string!(i18n, org_kind.club),
        OrgKind::School => t_string!(i18n, org_kind.school),
        OrgKind::DayCare => t_string!(i18n, org_kind.daycare),
        OrgKind::Church => t_string!(i18n, org_kind.church),
        OrgKind::Ngo => t_string!(i18n, org_kind.ngo),
        OrgKind::Initiative => t_string!(i18n, org_kind.initiative),
        OrgKind::City => t_string!(i18n, org_kind.city),
    }
}

/// Full weekday name ("Mittwoch").
pub fn weekday(i18n: I18n, d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => t_string!(i18n, days.mon),
        Weekday::Tue => t_string!(i18n, days.tue),
        Weekday::Wed => t_string!(i18n, days.wed),
        Weekday::Thu => t_string!(i18n, days.thu),
        Weekday::Fri => t_string!(i18n, days.fri),
        Weekday::Sat => t_string!(i18n, days.sat),
        Weekday::Sun => t_string!(i18n, days.sun),
    }
}

/// Short weekday name ("Mi").
pub fn weekday_short(i18n: I18n, d: Weekday) -> &'static str {
    match d {
        Weekday::Mon => t_string!(i18n, days_short.mon),
        Weekday::Tue => t_string!(i18n, days_short.tue),
        Weekday::Wed => t_string!(i18n, days_short.wed),
        Weekday::Thu => t_string!(i18n, days_short.thu),
        Weekday::Fri => t_string!(i18n, days_short.fri),
        Weekday::Sat => t_string!(i18n, days_short.sat),
        Weekday::Sun => t_string!(i18n, days_short.sun),
    }
}

/// Name of a spoken language by ISO 639-1 code; the code itself for languages we have no name for.
pub fn spoken_language(i18n: I18n, code: &str) -> String {
    let name = match code {
        "de" => t_string!(i18n, spoken.de),
        "en" => t_string!(i18n, spoken.en),
        "tr" => t_string!(i18n, spoken.tr),
        "ar" => t_string!(i18n, spoken.ar),
        "ru" => t_string!(i18n, spoken.ru),
        "uk" => t_string!(i18n, spoken.uk),
        "fa" => t_string!(i18n, spoken.fa),
        "pl" => t_string!(i18n, spoken.pl),
        "ro" => t_string!(i18n, spoken.ro),
        "bg" => t_string!(i18n, spoken.bg),
        "ku" => t_string!(i18n, spoken.ku),
        "fr" => t_string!(i18n, spoken.fr),
        "es" => t_string!(i18n, spoken.es),
        _ => return code.to_owned(),
    };
    name.to_owned()
}

/// The message for a schedule validation reason (see `domain::schedule::validate`); unknown
/// reasons get the generic "please fill this in".
pub fn schedule_error(i18n: I18n, reason: &str) -> &'static str {
    match reason {
        "time_format" => t_string!(i18n, schedule_errors.time_format),
        "end_not_after_start" => t_string!(i18n, schedule_errors.end_not_after_start),
        "interval_range" => t_string!(i18n, schedule_errors.interval_range),
        "days_required" => t_string!(i18n, schedule_errors.days_required),
        "weekday_range" => t_string!(i18n, schedule_errors.weekday_range),
        "nth_range" => t_string!(i18n, schedule_errors.nth_range),
        "fifth_skips_months" => t_string!(i18n, schedule_errors.fifth_skips_months),
        "day_range" => t_string!(i18n, schedule_errors.day_range),
        "day_skips_months" => t_string!(i18n, schedule_errors.day_skips_months),
        "dates_required" => t_string!(i18n, schedule_errors.dates_required),
        "freq_unknown" => t_string!(i18n, schedule_errors.freq_unknown),
        "until_or_count" => t_string!(i18n, schedule_errors.until_or_count),
        "until_before_start" => t_string!(i18n, schedule_errors.until_before_start),
        "count_range" => t_string!(i18n, schedule_errors.count_range),
        "holidays_unknown" => t_string!(i18n, schedule_errors.holidays_unknown),
        "exception_empty" => t_string!(i18n, schedule_errors.exception_empty),
        "no_occurrence" => t_string!(i18n, schedule_errors.no_occurrence),
        _ => t_string!(i18n, schedule_errors.required),
    }
}
