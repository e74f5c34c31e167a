//! schema.org JSON-LD for offer pages: an Event with its Schedules (byDay, byMonthWeek,
//! exceptDate), Place, Organization and audience ages — so search engines and messengers
//! understand what and when.

use crate::domain::holidays::HolidayCalendar;
use crate::domain::offer::{Cost, OfferDetail};
use crate::domain::schedule::expand::occurrences;
use crate::domain::schedule::rule::rule_dates;
use crate::domain::schedule::{Rule, RuleEnd, Status, Times};
use crate::domain::time_text::format_time;
use chrono::{Duration, NaiveDate, Weekday};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

fn day_url(d: Weekday) -> String {
    let name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        [d.num_days_from_monday() as usize];
    format!("https://schema.org/{name}")
}

/// The JSON-LD document, ready to put into `<script type="application/ld+json">` (`</` escaped).
pub fn offer_json_ld(offer: &OfferDetail, tz: &str, cal: &HolidayCalendar, today: NaiveDate) -> String {
    let horizon = today + Duration::days(365);
    let schedules: Vec<Value> = offer
        .schedules
        .iter()
        .map(|s| {
            let mut o = Map::new();
            o.insert("@type".into(), json!("Schedule"));
            o.insert("startDate".into(), json!(s.start_date.to_string()));
            o.insert("scheduleTimezone".into(), json!(tz));
            if let Times::Timed { start, end } = s.times {
                o.insert("startTime".into(), json!(format_time(start)));
                o.insert("endTime".into(), json!(format_time(end)));
            }
            match &s.rule {
                Rule::Weekly { interval, days } => {
                    o.insert("repeatFrequency".into(), json!(format!("P{interval}W")));
                    o.insert("byDay".into(), json!(days.iter().map(|d| day_url(*d)).collect::<Vec<_>>()));
                }
                Rule::MonthlyNth { interval, nth, weekday } => {
                    o.insert("repeatFrequency".into(), json!(format!("P{interval}M")));
                    o.insert("byDay".into(), json!(day_url(*weekday)));
                    o.insert("byMonthWeek".into(), json!(nth.number()));
                }
                Rule::MonthlyDay { interval, day } => {
                    o.insert("repeatFrequency".into(), json!(format!("P{interval}M")));
                    o.insert("byMonthDay".into(), json!(day));
                }
                Rule::Dates(dates) => {
                    if let Some(last) = dates.iter().max() {
                        o.insert("endDate".into(), json!(last.to_string()));
                    }
                }
            }
            match s.end {
                Some(RuleEnd::Until(u)) => {
                    o.insert("endDate".into(), json!(u.to_string()));
                }
                Some(RuleEnd::Count(c)) => {
                    o.insert("repeatCount".into(), json!(c));
                }
                None => {}
            }
            let regular: BTreeSet<NaiveDate> = occurrences(s, cal, today, horizon)
                .into_iter()
                .filter(|o| o.status == Status::Regular)
                .map(|o| o.date)
                .collect();
            let except: Vec<String> = rule_dates(&s.rule, s.start_date, s.end, today, horizon)
                .into_iter()
                .filter(|d| !regular.contains(d))
                .map(|d| d.to_string())
                .collect();
            if !except.is_empty() {
                o.insert("exceptDate".into(), json!(except));
            }
            Value::Object(o)
        })
        .collect();
    let mut audience = Map::new();
    audience.insert("@type".into(), json!("PeopleAudience"));
    if let Some(min) = offer.ages.min {
        audience.insert("suggestedMinAge".into(), json!(min));
    }
    if let Some(max) = offer.ages.max {
        audience.insert("suggestedMaxAge".into(), json!(max));
    }
    let place = &offer.place;
    let mut location = json!({
        "@type": "Place",
        "name": place.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": place.address.street,
            "postalCode": place.address.postcode,
            "addressLocality": place.address.city,
            "addressCountry": "DE"
        }
    });
    if let Some(c) = place.coordinates {
        location["geo"] = json!({ "@type": "GeoCoordinates", "latitude": c.lat, "longitude": c.lon });
    }
    let org = &offer.organisation;
    let doc = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": offer.title,
        "description": offer.description,
        "inLanguage": offer.lang,
        "url": offer.url,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "isAccessibleForFree": matches!(offer.cost, Cost::Free),
        "location": location,
        "organizer": { "@type": "Organization", "name": org.name, "url": org.website, "telephone": org.phone, "email": org.email },
        "audience": Value::Object(audience),
        "eventSchedule": schedules,
    });
    doc.to_string().replace("</", "<\\/")
}
