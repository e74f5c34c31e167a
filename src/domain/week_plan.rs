//! A quarter's week: this week's occurrences day by day, and the typical week of the rules.

use super::holidays::HolidayCalendar;
use super::schedule::expand::occurrences;
use super::schedule::{Nth, Rule, Schedule, Status, Times};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// An offer with what the plan needs to show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlannedOffer {
    pub slug: String,
    pub category: super::category::Category,
    pub title: String,
    pub lang: String,
    pub place_name: String,
    pub schedules: Vec<Schedule>,
}

impl From<super::offer::OfferSummary> for PlannedOffer {
    fn from(o: super::offer::OfferSummary) -> Self {
        Self {
            slug: o.slug,
            category: o.category,
            title: o.title,
            lang: o.lang,
            place_name: o.place_name,
            schedules: o.schedules,
        }
    }
}

/// Monday to Sunday of one ISO week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekPlan {
    /// `2026-W48`
    pub week: String,
    pub monday: NaiveDate,
    pub days: Vec<DayPlan>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DayPlan {
    pub date: NaiveDate,
    pub entries: Vec<PlanEntry>,
}

/// One occurrence in the plan, with its status (regular, changed, cancelled and why).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub offer_slug: String,
    pub category: super::category::Category,
    pub title: String,
    pub lang: String,
    pub place_name: String,
    pub times: Times,
    pub status: Status,
}

/// What the week-plan page of a quarter shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekPage {
    pub quarter_slug: String,
    pub quarter_name: String,
    pub plan: WeekPlan,
    /// Per weekday (0 = Monday): what recurs, without exceptions.
    pub typical: Vec<Vec<TypicalEntry>>,
    pub today: NaiveDate,
    pub previous_week: String,
    pub next_week: String,
    pub current_week: String,
    /// The canonical filter query applied (empty for none), kept in the week links.
    pub query: String,
}

/// The Monday of ISO week `2026-W48`, if it exists.
pub fn parse_iso_week(s: &str) -> Option<NaiveDate> {
    let (year, week) = s.split_once("-W")?;
    let year: i32 = year.parse().ok()?;
    let week: u32 = week.parse().ok()?;
    if !(1000..=9000).contains(&year) {
        return None;
    }
    NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)
}

/// `2026-W48` for any day of that week.
pub fn iso_week_label(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// The plan of the week starting on `monday`.
pub fn week_plan(offers: &[PlannedOffer], cal: &HolidayCalendar, monday: NaiveDate) -> WeekPlan {
    let sunday = monday + Duration::days(6);
    let mut days: Vec<DayPlan> =
        (0..7).map(|i| DayPlan { date: monday + Duration::days(i), entries: Vec::new() }).collect();
    for offer in offers {
        for s in &offer.schedules {
            for o in occurrences(s, cal, monday, sunday) {
                let i = (o.date - monday).num_days() as usize;
                days[i].entries.push(PlanEntry {
                    offer_slug: offer.slug.clone(),
                    category: offer.category,
                    title: offer.title.clone(),
                    lang: offer.lang.clone(),
                    place_name: o.place.map_or_else(|| offer.place_name.clone(), |p| p.name),
                    times: o.times,
                    status: o.status,
                });
            }
        }
    }
    for day in &mut days {
        day.entries.sort_by(|a, b| (a.times.sort_key(), &a.title).cmp(&(b.times.sort_key(), &b.title)));
    }
    WeekPlan { week: iso_week_label(monday), monday, days }
}

/// How often an entry of the typical week recurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pattern {
    Weekly { interval: u32 },
    MonthlyNth { nth: Nth },
}

/// An entry of the typical week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TypicalEntry {
    pub offer_slug: String,
    pub category: super::category::Category,
    pub title: String,
    pub lang: String,
    pub place_name: String,
    pub times: Times,
    pub pattern: Pattern,
    pub holidays: super::schedule::HolidayMode,
}

