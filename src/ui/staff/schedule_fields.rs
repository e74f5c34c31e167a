//! The schedule rows of the offer form: each existing rule with its exceptions, plus one empty
//! rule and one empty exception per rule to add new ones (ignored when left empty).

use super::fields::{Area, Check, Checks, Field, Issues, Select};
use crate::domain::offer_form::{Choice, ExceptionForm, ScheduleForm};
use crate::i18n::*;
use crate::ui::labels;
use chrono::Weekday;
use leptos::prelude::*;

const WEEKDAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

#[component]
pub fn ScheduleFields(schedules: Vec<ScheduleForm>, places: Vec<Choice>, issues: Issues) -> impl IntoView {
    let i18n = use_i18n();
    let count = schedules.len();
    let rows = schedules
        .into_iter()
        .chain(std::iter::once(ScheduleForm::default()))
        .enumerate()
        .map(|(i, s)| {
            let legend = if i < count {
                t_string!(i18n, staff.schedule_n, n = i + 1).to_string()
            } else {
                t_string!(i18n, staff.new_schedule).to_owned()
            };
            view! { <ScheduleRow index=i row=s legend existing=i < count places=places.clone() issues=issues.clone()/> }
        })
        .collect_view();
    view! {
        <fieldset class="group">
            <legend>{t!(i18n, staff.section_schedules)}</legend>
            {rows}
        </fieldset>
    }
}

#[component]
fn ScheduleRow(
    index: usize,
    row: ScheduleForm,
    legend: String,
    existing: bool,
    places: Vec<Choice>,
    issues: Issues,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = move |f: &str| format!("schedules.{index}.{f}");
    let freqs = vec![
        ("weekly".into(), t_string!(i18n, staff.freq_weekly).to_owned()),
        ("monthly_nth".into(), t_string!(i18n, staff.freq_monthly_nth).to_owned()),
        ("monthly_day".into(), t_string!(i18n, staff.freq_monthly_day).to_owned()),
        ("dates".into(), t_string!(i18n, staff.freq_dates).to_owned()),
    ];
    let days: Vec<(String, String)> = WEEKDAYS
        .iter()
        .map(|d| (d.number_from_monday().to_string(), labels::weekday(i18n, *d).to_owned()))
        .collect();
    let nths = vec![
        ("1".into(), t_string!(i18n, staff.nth_1).to_owned()),
        ("2".into(), t_string!(i18n, staff.nth_2).to_owned()),
        ("3".into(), t_string!(i18n, staff.nth_3).to_owned()),
        ("4".into(), t_string!(i18n, staff.nth_4).to_owned()),
        ("5".into(), t_string!(i18n, staff.nth_5).to_owned()),
        ("-1".into(), t_string!(i18n, staff.nth_last).to_owned()),
    ];
    let holidays = vec![
        ("always".into(), t_string!(i18n, staff.holidays_always).to_owned()),
        ("not_in_school_holidays".into(), t_string!(i18n, staff.holidays_not).to_owned()),
        ("only_in_school_holidays".into(), t_string!(i18n, staff.holidays_only).to_owned()),
    ];
    let place_options: Vec<(String, String)> =
        places.iter().map(|c| (c.slug.clone(), c.name.clone())).collect();
    let exceptions = row
        .exceptions
        .iter()
        .cloned()
        .chain(std::iter::once(ExceptionForm::default()))
        .enumerate()
        .map(|(j, e)| {
            let existing = j < row.exceptions.len();
            view! { <ExceptionRow schedule=index index=j row=e existing places=place_options.clone() issues=issues.clone()/> }
        })
        .collect_view();
    let holiday_value = if row.holidays.is_empty() { "always".to_owned() } else { row.holidays.clone() };
    view! {
        <fieldset class="schedule" id=format!("schedule-{index}")>
            <legend>{legend}</legend>
            <Select path=p("freq") label=t_string!(i18n, staff.freq) value=row.freq options=freqs issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
            <div class="field-row">
                <Field path=p("start_date") label=t_string!(i18n, staff.start_date) value=row.start_date issues=issues.clone() kind="date"/>
                <Field path=p("start") label=t_string!(i18n, staff.start_time) value=row.start issues=issues.clone() kind="time"/>
                <Field path=p("end") label=t_string!(i18n, staff.end_time) value=row.end issues=issues.clone() kind="time" hint=t_string!(i18n, staff.times_hint)/>
            </div>
            <Field path=p("interval") label=t_string!(i18n, staff.interval) value=row.interval issues=issues.clone() kind="number"/>
            <Checks path=p("days") legend=t_string!(i18n, staff.days) selected=row.days options=days.clone() issues=issues.clone()/>
            <div class="field-row">
                <Select path=p("nth") label=t_string!(i18n, staff.nth) value=row.nth options=nths issues=issues.clone() blank="–"/>
                <Select path=p("weekday") label=t_string!(i18n, staff.weekday) value=row.weekday options=days issues=issues.clone() blank="–"/>
                <Field path=p("day") label=t_string!(i18n, staff.month_day) value=row.day issues=issues.clone() kind="number"/>
            </div>
            <Area path=p("dates") label=t_string!(i18n, staff.dates) value=row.dates issues=issues.clone() hint=t_string!(i18n, staff.dates_hint)/>
            <div class="field-row">
                <Field path=p("until") label=t_string!(i18n, staff.until) value=row.until issues=issues.clone() kind="date"/>
                <Field path=p("count") label=t_string!(i18n, staff.count) value=row.count issues=issues.clone() kind="number"/>
            </div>
            <Select path=p("holidays") label=t_string!(i18n, staff.holidays) value=holiday_value options=holidays issues=issues.clone()/>
            <Check path=p("public_holidays") label=t_string!(i18n, staff.public_holidays) checked=!row.public_holidays.is_empty()/>
            <Select path=p("place") label=t_string!(i18n, staff.schedule_place) value=row.place options=place_options issues=issues.clone() blank=t_string!(i18n, staff.same_place)/>
            <Area path=p("extra_dates") label=t_string!(i18n, staff.extra_dates) value=row.extra_dates issues=issues.clone() hint=t_string!(i18n, staff.dates_hint)/>
            <fieldset class="exceptions">
                <legend>{t!(i18n, staff.exceptions)}</legend>
                {exceptions}
            </fieldset>
            {existing.then(|| view! { <Check path=p("remove") label=t_string!(i18n, staff.remove_schedule) checked=false/> })}
        </fieldset>
    }
}

