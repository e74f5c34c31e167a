//! An organisation's own calendar (.ics) as offers: each recurring or single event (one UID)
//! becomes one offer of the organisation at a chosen place, its dates a schedule in the import
//! format's iCalendar fields; overrides (RECURRENCE-ID) become cancellations or changed dates.
//! Pure: the server reads the file and finds what is stored.

use super::calendar_source::CalendarProblem;
use super::category::{Category, OfferStatus};
use super::document::{ContactRecord, OfferRecord};
use super::exchange::{from_ical, rrule::format_duration, CancelledDate, ChangedDate, IcalSchedule};
use super::slug::{check_slug, slugify};
use chrono::{NaiveDate, NaiveDateTime};
use std::collections::{HashMap, HashSet};

/// Longest title taken from SUMMARY (the offer form's limit).
const MAX_TITLE: usize = super::offer_form::MAX_TITLE;

/// When an event takes place, in local wall-clock time of the installation's zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    AllDay(NaiveDate),
    Timed { start: NaiveDateTime, minutes: i64 },
}

/// One event of a calendar with its overrides, as read from the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub when: When,
    pub rrule: Option<String>,
    pub rdate: Vec<NaiveDate>,
    pub exdate: Vec<NaiveDate>,
    /// Overrides: the regular date, and `None` when cancelled or the new time otherwise.
    pub overrides: Vec<(NaiveDate, Option<When>)>,
}

/// The event's dates as a schedule in the import format's fields.
pub fn ical_of(e: &CalendarEvent) -> IcalSchedule {
    let (dtstart, duration) = match e.when {
        When::AllDay(d) => (d.to_string(), None),
        When::Timed { start, minutes } => {
            (start.format("%Y-%m-%dT%H:%M").to_string(), Some(format_duration(minutes)))
        }
    };
    let mut exdate: Vec<CancelledDate> =
        e.exdate.iter().map(|d| CancelledDate { date: *d, reason: String::new() }).collect();
    let mut changes = Vec::new();
    for (date, new) in &e.overrides {
        match new {
            None => exdate.push(CancelledDate { date: *date, reason: String::new() }),
            Some(When::Timed { start, minutes }) => {
                let end = *start + chrono::Duration::minutes(*minutes);
                changes.push(ChangedDate {
                    recurrence_id: *date,
                    date: (start.date() != *date).then_some(start.date()),
                    start: Some(start.format("%H:%M").to_string()),
                    end: Some(end.format("%H:%M").to_string()),
                    location: None,
                })
            }
            Some(When::AllDay(d)) if d != date => {
                changes.push(ChangedDate { recurrence_id: *date, date: Some(*d), ..Default::default() })
            }
            Some(When::AllDay(_)) => {}
        }
    }
    exdate.sort_by_key(|c| c.date);
    exdate.dedup_by_key(|c| c.date);
    IcalSchedule {
        dtstart,
        duration,
        rrule: e.rrule.clone(),
        rdate: e.rdate.clone(),
        exdate,
        changes,
        public_holidays: true,
        ..Default::default()
    }
}

/// What an import needs to know besides the event.
pub struct Target<'a> {
    pub organisation: &'a str,
    pub place: &'a str,
    pub quarter: &'a str,
    pub category: Category,
    pub today: NaiveDate,
}

/// How problems name an event: its title and UID.
pub fn label(e: &CalendarEvent) -> String {
    format!("{} ({})", e.summary, e.uid)
}

/// A new offer (a draft) for the event, or the stored one with the event's title, description
/// and dates. `slug` is the new offer's slug (see [`Slugs`]). Errors say what is wrong.
pub fn offer_of(
    e: &CalendarEvent,
    stored: Option<&OfferRecord>,
    slug: &str,
    t: &Target<'_>,
) -> Result<OfferRecord, CalendarProblem> {
    let schedule = from_ical(&ical_of(e)).map_err(|(field, why)| {
        CalendarProblem::new(&label(e), &field.to_uppercase(), "ics_rule", Some(why))
    })?;
    let title: String = e.summary.trim().chars().take(MAX_TITLE).collect();
    if title.is_empty() {
        return Err(CalendarProblem::new(&label(e), "SUMMARY", "ics_missing", None));
    }
    let description =
        if e.description.trim().is_empty() { title.clone() } else { e.description.trim().to_owned() };
    Ok(match stored {
        Some(s) => OfferRecord { title, description, schedules: vec![schedule], ..s.clone() },
        None => OfferRecord {
            slug: slug.to_owned(),
            title,
            description,
            easy_description: None,
            organisation: t.organisation.to_owned(),
            place: t.place.to_owned(),
            quarters: vec![t.quarter.to_owned()],
            category: t.category,
            age_min: None,
            age_max: None,
            audiences: vec![],
            free: true,
            cost_text: None,
            languages: vec!["de".into()],
            registration_required: false,
            registration_text: None,
            contact: ContactRecord::default(),
            status: OfferStatus::Draft,
            last_confirmed: t.today,
            schedules: vec![schedule],
            translations: Default::default(),
            internal_note: format!("Aus dem Kalender importiert (UID {})", e.uid),
        },
    })
}

/// Free slugs for new offers: a title's slug, else with `-2`, `-3`, … appended. Remembers where
/// each title's numbering stands, so a file repeating one title 20,000 times stays linear.
#[derive(Debug, Default)]
pub struct Slugs {
    taken: HashSet<String>,
    next: HashMap<String, u32>,
}

