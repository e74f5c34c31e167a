//! Reading and writing schedules with their dates and exceptions.

use super::error::decode;
use super::{Db, DbError};
use crate::domain::schedule::{
    Exception, ExceptionKind, HolidayMode, Nth, PlaceRef, Rule, RuleEnd, Schedule, Times,
};
use crate::domain::time_text::{format_time, parse_time, weekday_from_iso};
use chrono::{NaiveDate, Weekday};
use sqlx::{AnyConnection, FromRow};
use std::collections::HashMap;

#[derive(FromRow)]
struct ScheduleRow {
    id: i64,
    offer_id: i64,
    place_slug: Option<String>,
    place_name: Option<String>,
    start_date: String,
    start_time: Option<String>,
    end_time: Option<String>,
    freq: String,
    every: i64,
    weekdays: i64,
    nth: Option<i64>,
    weekday: Option<i64>,
    month_day: Option<i64>,
    until_date: Option<String>,
    occurrence_count: Option<i64>,
    holidays: String,
    on_public_holidays: i64,
}

#[derive(FromRow)]
struct DateRow {
    schedule_id: i64,
    kind: String,
    date: String,
}

#[derive(FromRow)]
struct ExceptionRow {
    schedule_id: i64,
    date: String,
    cancelled: i64,
    reason: Option<String>,
    new_date: Option<String>,
    new_start: Option<String>,
    new_end: Option<String>,
    place_slug: Option<String>,
    place_name: Option<String>,
}

/// Which schedules to load.
pub(super) enum Of<'a> {
    /// Schedules of the published offers of a quarter (by slug).
    Quarter(&'a str),
    /// Schedules of one offer (by id).
    Offer(i64),
    /// Schedules of the published offers at a place (their usual place, by slug).
    Place(&'a str),
    /// Schedules of the published offers of an organisation (by slug).
    Organisation(&'a str),
}

impl Of<'_> {
    fn condition(&self) -> &'static str {
        match self {
            Of::Quarter(_) => {
                "s.offer_id IN (SELECT o.id FROM offers o
                    JOIN offer_quarters oq ON oq.offer_id = o.id
                    JOIN quarters q ON q.id = oq.quarter_id
                    WHERE q.slug = $1 AND o.status = 'published')"
            }
            Of::Offer(_) => "s.offer_id = $1",
            Of::Place(_) => {
                "s.offer_id IN (SELECT o.id FROM offers o JOIN places p ON p.id = o.place_id
                    WHERE p.slug = $1 AND o.status = 'published')"
            }
            Of::Organisation(_) => {
                "s.offer_id IN (SELECT o.id FROM offers o JOIN organisations g ON g.id = o.organisation_id
                    WHERE g.slug = $1 AND o.status = 'published')"
            }
        }
    }
}

macro_rules! bind_of {
    ($query:expr, $of:expr) => {
        match $of {
            Of::Quarter(slug) | Of::Place(slug) | Of::Organisation(slug) => $query.bind(*slug),
            Of::Offer(id) => $query.bind(*id),
        }
    };
}

impl Db {
    /// Schedules grouped by offer id, in storage order.
    pub(super) async fn list_schedules(&self, of: &Of<'_>) -> Result<HashMap<i64, Vec<Schedule>>, DbError> {
        let cond = of.condition();
        let rows_sql = format!(
            "SELECT s.id, s.offer_id, p.slug AS place_slug, p.name AS place_name, s.start_date,
                    s.start_time, s.end_time, s.freq, s.every, s.weekdays, s.nth, s.weekday,
                    s.month_day, s.until_date, s.occurrence_count, s.holidays, s.on_public_holidays
                 FROM schedules s LEFT JOIN places p ON p.id = s.place_id
                 WHERE {cond} ORDER BY s.offer_id, s.id"
        );
        let rows: Vec<ScheduleRow> = bind_of!(sqlx::query_as(&rows_sql), of).fetch_all(&self.pool).await?;
        let dates_sql = format!(
            "SELECT d.schedule_id, d.kind, d.date FROM schedule_dates d
                 JOIN schedules s ON s.id = d.schedule_id WHERE {cond} ORDER BY d.date"
        );
        let dates: Vec<DateRow> = bind_of!(sqlx::query_as(&dates_sql), of).fetch_all(&self.pool).await?;
        let exceptions_sql = format!(
            "SELECT e.schedule_id, e.date, e.cancelled, e.reason, e.new_date, e.new_start,
                    e.new_end, p.slug AS place_slug, p.name AS place_name
                 FROM schedule_exceptions e
                 JOIN schedules s ON s.id = e.schedule_id
                 LEFT JOIN places p ON p.id = e.new_place_id
                 WHERE {cond} ORDER BY e.date"
        );
        let exceptions: Vec<ExceptionRow> =
            bind_of!(sqlx::query_as(&exceptions_sql), of).fetch_all(&self.pool).await?;

        let mut dates_of: HashMap<i64, Vec<DateRow>> = HashMap::new();
        for d in dates {
            dates_of.entry(d.schedule_id).or_default().push(d);
        }
        let mut exceptions_of: HashMap<i64, Vec<ExceptionRow>> = HashMap::new();
        for e in exceptions {
            exceptions_of.entry(e.schedule_id).or_default().push(e);
        }
        let mut out: HashMap<i64, Vec<Schedule>> = HashMap::new();
        for row in rows {
            let (offer, id) = (row.offer_id, row.id);
            let schedule = into_schedule(
                row,
                dates_of.remove(&id).unwrap_or_default(),
                exceptions_of.remove(&id).unwrap_or_default(),
            )?;
            out.entry(offer).or_default().push(schedule);
        }
        Ok(out)
    }
}

