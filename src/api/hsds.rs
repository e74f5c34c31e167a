//! Published offers as Open Referral HSDS 3 services: organisation, service, location,
//! service_at_location, schedule (`freq`/`byday` such as `1WE`), ages, languages, accessibility.
//! Identifiers are UUID v5 of the slugs, so they stay the same from export to export. What HSDS
//! has no field for travels in `x_…` extensions (documented in `docs/open-data.md`).

use crate::domain::category::OfferStatus;
use crate::domain::document::{CityDocument, OfferRecord, OrganisationRecord, PlaceRecord};
use crate::domain::exchange::{rrule, to_ical};
use crate::domain::schedule::validate::ScheduleInput;
use chrono::NaiveDate;
use serde_json::{json, Value};
use uuid::Uuid;

/// Namespace of our identifiers (a fixed random UUID; never change it).
const NAMESPACE: Uuid = Uuid::from_u128(0x5b1f_3c0e_8d4a_4e2b_9a61_7c3d_2f80_e914);

fn id(kind: &str, slug: &str) -> String {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{slug}").as_bytes()).to_string()
}

/// Every offer that is published and confirmed on or after `hidden_before`, as HSDS services.
/// `region` is the ISO 3166-2 code of the state (`DE-NW`).
pub fn services(
    doc: &CityDocument,
    hidden_before: NaiveDate,
    public_url: &str,
    time_zone: &str,
    region: &str,
) -> Vec<Value> {
    doc.offers
        .iter()
        .filter(|o| o.status == OfferStatus::Published && o.last_confirmed >= hidden_before)
        .filter_map(|o| {
            let org = doc.organisations.iter().find(|g| g.slug == o.organisation)?;
            let place = doc.places.iter().find(|p| p.slug == o.place)?;
            let mut v = service(o, org, place, public_url, time_zone);
            v["service_at_locations"][0]["location"]["addresses"][0]["state_province"] = region.into();
            strip_nulls(&mut v);
            Some(v)
        })
        .collect()
}

/// HSDS types its optional fields without null: absent values are left out.
fn strip_nulls(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.retain(|_, x| !x.is_null());
            map.values_mut().for_each(strip_nulls);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_nulls),
        _ => {}
    }
}

fn service(
    o: &OfferRecord,
    org: &OrganisationRecord,
    place: &PlaceRecord,
    public_url: &str,
    tz: &str,
) -> Value {
    let sid = id("offer", &o.slug);
    let location = location(place);
    let sal_id = id("service-at-location", &format!("{}@{}", o.slug, place.slug));
    let mut phones = Vec::new();
    if let Some(number) = &o.contact.phone {
        phones.push(json!({"id": id("phone", &o.slug), "service_id": sid, "number": number}));
    }
    let translations: serde_json::Map<String, Value> = o
        .translations
        .iter()
        .map(|(lang, t)| (lang.clone(), json!({"name": t.title, "description": t.description})))
        .collect();
    json!({
        "id": sid,
        "organization_id": id("organisation", &org.slug),
        "name": o.title,
        "description": o.description,
        "url": format!("{public_url}/de/offers/{}", o.slug),
        "email": o.contact.email,
        "status": "active",
        "application_process": if o.registration_required {
            o.registration_text.clone().unwrap_or_else(|| "Anmeldung erforderlich".into())
        } else {
            "Keine Anmeldung nötig".into()
        },
        "fees_description": if o.free { "kostenlos".to_owned() } else { o.cost_text.clone().unwrap_or_default() },
        "minimum_age": o.age_min,
        "maximum_age": o.age_max,
        "assured_date": o.last_confirmed.to_string(),
        "phones": phones,
        "languages": o.languages.iter().map(|code| json!({
            "id": id("language", &format!("{}:{code}", o.slug)),
            "service_id": sid,
            "code": code,
        })).collect::<Vec<_>>(),
        "schedules": o.schedules.iter().enumerate().map(|(i, s)| schedule(s, &sid, &format!("{}:{i}", o.slug), tz)).collect::<Vec<_>>(),
        "service_at_locations": [{
            "id": sal_id,
            "service_id": sid,
            "location_id": location["id"],
            "location": location,
        }],
        "organization": {
            "id": id("organisation", &org.slug),
            "name": org.name,
            "description": org.description,
            "email": org.email,
            "website": org.website,
        },
        "x_category": o.category.code(),
        "x_audiences": o.audiences.iter().map(|a| a.code()).collect::<Vec<_>>(),
        "x_translations": translations,
        "x_slug": o.slug,
    })
}

