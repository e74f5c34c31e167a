//! The weekly-plan editor's server side: the blocks of a week with what the caller may change,
//! and saving changes offer by offer with their versions (each offer all or nothing).

use crate::auth::Staff;
use crate::config::CalendarSettings;
use crate::db::Db;
use crate::domain::plan::{PlanBlock, PlanData, PlanOffer, PlanOutcome, PlanScope};
use crate::domain::policy::{decide, Action, Decision};
use crate::domain::schedule::expand::occurrences;
use crate::domain::schedule::rule::monday_of;
use crate::domain::schedule::validate::parse_schedule;
use crate::domain::schedule::validate::ScheduleInput;
use crate::domain::schedule::{Status, Times};
use crate::domain::week_plan::iso_week_label;
use crate::error::AppError;
use chrono::{Duration, NaiveDate};
use std::collections::HashMap;

/// The scope a plan opens with: an editor's organisation, a coordinator's first quarter, else
/// the first quarter.
pub async fn default_scope(db: &Db, staff: &Staff) -> Result<PlanScope, AppError> {
    let actor = staff.actor()?;
    let options = db.get_form_options().await?;
    if let Some(org) = actor.organisation {
        return Ok(PlanScope::Organisation(db.get_stored_organisation_slug(org).await?));
    }
    for q in &options.quarters {
        if actor.quarters.is_empty() || actor.quarters.contains(&db.get_quarter_id(&q.slug).await?) {
            return Ok(PlanScope::Quarter(q.slug.clone()));
        }
    }
    Err(AppError::NotFound)
}

/// The plan of `scope` for the week starting `monday` (this week when `None`).
pub async fn plan(
    db: &Db,
    settings: &CalendarSettings,
    staff: &Staff,
    scope: PlanScope,
    monday: Option<NaiveDate>,
) -> Result<PlanData, AppError> {
    let actor = staff.actor()?;
    staff.require(Action::ReadDrafts, &Default::default())?;
    let today = crate::clock::local_now(settings.tz).date();
    let monday = monday_of(monday.unwrap_or(today));
    let cal = crate::service::holiday_calendar(db, settings, monday).await?;
    let options = db.get_form_options().await?;
    let names: HashMap<&str, &str> =
        options.places.iter().map(|c| (c.slug.as_str(), c.name.as_str())).collect();
    let name_of = |slug: &str| names.get(slug).copied().unwrap_or(slug).to_owned();
    let scope_name = match &scope {
        PlanScope::Quarter(s) => options.quarters.iter().find(|c| &c.slug == s).map(|c| c.name.clone()),
        PlanScope::Place(s) => options.places.iter().find(|c| &c.slug == s).map(|c| c.name.clone()),
        PlanScope::Organisation(s) => {
            options.organisations.iter().find(|c| &c.slug == s).map(|c| c.name.clone())
        }
    }
    .ok_or(AppError::NotFound)?;
    let (mut blocks, mut offers) = (Vec::new(), Vec::new());
    for id in db.list_plan_offer_ids(&scope).await? {
        let stored = db.get_stored_offer(id).await?;
        // Others' published offers are shown (locked); others' drafts are not.
        if !stored.scope.published && !decide(Some(actor), Action::ReadDrafts, &stored.scope).allowed() {
            continue;
        }
        let r = &stored.record;
        let editable = decide(Some(actor), Action::EditOffer, &stored.scope).allowed();
        offers.push(PlanOffer {
            id,
            title: r.title.clone(),
            version: stored.version,
            schedules: r.schedules.clone(),
            place: r.place.clone(),
            place_name: name_of(&r.place),
            editable,
        });
        for (i, input) in r.schedules.iter().enumerate() {
            let Ok(parsed) = parse_schedule(input, &cal) else { continue };
            let rule_editable =
                matches!(input.freq.as_str(), "weekly" | "monthly_nth") && input.count.is_none();
            for occ in occurrences(&parsed.schedule, &cal, monday, monday + Duration::days(6)) {
                let (Times::Timed { start, end }, false) = (occ.times, occ.is_cancelled()) else { continue };
                let regular = match occ.status {
                    Status::Changed { from: Some(d) } => d,
                    _ => occ.date,
                };
                let place = occ
                    .place
                    .map(|p| p.slug)
                    .or_else(|| input.place.clone())
                    .unwrap_or_else(|| r.place.clone());
                blocks.push(PlanBlock {
                    offer: id,
                    title: r.title.clone(),
                    schedule: i,
                    regular,
                    date: occ.date,
                    start,
                    end,
                    place_name: name_of(&place),
                    place,
                    editable,
                    rule_editable,
                });
            }
        }
    }
    blocks.sort_by_key(|b| (b.date, b.start, b.offer));
    Ok(PlanData {
        scope,
        scope_name,
        monday,
        week: iso_week_label(monday),
        previous_week: iso_week_label(monday - Duration::days(7)),
        next_week: iso_week_label(monday + Duration::days(7)),
        blocks,
        offers,
    })
}

/// Saves the schedules of offer `id` that the editor made from `version` (a drop, an undo).
pub async fn save(
    db: &Db,
    settings: &CalendarSettings,
    staff: &Staff,
    id: i64,
    version: i64,
    schedules: Vec<ScheduleInput>,
) -> Result<PlanOutcome, AppError> {
    let actor = staff.actor()?;
    let stored = db.get_stored_offer(id).await?;
    let decision = decide(Some(actor), Action::EditOffer, &stored.scope);
    if decision == Decision::Deny {
        tracing::warn!(event = "access_denied", user = actor.user_id, offer = id, "plan change denied");
        return Ok(PlanOutcome::Forbidden);
    }
    if stored.version != version {
        return Ok(PlanOutcome::Conflict);
    }
    if schedules.len() > 100 {
        return Ok(PlanOutcome::Invalid("too_many".into()));
    }
    let cal =
        crate::service::holiday_calendar(db, settings, crate::clock::local_now(settings.tz).date()).await?;
    if let Some(issue) =
        schedules.iter().find_map(|s| parse_schedule(s, &cal).err()).and_then(|i| i.into_iter().next())
    {
        return Ok(PlanOutcome::Invalid(issue.reason));
    }
    let options = db.get_form_options().await?;
    let known = |p: &Option<String>| p.as_ref().is_none_or(|p| options.places.iter().any(|c| &c.slug == p));
    if !schedules.iter().all(|s| known(&s.place) && s.exceptions.iter().all(|e| known(&e.place))) {
        return Ok(PlanOutcome::Invalid("unknown_choice".into()));
    }
    let mut record = stored.record.clone();
    record.schedules = schedules;
    if decision == Decision::Submit {
        db.submit_offer(&stored, &record, false, actor).await?;
        return Ok(PlanOutcome::Submitted);
    }
    match db.update_offer(&stored, &record, Some(actor), "plan").await {
        Ok(version) => Ok(PlanOutcome::Saved { version }),
        Err(crate::db::DbError::Conflict) => Ok(PlanOutcome::Conflict),
        Err(e) => Err(e.into()),
    }
}