impl Slugs {
    pub fn new(taken: impl IntoIterator<Item = String>) -> Self {
        Self { taken: taken.into_iter().collect(), next: HashMap::new() }
    }

    /// The free slug a new offer named `title` would get (not yet taken: see [`Slugs::take`]).
    pub fn pick(&mut self, title: &str) -> String {
        let base: String =
            slugify(title).chars().take(50).collect::<String>().trim_end_matches('-').to_owned();
        let base =
            if check_slug(&base).is_ok() { base } else { format!("termin-{}", base.trim_start_matches('-')) };
        let base = if check_slug(&base).is_ok() { base } else { "termin".to_owned() };
        let numbered = |n: u32| if n == 1 { base.clone() } else { format!("{base}-{n}") };
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        while self.taken.contains(&numbered(n)) {
            n += 1;
        }
        self.next.insert(base.clone(), n);
        numbered(n)
    }

    pub fn take(&mut self, slug: String) {
        self.taken.insert(slug);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::holidays::HolidayCalendar;
    use crate::domain::schedule::expand::occurrences;
    use crate::domain::schedule::validate::parse_schedule;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn event() -> CalendarEvent {
        CalendarEvent {
            uid: "abc@verein.example".into(),
            summary: "Eltern-Kind-Turnen".into(),
            description: String::new(),
            when: When::Timed { start: d("2027-01-06").and_hms_opt(15, 0, 0).unwrap(), minutes: 90 },
            rrule: Some("FREQ=WEEKLY;BYDAY=WE".into()),
            rdate: vec![],
            exdate: vec![d("2027-01-13")],
            overrides: vec![
                (
                    d("2027-01-20"),
                    Some(When::Timed { start: d("2027-01-21").and_hms_opt(16, 0, 0).unwrap(), minutes: 60 }),
                ),
                (d("2027-01-27"), None),
            ],
        }
    }

    fn target() -> Target<'static> {
        Target {
            organisation: "verein",
            place: "halle",
            quarter: "welheim",
            category: Category::Sport,
            today: d("2026-11-27"),
        }
    }

    /// A weekly event with a cancelled and a moved date becomes an offer whose dates are those.
    #[test]
    fn weekly_event_with_overrides() {
        let o = offer_of(&event(), None, "eltern-kind-turnen", &target()).unwrap();
        assert_eq!(
            (o.status, o.title.as_str(), o.description.as_str()),
            (OfferStatus::Draft, "Eltern-Kind-Turnen", "Eltern-Kind-Turnen")
        );
        let s = parse_schedule(&o.schedules[0], &HolidayCalendar::default()).unwrap().schedule;
        let got: Vec<_> = occurrences(&s, &HolidayCalendar::default(), d("2027-01-01"), d("2027-02-05"))
            .into_iter()
            .filter(|o| !o.is_cancelled())
            .map(|o| o.date.to_string())
            .collect();
        assert_eq!(got, ["2027-01-06", "2027-01-21", "2027-02-03"]);
    }

    /// Updating keeps everything staff set and takes the event's title and dates.
    #[test]
    fn update_keeps_what_staff_set() {
        let mut stored = offer_of(&event(), None, "eltern-kind-turnen", &target()).unwrap();
        stored.age_min = Some(2);
        stored.status = OfferStatus::Published;
        let mut e = event();
        e.summary = "Eltern-Kind-Turnen (neu)".into();
        let o = offer_of(&e, Some(&stored), "unused", &target()).unwrap();
        assert_eq!(
            (o.age_min, o.status, o.slug.as_str()),
            (Some(2), OfferStatus::Published, "eltern-kind-turnen")
        );
        assert_eq!(o.title, "Eltern-Kind-Turnen (neu)");
    }

    /// What schedules cannot hold is refused with the reason.
    #[test]
    fn unsupported_rule_is_named() {
        let mut e = event();
        e.rrule = Some("FREQ=DAILY".into());
        let p = offer_of(&e, None, "x", &target()).unwrap_err();
        assert_eq!((p.field.as_str(), p.reason.as_str()), ("RRULE", "ics_rule"));
        assert!(p.detail.unwrap().contains("FREQ=DAILY"));
    }

    /// Slugs come from the title and never collide.
    #[test]
    fn slugs() {
        assert_eq!(Slugs::default().pick("Eltern-Kind-Turnen"), "eltern-kind-turnen");
        let mut slugs = Slugs::new(["eltern-kind-turnen".to_owned()]);
        assert_eq!(slugs.pick("Eltern-Kind-Turnen"), "eltern-kind-turnen-2");
        assert_eq!(slugs.pick("Eltern-Kind-Turnen"), "eltern-kind-turnen-2", "not taken yet");
        slugs.take("eltern-kind-turnen-2".into());
        assert_eq!(slugs.pick("Eltern-Kind-Turnen"), "eltern-kind-turnen-3");
        assert!(check_slug(&Slugs::default().pick("!!")).is_ok());
        assert!(check_slug(&Slugs::default().pick("staff")).is_ok());
    }

    /// 20,000 events of one title get 20,000 different slugs, each found in one step.
    #[test]
    fn repeated_titles_stay_linear() {
        let mut slugs = Slugs::default();
        for _ in 0..20_000 {
            let s = slugs.pick("Lauftreff");
            slugs.take(s);
        }
        assert_eq!(slugs.pick("Lauftreff"), "lauftreff-20001");
        assert_eq!(slugs.taken.len(), 20_000);
    }
}