fn location(p: &PlaceRecord) -> Value {
    let lid = id("place", &p.slug);
    let mut access = Vec::new();
    if p.step_free {
        access.push(json!({"id": id("access", &format!("{}:step-free", p.slug)), "location_id": lid,
            "description": "Stufenloser Zugang", "details": "step_free"}));
    }
    if p.accessible_toilet {
        access.push(json!({"id": id("access", &format!("{}:toilet", p.slug)), "location_id": lid,
            "description": "Barrierefreie Toilette", "details": "accessible_toilet"}));
    }
    json!({
        "id": lid,
        "location_type": "physical",
        "name": p.name,
        "latitude": p.lat,
        "longitude": p.lon,
        "addresses": [{
            "id": id("address", &p.slug),
            "location_id": lid,
            "address_1": p.street,
            "city": p.city,
            "state_province": "",
            "postal_code": p.postcode,
            "country": "DE",
            "address_type": "physical",
        }],
        "accessibility": access,
        "x_slug": p.slug,
    })
}

/// One schedule: HSDS's RRULE fields where the rule fits them (weekly, monthly by weekday or
/// day), listed dates and exceptions as extensions.
fn schedule(s: &ScheduleInput, service_id: &str, key: &str, tz: &str) -> Value {
    let ical = to_ical(s);
    let mut v = json!({
        "id": id("schedule", key),
        "service_id": service_id,
        "dtstart": s.start_date.map(|d| d.to_string()),
        "opens_at": s.start,
        "closes_at": s.end,
        "x_time_zone": tz,
    });
    let set = |v: &mut Value, k: &str, x: Value| {
        v[k] = x;
    };
    let interval = s.interval.unwrap_or(1);
    match s.freq.as_str() {
        "weekly" => {
            set(&mut v, "freq", "WEEKLY".into());
            set(&mut v, "interval", interval.into());
            let days: Vec<_> = s.days.iter().map(|d| rrule::day_code(*d)).collect();
            set(&mut v, "byday", days.join(",").into());
        }
        "monthly_nth" => {
            set(&mut v, "freq", "MONTHLY".into());
            set(&mut v, "interval", interval.into());
            let byday = format!("{}{}", s.nth.unwrap_or(1), rrule::day_code(s.weekday.unwrap_or(1)));
            set(&mut v, "byday", byday.into());
        }
        "monthly_day" => {
            set(&mut v, "freq", "MONTHLY".into());
            set(&mut v, "interval", interval.into());
            set(&mut v, "bymonthday", s.day.unwrap_or(1).to_string().into());
        }
        _ => {}
    }
    if let Some(until) = s.until {
        set(&mut v, "until", until.to_string().into());
    }
    if let Some(count) = s.count {
        set(&mut v, "count", count.into());
    }
    set(&mut v, "x_rrule", ical.rrule.into());
    set(&mut v, "x_rdate", json!(ical.rdate));
    set(&mut v, "x_exdate", json!(ical.exdate));
    set(&mut v, "x_changes", json!(ical.changes));
    set(&mut v, "x_holidays", ical.holidays.unwrap_or_else(|| "always".into()).into());
    set(&mut v, "x_public_holidays", ical.public_holidays.into());
    v
}
