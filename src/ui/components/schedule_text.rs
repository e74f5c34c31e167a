//! Schedules in words, in the page language: "jeden 1. Mittwoch im Monat · 10:00–11:30 Uhr ·
//! nicht in den Schulferien". Every phrase comes from the locale files; only the separator
//! between phrases is joined here, and it too is translated.

use crate::domain::schedule::{HolidayMode, Nth, Rule, RuleEnd, Schedule, Times};
use crate::domain::week_plan::Pattern;
use crate::i18n::*;
use crate::ui::{date_format, labels};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

type I18n = I18nContext<Locale>;

/// "10:00–11:30 Uhr", or "ganztägig".
pub fn times_text(i18n: I18n, times: Times) -> String {
    match times {
        Times::AllDay => t_string!(i18n, summary.all_day).to_string(),
        Times::Timed { start, end } => {
            let locale = i18n.get_locale_untracked();
            let (start, end) = (date_format::time(locale, start), date_format::time(locale, end));
            t_string!(i18n, summary.time, start = start, end = end).to_string()
        }
    }
}

/// A date the way the page language writes it.
pub fn date_text(i18n: I18n, d: NaiveDate) -> String {
    date_format::date(i18n.get_locale_untracked(), d)
}

/// "1." before a weekday, agreeing with its gender where the language has one (Russian
/// "1-я среда", "1-е воскресенье"; Ukrainian "1-а середа"): `summary.gender_<day>` is `m`, `f`
/// or `n`, and each gender has its own forms.
fn nth_text(i18n: I18n, nth: Nth, weekday: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    let gender = match weekday {
        Mon => t_string!(i18n, summary.gender_mon),
        Tue => t_string!(i18n, summary.gender_tue),
        Wed => t_string!(i18n, summary.gender_wed),
        Thu => t_string!(i18n, summary.gender_thu),
        Fri => t_string!(i18n, summary.gender_fri),
        Sat => t_string!(i18n, summary.gender_sat),
        Sun => t_string!(i18n, summary.gender_sun),
    };
    match (gender, nth) {
        ("f", Nth::First) => t_string!(i18n, summary.nth_1_f),
        ("f", Nth::Second) => t_string!(i18n, summary.nth_2_f),
        ("f", Nth::Third) => t_string!(i18n, summary.nth_3_f),
        ("f", Nth::Fourth) => t_string!(i18n, summary.nth_4_f),
        ("f", Nth::Fifth) => t_string!(i18n, summary.nth_5_f),
        ("f", Nth::Last) => t_string!(i18n, summary.nth_last_f),
        ("n", Nth::First) => t_string!(i18n, summary.nth_1_n),
        ("n", Nth::Second) => t_string!(i18n, summary.nth_2_n),
        ("n", Nth::Third) => t_string!(i18n, summary.nth_3_n),
        ("n", Nth::Fourth) => t_string!(i18n, summary.nth_4_n),
        ("n", Nth::Fifth) => t_string!(i18n, summary.nth_5_n),
        ("n", Nth::Last) => t_string!(i18n, summary.nth_last_n),
        (_, Nth::First) => t_string!(i18n, summary.nth_1),
        (_, Nth::Second) => t_string!(i18n, summary.nth_2),
        (_, Nth::Third) => t_string!(i18n, summary.nth_3),
        (_, Nth::Fourth) => t_string!(i18n, summary.nth_4),
        (_, Nth::Fifth) => t_string!(i18n, summary.nth_5),
        (_, Nth::Last) => t_string!(i18n, summary.nth_last),
    }
}

/// The rule part: "jeden Mittwoch", "alle 2 Wochen: Fr", "jeden 1. Mittwoch im Monat" …
pub fn rule_text(i18n: I18n, rule: &Rule) -> String {
    let sep = t_string!(i18n, summary.list_separator);
    match rule {
        Rule::Weekly { interval: 1, days } if days.len() == 1 => {
            t_string!(i18n, summary.weekly_single, day = labels::weekday(i18n, days[0])).to_string()
        }
        Rule::Weekly { interval: 1, days } => {
            let list = days.iter().map(|d| labels::weekday_short(i18n, *d)).collect::<Vec<_>>().join(sep);
            t_string!(i18n, summary.weekly_several, days = list).to_string()
        }
        Rule::Weekly { interval, days } => {
            let list = days.iter().map(|d| labels::weekday_short(i18n, *d)).collect::<Vec<_>>().join(sep);
            t_string!(i18n, summary.every_n_weeks, n = *interval, days = list).to_string()
        }
        Rule::MonthlyNth { interval: 1, nth, weekday } => t_string!(
            i18n,
            summary.monthly_nth,
            nth = nth_text(i18n, *nth, *weekday),
            day = labels::weekday(i18n, *weekday)
        )
        .to_string(),
        Rule::MonthlyNth { interval, nth, weekday } => t_string!(
            i18n,
            summary.every_n_months_nth,
            n = *interval,
            nth = nth_text(i18n, *nth, *weekday),
            day = labels::weekday(i18n, *weekday)
        )
        .to_string(),
        Rule::MonthlyDay { interval: 1, day } => t_string!(i18n, summary.monthly_day, day = *day).to_string(),
        Rule::MonthlyDay { interval, day } => {
            t_string!(i18n, summary.every_n_months_day, n = *interval, day = *day).to_string()
        }
        Rule::Dates(dates) => {
            let list = dates.iter().map(|d| date_text(i18n, *d)).collect::<Vec<_>>().join(sep);
            t_string!(i18n, summary.dates, dates = list).to_string()
        }
    }
}