/// The rules without exceptions: per weekday (0 = Monday) what recurs on it. Rules without a
/// fixed weekday (a day of the month, listed dates) are not part of a typical week.
pub fn typical_week(offers: &[PlannedOffer]) -> Vec<Vec<TypicalEntry>> {
    let mut days: Vec<Vec<TypicalEntry>> = vec![Vec::new(); 7];
    for offer in offers {
        for s in &offer.schedules {
            let entry = |pattern| TypicalEntry {
                offer_slug: offer.slug.clone(),
                category: offer.category,
                title: offer.title.clone(),
                lang: offer.lang.clone(),
                place_name: s.place.as_ref().map_or_else(|| offer.place_name.clone(), |p| p.name.clone()),
                times: s.times,
                pattern,
                holidays: s.holidays,
            };
            match &s.rule {
                Rule::Weekly { interval, days: wds } => {
                    for wd in wds {
                        days[wd.num_days_from_monday() as usize]
                            .push(entry(Pattern::Weekly { interval: *interval }));
                    }
                }
                Rule::MonthlyNth { nth, weekday, .. } => {
                    days[weekday.num_days_from_monday() as usize]
                        .push(entry(Pattern::MonthlyNth { nth: *nth }));
                }
                Rule::MonthlyDay { .. } | Rule::Dates(_) => {}
            }
        }
    }
    for day in &mut days {
        day.sort_by(|a, b| (a.times.sort_key(), &a.title).cmp(&(b.times.sort_key(), &b.title)));
    }
    days
}

/// The entries of the typical week (`typical_week`) that the shown week does not have on that
/// weekday (same offer, same times): monthly ones in other weeks, those paused in holidays. The
/// week plan shows only these under "a normal week", not the whole list again.
pub fn not_this_week(plan: &WeekPlan, typical: &[Vec<TypicalEntry>]) -> Vec<Vec<TypicalEntry>> {
    typical
        .iter()
        .enumerate()
        .map(|(d, entries)| {
            let day = plan.days.iter().find(|p| p.date.weekday().num_days_from_monday() as usize == d);
            entries
                .iter()
                .filter(|t| {
                    !day.is_some_and(|day| {
                        day.entries.iter().any(|e| {
                            e.offer_slug == t.offer_slug
                                && e.times == t.times
                                && !matches!(e.status, Status::Cancelled { .. })
                        })
                    })
                })
                .cloned()
                .collect()
        })
        .collect()
}

/// Offers the typical week has no line for (a day of the month, listed dates, by arrangement):
/// printed boards list them below the week, so that no offer is left off the wall.
pub fn outside_typical_week(offers: &[PlannedOffer]) -> Vec<PlannedOffer> {
    offers.iter().filter(|o| weekday_mask(&o.schedules) == 0).cloned().collect()
}

