//! The public card of an offer as residents would see it, for the editor's preview (whatever
//! its status, with the German texts).

use crate::config::CalendarSettings;
use crate::db::{Db, StoredOffer};
use crate::domain::age::AgeRange;
use crate::domain::offer::OfferSummary;
use crate::domain::schedule::expand::next_occurrence;
use crate::domain::schedule::validate::parse_schedule;
use crate::error::AppError;

pub async fn preview(
    db: &Db,
    settings: &CalendarSettings,
    stored: &StoredOffer,
) -> Result<OfferSummary, AppError> {
    let r = &stored.record;
    let (place_name, step_free) = db.get_place_card(&r.place).await?;
    let now = crate::clock::local_now(settings.tz);
    let cal = crate::service::holiday_calendar(db, settings, now.date()).await?;
    let schedules: Vec<_> =
        r.schedules.iter().filter_map(|s| parse_schedule(s, &cal).ok()).map(|p| p.schedule).collect();
    Ok(OfferSummary {
        id: stored.id,
        slug: r.slug.clone(),
        lang: "de".into(),
        title: r.title.clone(),
        category: r.category,
        ages: AgeRange::new(r.age_min, r.age_max).unwrap_or_default(),
        is_free: r.free,
        place_name,
        place_quarter: None,
        audiences: r.audiences.clone(),
        languages: r.languages.clone(),
        step_free,
        registration_required: r.registration_required,
        next: next_occurrence(&schedules, &cal, now),
        schedules,
        cancelled_this_week: None,
        facts: Default::default(),
    })
}