#[component]
fn ExceptionRow(
    schedule: usize,
    index: usize,
    row: ExceptionForm,
    existing: bool,
    places: Vec<(String, String)>,
    issues: Issues,
) -> impl IntoView {
    let i18n = use_i18n();
    let p = move |f: &str| format!("schedules.{schedule}.exceptions.{index}.{f}");
    let kinds = vec![
        ("cancelled".into(), t_string!(i18n, staff.exception_cancelled).to_owned()),
        ("changed".into(), t_string!(i18n, staff.exception_changed).to_owned()),
    ];
    let kind = if row.kind.is_empty() { "cancelled".to_owned() } else { row.kind.clone() };
    let title = if existing { String::new() } else { t_string!(i18n, staff.new_exception).to_owned() };
    view! {
        <div class="exception">
            {(!title.is_empty()).then(|| view! { <p class="exception-title">{title}</p> })}
            <div class="field-row">
                <Field path=p("date") label=t_string!(i18n, staff.exception_date) value=row.date issues=issues.clone() kind="date"/>
                <Select path=p("kind") label=t_string!(i18n, staff.exception_kind) value=kind options=kinds issues=issues.clone()/>
            </div>
            <Field path=p("reason") label=t_string!(i18n, staff.exception_reason) value=row.reason issues=issues.clone()/>
            <div class="field-row">
                <Field path=p("moved_to") label=t_string!(i18n, staff.exception_moved_to) value=row.moved_to issues=issues.clone() kind="date"/>
                <Field path=p("start") label=t_string!(i18n, staff.exception_start) value=row.start issues=issues.clone() kind="time"/>
                <Field path=p("end") label=t_string!(i18n, staff.exception_end) value=row.end issues=issues.clone() kind="time"/>
            </div>
            <Select path=p("place") label=t_string!(i18n, staff.exception_place) value=row.place options=places issues=issues.clone() blank=t_string!(i18n, staff.same_place)/>
            {existing.then(|| view! { <Check path=p("remove") label=t_string!(i18n, staff.remove_exception) checked=false/> })}
        </div>
    }
}
