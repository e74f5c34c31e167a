//! Applying a plan change to an offer's schedules (as the form and documents hold them). "This
//! week only" writes an exception (or a one-off date); "from now on" ends the rule the day
//! before and continues it changed — so the past stays as it was.

use super::{ChangeScope, PlanChange, PlanError};
use crate::domain::holidays::HolidayCalendar;
use crate::domain::schedule::validate::{parse_schedule, ExceptionInput, ScheduleInput};
use crate::domain::time_text::format_time;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

/// The schedules after `change`.
pub fn apply(schedules: &[ScheduleInput], change: &PlanChange) -> Result<Vec<ScheduleInput>, PlanError> {
    let mut out = schedules.to_vec();
    match change {
        PlanChange::Move { schedule, regular, date, start, end, scope } => {
            check_times(*start, *end)?;
            let s = out.get(*schedule).ok_or(PlanError::Unknown)?.clone();
            match scope {
                ChangeScope::ThisWeek => {
                    let moved = (date != regular).then_some(*date);
                    let e = ExceptionInput {
                        date: Some(*regular),
                        cancelled: None,
                        moved_to: moved,
                        start: Some(format_time(*start)),
                        end: Some(format_time(*end)),
                        place: None,
                    };
                    set_exception(&mut out[*schedule], e);
                }
                ChangeScope::FromNowOn => {
                    let weekday = i64::from(date.weekday().number_from_monday());
                    let mut moved = continue_from(&s, *regular)?;
                    moved.start = Some(format_time(*start));
                    moved.end = Some(format_time(*end));
                    match s.freq.as_str() {
                        "weekly" => moved.days = vec![weekday],
                        "monthly_nth" => moved.weekday = Some(weekday),
                        _ => return Err(PlanError::RuleUnsupported),
                    }
                    moved.start_date = Some(*date.min(regular));
                    replace_from(&mut out, *schedule, *regular, Some(moved))?;
                }
            }
        }
        PlanChange::Remove { schedule, regular, scope } => {
            let s = out.get(*schedule).ok_or(PlanError::Unknown)?.clone();
            match scope {
                ChangeScope::ThisWeek => {
                    let e = ExceptionInput {
                        date: Some(*regular),
                        cancelled: Some(String::new()),
                        ..Default::default()
                    };
                    set_exception(&mut out[*schedule], e);
                }
                ChangeScope::FromNowOn => {
                    continue_from(&s, *regular)?;
                    replace_from(&mut out, *schedule, *regular, None)?;
                }
            }
        }
        PlanChange::Add { date, start, end, scope } => {
            check_times(*start, *end)?;
            let mut s = ScheduleInput {
                start_date: Some(*date),
                start: Some(format_time(*start)),
                end: Some(format_time(*end)),
                ..Default::default()
            };
            match scope {
                ChangeScope::ThisWeek => {
                    s.freq = "dates".into();
                    s.dates = vec![*date];
                }
                ChangeScope::FromNowOn => {
                    s.freq = "weekly".into();
                    s.days = vec![i64::from(date.weekday().number_from_monday())];
                }
            }
            out.push(s);
        }
    }
    Ok(out)
}

fn check_times(start: NaiveTime, end: NaiveTime) -> Result<(), PlanError> {
    if end > start {
        Ok(())
    } else {
        Err(PlanError::Times)
    }
}

/// Replaces the exception of the same date, or adds it.
fn set_exception(s: &mut ScheduleInput, e: ExceptionInput) {
    s.exceptions.retain(|x| x.date != e.date);
    s.exceptions.push(e);
}

/// The rule as it continues from `from` (same kind, exceptions and extra dates from then on);
/// rules that count their dates cannot be split on the grid.
fn continue_from(s: &ScheduleInput, from: NaiveDate) -> Result<ScheduleInput, PlanError> {
    if !matches!(s.freq.as_str(), "weekly" | "monthly_nth") || s.count.is_some() {
        return Err(PlanError::RuleUnsupported);
    }
    let mut c = s.clone();
    c.start_date = Some(from);
    c.exceptions.retain(|e| e.date.is_some_and(|d| d >= from));
    c.extra_dates.retain(|d| *d >= from);
    Ok(c)
}

/// Ends schedule `i` the day before `from` (dropping it when it had not begun yet) and puts in
/// its place, from `from` on: the other weekdays of a weekly rule unchanged, and `moved`.
fn replace_from(
    out: &mut Vec<ScheduleInput>,
    i: usize,
    from: NaiveDate,
    moved: Option<ScheduleInput>,
) -> Result<(), PlanError> {
    let old = out[i].clone();
    let from_weekday = i64::from(from.weekday().number_from_monday());
    let mut replacements = Vec::new();
    if old.start_date.is_some_and(|d| d < from) {
        let mut before = old.clone();
        let last = from - Duration::days(1);
        before.until = Some(before.until.map_or(last, |u| u.min(last)));
        before.exceptions.retain(|e| e.date.is_some_and(|d| d < from));
        before.extra_dates.retain(|d| *d < from);
        // In the rule's first week (or after a change earlier that week) nothing is left before
        // `from`: a rule without dates would be refused, and there is no past to keep.
        if has_dates(&before) {
            replacements.push(before);
        }
    }
    if old.freq == "weekly" && old.days.len() > 1 {
        let mut rest = continue_from(&old, from)?;
        rest.days.retain(|d| *d != from_weekday);
        let rest_days = rest.days.clone();
        rest.exceptions.retain(|e| {
            e.date.is_some_and(|d| rest_days.contains(&i64::from(d.weekday().number_from_monday())))
        });
        replacements.push(rest);
    }
    replacements.extend(moved);
    out.splice(i..=i, replacements);
    Ok(())
}

/// Whether a rule cut short still has a date: validation (which refuses rules that never take
/// place) decides, as it will when the change is saved.
fn has_dates(s: &ScheduleInput) -> bool {
    parse_schedule(s, &HolidayCalendar::default()).is_ok()
}

#[cfg(test)]
mod tests;