/// Every phrase of a schedule's summary, in reading order.
pub fn summary_parts(i18n: I18n, s: &Schedule, today: Option<NaiveDate>) -> Vec<String> {
    let mut parts = vec![rule_text(i18n, &s.rule), times_text(i18n, s.times)];
    match s.holidays {
        HolidayMode::Always => {}
        HolidayMode::NotInSchoolHolidays => {
            parts.push(t_string!(i18n, summary.not_in_school_holidays).into())
        }
        HolidayMode::OnlyInSchoolHolidays => {
            parts.push(t_string!(i18n, summary.only_in_school_holidays).into())
        }
    }
    if s.on_public_holidays {
        parts.push(t_string!(i18n, summary.on_public_holidays).into());
    }
    if today.is_some_and(|t| s.start_date > t) && !matches!(s.rule, Rule::Dates(_)) {
        parts.push(t_string!(i18n, summary.from, date = date_text(i18n, s.start_date)).to_string());
    }
    match s.end {
        Some(RuleEnd::Until(u)) => {
            parts.push(t_string!(i18n, summary.until, date = date_text(i18n, u)).to_string())
        }
        Some(RuleEnd::Count(c)) => parts.push(t_string!(i18n, summary.count, count = c).to_string()),
        None => {}
    }
    if let Some(place) = &s.place {
        parts.push(place.name.clone());
    }
    parts
}

/// The phrases of a schedule on a board's card, each with whether it is a time: like
/// `summary_parts`, but without what the next date (`next`, written before them) already says —
/// its times, listed dates, and the first day of a rule that has begun by then.
pub fn card_parts(
    i18n: I18n,
    s: &Schedule,
    next: Option<&crate::domain::schedule::Occurrence>,
    today: NaiveDate,
) -> Vec<(String, bool)> {
    let mut parts = Vec::new();
    // Listed dates would repeat the next one: its page lists them all.
    if next.is_none() || !matches!(s.rule, Rule::Dates(_)) {
        parts.push((rule_text(i18n, &s.rule), false));
    }
    if next.is_none_or(|n| n.times != s.times) {
        parts.push((times_text(i18n, s.times), true));
    }
    let shown_from = next.map_or(today, |n| n.date.max(today));
    let rest = summary_parts(i18n, s, Some(shown_from));
    // `summary_parts` begins with the rule and the times: the rest follows as it says it.
    parts.extend(rest.into_iter().skip(2).map(|p| (p, false)));
    parts
}

/// How often an entry of the typical week on `weekday` recurs: "every week", "every 2 weeks",
/// "every 1st Wednesday of the month".
pub fn pattern_text(i18n: I18n, pattern: &Pattern, weekday: chrono::Weekday) -> String {
    match *pattern {
        Pattern::Weekly { interval: 1 } => t_string!(i18n, week.pattern_weekly).to_string(),
        Pattern::Weekly { interval } => t_string!(i18n, week.pattern_every_n, n = interval).to_string(),
        Pattern::MonthlyNth { nth } => rule_text(i18n, &Rule::MonthlyNth { interval: 1, nth, weekday }),
    }
}

/// "not in school holidays" / "only in school holidays" for an entry of the typical week.
pub fn holidays_text(i18n: I18n, holidays: HolidayMode) -> Option<&'static str> {
    match holidays {
        HolidayMode::Always => None,
        HolidayMode::NotInSchoolHolidays => Some(t_string!(i18n, summary.not_in_school_holidays)),
        HolidayMode::OnlyInSchoolHolidays => Some(t_string!(i18n, summary.only_in_school_holidays)),
    }
}

/// One line per schedule; "by arrangement" when the offer has none.
#[component]
pub fn ScheduleSummary(
    schedules: Vec<Schedule>,
    #[prop(optional)] today: Option<NaiveDate>,
) -> impl IntoView {
    let i18n = use_i18n();
    if schedules.is_empty() {
        return view! { <p class="schedule schedule-none">{t!(i18n, board.no_slots)}</p> }.into_any();
    }
    let sep = t_string!(i18n, summary.part_separator);
    let lines = schedules
        .iter()
        .map(|s| {
            // The second phrase is the times.
            let parts = summary_parts(i18n, s, today)
                .into_iter()
                .enumerate()
                .map(|(i, p)| (p, i == 1))
                .collect::<Vec<_>>();
            view! { <li inner_html=super::isolated::parts_html(&parts, sep)></li> }
        })
        .collect_view();
    view! { <ul class="schedule">{lines}</ul> }.into_any()
}