/// Bit `d` (0 = Monday) set for every weekday a schedule's rule recurs on.
pub fn weekday_mask(schedules: &[Schedule]) -> u8 {
    schedules.iter().fold(0, |mask, s| match &s.rule {
        Rule::Weekly { days, .. } => days.iter().fold(mask, |m, d| m | 1 << d.num_days_from_monday()),
        Rule::MonthlyNth { weekday, .. } => mask | 1 << weekday.num_days_from_monday(),
        Rule::MonthlyDay { .. } | Rule::Dates(_) => mask,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{Exception, ExceptionKind, HolidayMode};
    use chrono::NaiveTime;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn schedule(rule: Rule, start: &str) -> Schedule {
        Schedule {
            start_date: d("2026-01-01"),
            times: Times::Timed {
                start: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
                end: NaiveTime::parse_from_str("20:00", "%H:%M").unwrap(),
            },
            rule,
            end: None,
            holidays: HolidayMode::Always,
            on_public_holidays: false,
            place: None,
            exceptions: vec![],
            extra_dates: vec![],
        }
    }

    fn offer(slug: &str, schedules: Vec<Schedule>) -> PlannedOffer {
        PlannedOffer {
            slug: slug.into(),
            category: crate::domain::category::Category::Meeting,
            title: slug.into(),
            lang: "de".into(),
            place_name: "Ort".into(),
            schedules,
        }
    }

    /// ISO weeks parse to their Monday, including week 53 of 2026.
    #[test]
    fn iso_weeks() {
        assert_eq!(parse_iso_week("2026-W48"), Some(d("2026-11-23")));
        assert_eq!(parse_iso_week("2026-W53"), Some(d("2026-12-28")));
        assert_eq!(parse_iso_week("2027-W53"), None);
        assert_eq!(parse_iso_week("banana"), None);
        assert_eq!(iso_week_label(d("2027-01-01")), "2026-W53");
    }

    /// The week plan puts occurrences on their days, sorted by time, with cancellations visible.
    #[test]
    fn week_plan_days() {
        let mut cafe = schedule(Rule::Weekly { interval: 1, days: vec![Weekday::Wed] }, "09:00");
        cafe.exceptions = vec![Exception {
            date: d("2026-11-25"),
            kind: ExceptionKind::Cancelled { reason: "Raum belegt".into() },
        }];
        let monthly =
            schedule(Rule::MonthlyNth { interval: 1, nth: Nth::First, weekday: Weekday::Wed }, "08:00");
        let offers = [offer("krabbelcafe", vec![cafe]), offer("muettercafe", vec![monthly])];
        let cal = HolidayCalendar::default();
        let plan = week_plan(&offers, &cal, d("2026-11-23"));
        assert_eq!(plan.week, "2026-W48");
        let wed = &plan.days[2];
        assert_eq!(wed.entries.len(), 1, "the first Wednesday is not in this week");
        assert!(matches!(wed.entries[0].status, Status::Cancelled { .. }));
        let next = week_plan(&offers, &cal, d("2026-11-30"));
        let titles: Vec<_> = next.days[2].entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["muettercafe", "krabbelcafe"]);
    }

    /// The typical week shows the rules on their weekdays, ignoring exceptions.
    #[test]
    fn typical_week_from_rules() {
        let every2 = schedule(Rule::Weekly { interval: 2, days: vec![Weekday::Fri] }, "18:00");
        let monthly =
            schedule(Rule::MonthlyNth { interval: 1, nth: Nth::First, weekday: Weekday::Wed }, "10:00");
        let day15 = schedule(Rule::MonthlyDay { interval: 1, day: 15 }, "10:00");
        let week = typical_week(&[offer("jugendtreff", vec![every2]), offer("cafe", vec![monthly, day15])]);
        assert_eq!(week[4][0].pattern, Pattern::Weekly { interval: 2 });
        assert_eq!(week[2][0].pattern, Pattern::MonthlyNth { nth: Nth::First });
        assert_eq!(week.iter().map(Vec::len).sum::<usize>(), 2);
        assert_eq!(weekday_mask(&[week_schedule()]), 0b0000_0101);
    }

    /// Only what the shown week lacks is listed under the normal week: a cancelled date counts
    /// as lacking, a date taking place does not.
    #[test]
    fn the_normal_week_lists_only_what_this_week_lacks() {
        let weekly = offer("yoga", vec![week_schedule()]);
        let monthly = offer(
            "cafe",
            vec![schedule(Rule::MonthlyNth { interval: 1, nth: Nth::First, weekday: Weekday::Wed }, "10:00")],
        );
        let offers = [weekly, monthly];
        let typical = typical_week(&offers);
        // 7 December 2026 is a Monday; the first Wednesday of December was the 2nd.
        let monday = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
        let mut plan = week_plan(&offers, &HolidayCalendar::default(), monday);
        let lacking = not_this_week(&plan, &typical);
        let slugs = |d: usize, l: &Vec<Vec<TypicalEntry>>| {
            l[d].iter().map(|e| e.offer_slug.clone()).collect::<Vec<_>>()
        };
        assert_eq!(slugs(0, &lacking), Vec::<String>::new());
        assert_eq!(slugs(2, &lacking), vec!["cafe".to_owned()]);
        plan.days[0].entries[0].status = Status::Cancelled { reason: String::new() };
        assert_eq!(slugs(0, &not_this_week(&plan, &typical)), vec!["yoga".to_owned()]);
    }

    fn week_schedule() -> Schedule {
        schedule(Rule::Weekly { interval: 1, days: vec![Weekday::Mon, Weekday::Wed] }, "10:00")
    }
}
