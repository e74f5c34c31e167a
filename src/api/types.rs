//! What the JSON API answers: its own types (the published contract of `/api/v1/`), made from
//! the domain types, so the pages can change without breaking other people's apps.

use crate::domain::offer::{Cost, OfferDetail, OfferSummary};
use crate::domain::quarter::QuarterSummary;
use crate::domain::schedule::{Occurrence, Status, Times};
use crate::domain::time_text::format_time;
use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

/// A quarter of the city.
#[derive(Serialize, ToSchema)]
pub struct ApiQuarter {
    pub slug: String,
    /// Language of `name` and `description`: the one asked for, or German where no translation exists.
    pub lang: String,
    pub name: String,
    pub description: String,
    /// The quarter's board for people.
    pub url: String,
}

impl ApiQuarter {
    pub fn new(q: QuarterSummary, locale: &str, public_url: &str) -> Self {
        let url = format!("{public_url}/{locale}/{}", q.slug);
        Self { slug: q.slug, lang: q.lang, name: q.name, description: q.description, url }
    }
}

/// One date of an offer.
#[derive(Serialize, ToSchema)]
pub struct ApiOccurrence {
    pub date: NaiveDate,
    /// Local time `HH:MM` in the installation's zone; absent all day.
    pub start: Option<String>,
    pub end: Option<String>,
    /// `regular`, `changed` or `cancelled`.
    pub status: &'static str,
    /// Why it is cancelled.
    pub reason: Option<String>,
    /// Slug of the place when it is somewhere other than usual.
    pub place: Option<String>,
}

impl From<&Occurrence> for ApiOccurrence {
    fn from(o: &Occurrence) -> Self {
        let (start, end) = match o.times {
            Times::Timed { start, end } => (Some(format_time(start)), Some(format_time(end))),
            Times::AllDay => (None, None),
        };
        let (status, reason) = match &o.status {
            Status::Regular => ("regular", None),
            Status::Changed { .. } => ("changed", None),
            Status::Cancelled { reason } => ("cancelled", Some(reason.clone())),
        };
        Self { date: o.date, start, end, status, reason, place: o.place.as_ref().map(|p| p.slug.clone()) }
    }
}

/// An offer as a line of the board.
#[derive(Serialize, ToSchema)]
pub struct ApiOffer {
    pub slug: String,
    pub lang: String,
    pub title: String,
    pub category: String,
    /// Youngest and oldest age in years, both inclusive; absent means no limit.
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub free: bool,
    pub place: String,
    /// ISO 639-1 codes of the languages spoken there.
    pub languages: Vec<String>,
    pub step_free: bool,
    pub registration_required: bool,
    /// The next date that takes place.
    pub next: Option<ApiOccurrence>,
    pub url: String,
}

impl ApiOffer {
    pub fn new(o: &OfferSummary, public_url: &str) -> Self {
        Self {
            slug: o.slug.clone(),
            lang: o.lang.clone(),
            title: o.title.clone(),
            category: o.category.code().to_owned(),
            age_min: o.ages.min,
            age_max: o.ages.max,
            free: o.is_free,
            place: o.place_name.clone(),
            languages: o.languages.clone(),
            step_free: o.step_free,
            registration_required: o.registration_required,
            next: o.next.as_ref().map(ApiOccurrence::from),
            url: format!("{public_url}/{}/offers/{}", o.lang, o.slug),
        }
    }
}

/// The offers of a quarter that match the filter in the query.
#[derive(Serialize, ToSchema)]
pub struct ApiOfferList {
    pub quarter: String,
    /// Today in the installation's zone; "this week" in the filter is the week of this day.
    pub today: NaiveDate,
    /// Query parameters that were not understood and were ignored.
    pub not_understood: Vec<String>,
    pub offers: Vec<ApiOffer>,
}

/// A date of an offer in a date range.
#[derive(Serialize, ToSchema)]
pub struct ApiDatedOffer {
    pub offer: String,
    pub title: String,
    #[serde(flatten)]
    pub occurrence: ApiOccurrence,
}

/// The dates of the matching offers of a quarter in a date range, in date order.
#[derive(Serialize, ToSchema)]
pub struct ApiOccurrenceList {
    pub quarter: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub not_understood: Vec<String>,
    pub occurrences: Vec<ApiDatedOffer>,
}