fn date(what: &str, raw: &str) -> Result<NaiveDate, DbError> {
    decode(what, raw)
}

fn times(start: Option<&str>, end: Option<&str>) -> Result<Times, DbError> {
    let t = |s: &str| parse_time(s).map_err(|e| DbError::Corrupt(e.to_string()));
    match (start, end) {
        (Some(s), Some(e)) => Ok(Times::Timed { start: t(s)?, end: t(e)? }),
        _ => Ok(Times::AllDay),
    }
}

fn place(slug: Option<String>, name: Option<String>) -> Option<PlaceRef> {
    slug.zip(name).map(|(slug, name)| PlaceRef { slug, name })
}

fn into_schedule(
    r: ScheduleRow,
    dates: Vec<DateRow>,
    exceptions: Vec<ExceptionRow>,
) -> Result<Schedule, DbError> {
    let corrupt = |what: &str| DbError::Corrupt(format!("schedule {}: {what}", r.id));
    let every = u32::try_from(r.every).map_err(|_| corrupt("every"))?;
    let mut listed = Vec::new();
    let mut extra = Vec::new();
    for d in dates {
        let day = date("schedule date", &d.date)?;
        if d.kind == "listed" {
            listed.push(day)
        } else {
            extra.push(day)
        }
    }
    let weekday = |n: Option<i64>| n.and_then(|n| weekday_from_iso(n).ok()).ok_or_else(|| corrupt("weekday"));
    let rule = match r.freq.as_str() {
        "weekly" => Rule::Weekly {
            interval: every,
            days: (0u8..7)
                .filter(|b| r.weekdays & (1 << b) != 0)
                .filter_map(|b| Weekday::try_from(b).ok())
                .collect(),
        },
        "monthly_nth" => Rule::MonthlyNth {
            interval: every,
            nth: r.nth.and_then(Nth::from_number).ok_or_else(|| corrupt("nth"))?,
            weekday: weekday(r.weekday)?,
        },
        "monthly_day" => Rule::MonthlyDay {
            interval: every,
            day: r.month_day.and_then(|d| u32::try_from(d).ok()).ok_or_else(|| corrupt("month_day"))?,
        },
        "dates" => Rule::Dates(listed),
        _ => return Err(corrupt("freq")),
    };
    let end = match (r.until_date.as_deref(), r.occurrence_count) {
        (Some(u), _) => Some(RuleEnd::Until(date("until_date", u)?)),
        (None, Some(c)) => Some(RuleEnd::Count(u32::try_from(c).map_err(|_| corrupt("count"))?)),
        _ => None,
    };
    let exceptions = exceptions
        .into_iter()
        .map(|e| {
            let kind = if e.cancelled != 0 {
                ExceptionKind::Cancelled { reason: e.reason.unwrap_or_default() }
            } else {
                ExceptionKind::Changed {
                    date: e.new_date.as_deref().map(|d| date("new_date", d)).transpose()?,
                    times: match (e.new_start.as_deref(), e.new_end.as_deref()) {
                        (None, None) => None,
                        (s, e) => Some(times(s, e)?),
                    },
                    place: place(e.place_slug, e.place_name),
                }
            };
            Ok(Exception { date: date("exception date", &e.date)?, kind })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(Schedule {
        start_date: date("start_date", &r.start_date)?,
        times: times(r.start_time.as_deref(), r.end_time.as_deref())?,
        rule,
        end,
        holidays: HolidayMode::from_code(&r.holidays).ok_or_else(|| corrupt("holidays"))?,
        on_public_holidays: r.on_public_holidays != 0,
        place: place(r.place_slug, r.place_name),
        exceptions,
        extra_dates: extra,
    })
}

/// Inserts a schedule of `offer`; `place_id` resolves place slugs of the schedule and its exceptions.
pub(super) async fn insert_schedule(
    conn: &mut AnyConnection,
    offer: i64,
    s: &Schedule,
    place_id: &(dyn Fn(&str) -> Result<i64, DbError> + Sync),
) -> Result<(), DbError> {
    let (start, end) = match s.times {
        Times::AllDay => (None, None),
        Times::Timed { start, end } => (Some(format_time(start)), Some(format_time(end))),
    };
    let (freq, every, weekdays, nth, weekday, month_day) = match &s.rule {
        Rule::Weekly { interval, days } => {
            let mask = days.iter().fold(0i64, |m, d| m | 1 << d.num_days_from_monday());
            ("weekly", *interval, mask, None, None, None)
        }
        Rule::MonthlyNth { interval, nth, weekday } => (
            "monthly_nth",
            *interval,
            0,
            Some(i64::from(nth.number())),
            Some(i64::from(weekday.number_from_monday())),
            None,
        ),
        Rule::MonthlyDay { interval, day } => {
            ("monthly_day", *interval, 0, None, None, Some(i64::from(*day)))
        }
        Rule::Dates(_) => ("dates", 1, 0, None, None, None),
    };
    let (until, count) = match s.end {
        Some(RuleEnd::Until(u)) => (Some(u.to_string()), None),
        Some(RuleEnd::Count(c)) => (None, Some(i64::from(c))),
        None => (None, None),
    };
    let place = s.place.as_ref().map(|p| place_id(&p.slug)).transpose()?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO schedules (offer_id, place_id, start_date, start_time, end_time, freq, every,
            weekdays, nth, weekday, month_day, until_date, occurrence_count, holidays, on_public_holidays)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
    )
    .bind(offer)
    .bind(place)
    .bind(s.start_date.to_string())
    .bind(start)
    .bind(end)
    .bind(freq)
    .bind(i64::from(every))
    .bind(weekdays)
    .bind(nth)
    .bind(weekday)
    .bind(month_day)
    .bind(until)
    .bind(count)
    .bind(s.holidays.code())
    .bind(i64::from(s.on_public_holidays))
    .fetch_one(&mut *conn)
    .await?;
    let listed = match &s.rule {
        Rule::Dates(d) => d.as_slice(),
        _ => &[],
    };
    for (kind, dates) in [("listed", listed), ("extra", s.extra_dates.as_slice())] {
        for d in dates {
            sqlx::query(
                "INSERT INTO schedule_dates (schedule_id, kind, date) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
            )
            .bind(id)
            .bind(kind)
            .bind(d.to_string())
            .execute(&mut *conn)
            .await?;
        }
    }
    for e in &s.exceptions {
        insert_exception(conn, id, e, place_id).await?;
    }
    Ok(())
}

async fn insert_exception(
    conn: &mut AnyConnection,
    schedule: i64,
    e: &Exception,
    place_id: &(dyn Fn(&str) -> Result<i64, DbError> + Sync),
) -> Result<(), DbError> {
    let (cancelled, reason, new_date, new_times, new_place) = match &e.kind {
        ExceptionKind::Cancelled { reason } => (1i64, Some(reason.clone()), None, None, None),
        ExceptionKind::Changed { date, times, place } => (
            0,
            None,
            date.map(|d| d.to_string()),
            *times,
            place.as_ref().map(|p| place_id(&p.slug)).transpose()?,
        ),
    };
    let (new_start, new_end) = match new_times {
        Some(Times::Timed { start, end }) => (Some(format_time(start)), Some(format_time(end))),
        _ => (None, None),
    };
    sqlx::query(
        "INSERT INTO schedule_exceptions (schedule_id, date, cancelled, reason, new_date, new_start,
            new_end, new_place_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(schedule)
    .bind(e.date.to_string())
    .bind(cancelled)
    .bind(reason)
    .bind(new_date)
    .bind(new_start)
    .bind(new_end)
    .bind(new_place)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
