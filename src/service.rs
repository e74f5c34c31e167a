//! Page data for the server functions: storage reads combined with the pure schedule logic
//! (holiday calendar, next dates, week plans) at the current local time.

use crate::clock::local_now;
use crate::config::CalendarSettings;
use crate::db::{Db, DbError};
use crate::domain::board::{sort_offers, Board};
use crate::domain::holidays::HolidayCalendar;
use crate::domain::offer::OfferDetail;
use crate::domain::schedule::expand::{next_occurrence, upcoming};
use crate::domain::schedule::rule::monday_of;
use crate::domain::week_plan::{iso_week_label, typical_week, week_plan, PlannedOffer, WeekPage};
use chrono::{Datelike, Duration, NaiveDate};

/// How many upcoming occurrences an offer page lists.
pub const UPCOMING: usize = 8;

/// Public holidays of the configured region and the stored school holidays, for the years
/// around `day` that schedules may be expanded into.
pub async fn holiday_calendar(
    db: &Db,
    settings: &CalendarSettings,
    day: NaiveDate,
) -> Result<HolidayCalendar, DbError> {
    let school = db.list_school_holidays(&settings.region).await?;
    HolidayCalendar::new(&settings.region, day.year() - 2, day.year() + 3, &school)
        .ok_or_else(|| DbError::Corrupt(format!("unknown region {}", settings.region)))
}

/// A quarter's board with each offer's next date, in board order.
pub async fn board(
    db: &Db,
    settings: &CalendarSettings,
    locale: &str,
    quarter: &str,
) -> Result<Board, DbError> {
    let now = local_now(settings.tz);
    let (quarter, mut offers, places) = db.get_board_parts(locale, quarter).await?;
    let cal = holiday_calendar(db, settings, now.date()).await?;
    for o in &mut offers {
        o.next = next_occurrence(&o.schedules, &cal, now);
    }
    sort_offers(&mut offers);
    Ok(Board { quarter, offers, places, today: now.date() })
}

/// An offer with its next occurrences (cancelled ones included).
pub async fn offer(
    db: &Db,
    settings: &CalendarSettings,
    locale: &str,
    slug: &str,
) -> Result<OfferDetail, DbError> {
    let now = local_now(settings.tz);
    let mut offer = db.get_offer(locale, slug).await?;
    let cal = holiday_calendar(db, settings, now.date()).await?;
    offer.upcoming = upcoming(&offer.schedules, &cal, now, UPCOMING);
    offer.today = now.date();
    Ok(offer)
}

/// The week plan of a quarter for the week starting `monday` (this week when `None`).
/// Weeks more than two years away are `NotFound`: nobody plans that far, and it bounds the work.
pub async fn week(
    db: &Db,
    settings: &CalendarSettings,
    locale: &str,
    quarter: &str,
    monday: Option<NaiveDate>,
) -> Result<WeekPage, DbError> {
    let today = local_now(settings.tz).date();
    let this_monday = monday_of(today);
    let monday = monday.unwrap_or(this_monday);
    if (monday - this_monday).num_days().abs() > 2 * 366 {
        return Err(DbError::NotFound);
    }
    let (q, offers, _places) = db.get_board_parts(locale, quarter).await?;
    let cal = holiday_calendar(db, settings, monday).await?;
    let planned: Vec<PlannedOffer> = offers
        .into_iter()
        .map(|o| PlannedOffer {
            slug: o.slug,
            title: o.title,
            lang: o.lang,
            place_name: o.place_name,
            schedules: o.schedules,
        })
        .collect();
    Ok(WeekPage {
        quarter_slug: q.slug,
        quarter_name: q.name,
        plan: week_plan(&planned, &cal, monday),
        typical: typical_week(&planned),
        today,
        previous_week: iso_week_label(monday - Duration::days(7)),
        next_week: iso_week_label(monday + Duration::days(7)),
        current_week: iso_week_label(this_monday),
    })
}