/// A place where offers happen.
#[derive(Serialize, ToSchema)]
pub struct ApiPlace {
    pub slug: String,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub step_free: bool,
    pub accessible_toilet: bool,
    pub opening_hours: Option<String>,
    /// Slugs of its offers.
    pub offers: Vec<String>,
}

/// An organisation that runs offers.
#[derive(Serialize, ToSchema)]
pub struct ApiOrganisation {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub description: String,
    /// Slugs of its offers in the quarter.
    pub offers: Vec<String>,
}

/// The places and organisations of a quarter.
#[derive(Serialize, ToSchema)]
pub struct ApiDirectory {
    pub quarter: String,
    pub places: Vec<ApiPlace>,
    pub organisations: Vec<ApiOrganisation>,
}

impl ApiDirectory {
    pub fn new(d: crate::domain::directory::Directory) -> Self {
        let slugs =
            |offers: &[crate::domain::directory::OfferLink]| offers.iter().map(|o| o.slug.clone()).collect();
        let places = d.places.iter().map(|e| {
            let p = &e.place;
            ApiPlace {
                slug: p.slug.clone(),
                name: p.name.clone(),
                street: p.address.street.clone(),
                postcode: p.address.postcode.clone(),
                city: p.address.city.clone(),
                lat: p.coordinates.map(|c| c.lat),
                lon: p.coordinates.map(|c| c.lon),
                step_free: p.access.step_free,
                accessible_toilet: p.access.accessible_toilet,
                opening_hours: p.opening_hours.clone(),
                offers: slugs(&e.offers),
            }
        });
        let organisations = d.organisations.iter().map(|e| {
            let o = &e.organisation;
            ApiOrganisation {
                slug: o.slug.clone(),
                name: o.name.clone(),
                kind: o.kind.code().to_owned(),
                phone: o.phone.clone(),
                email: o.email.clone(),
                website: o.website.clone(),
                description: o.description.clone(),
                offers: slugs(&e.offers),
            }
        });
        Self {
            quarter: d.quarter_slug.clone(),
            places: places.collect(),
            organisations: organisations.collect(),
        }
    }
}

/// Everything published about one offer.
#[derive(Serialize, ToSchema)]
pub struct ApiOfferDetail {
    pub slug: String,
    pub lang: String,
    pub title: String,
    pub description: String,
    pub category: String,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    pub audiences: Vec<String>,
    pub free: bool,
    /// The price in words when it is not free.
    pub cost: Option<String>,
    pub languages: Vec<String>,
    pub registration_required: bool,
    pub registration: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    pub contact_email: Option<String>,
    /// Slug of its usual place (see the quarter's directory).
    pub place: String,
    pub organisation: String,
    pub quarters: Vec<String>,
    pub last_confirmed: NaiveDate,
    /// The next dates, cancelled ones included.
    pub upcoming: Vec<ApiOccurrence>,
    pub url: String,
    /// iCalendar feed of the offer.
    pub calendar_url: String,
}

impl ApiOfferDetail {
    pub fn new(o: OfferDetail, public_url: &str) -> Self {
        Self {
            calendar_url: format!("{public_url}/feeds/{}/offers/{}.ics", o.lang, o.slug),
            slug: o.slug,
            lang: o.lang,
            title: o.title,
            description: o.description,
            category: o.category.code().to_owned(),
            age_min: o.ages.min,
            age_max: o.ages.max,
            audiences: o.audiences.iter().map(|a| a.code().to_owned()).collect(),
            free: o.cost == Cost::Free,
            cost: match o.cost {
                Cost::Free => None,
                Cost::Amount(a) => Some(a),
            },
            languages: o.languages,
            registration_required: o.registration.required,
            registration: o.registration.how,
            contact_name: o.contact.name,
            contact_phone: o.contact.phone,
            contact_email: o.contact.email,
            place: o.place.slug,
            organisation: o.organisation.slug,
            quarters: o.quarters.into_iter().map(|q| q.slug).collect(),
            last_confirmed: o.last_confirmed,
            upcoming: o.upcoming.iter().map(ApiOccurrence::from).collect(),
            url: o.url,
        }
    }
}

/// A refused request.
#[derive(Serialize, ToSchema)]
pub struct ApiProblem {
    /// `not_found`, `bad_request`, `too_many_requests` or `unavailable`.
    pub error: &'static str,
    pub message: String,
}
