//! The demo city: a plausible, clearly fictional Bottrop with four quarters, loaded on request.

use crate::db::Db;
use crate::domain::document::{validate, CityDocument};
use crate::domain::holidays::HolidayCalendar;
use crate::domain::schedule::expand::occurrences;
use crate::domain::schedule::rule::monday_of;
use crate::domain::schedule::validate::{parse_schedule, ExceptionInput};
use crate::server::StartError;
use chrono::{Datelike, Duration, NaiveDate};

/// The demo data set, compiled into the binary.
const DEMO_CITY: &str = include_str!("demo/demo_city.json");

/// Parses and checks the demo document.
pub fn demo_city() -> Result<CityDocument, StartError> {
    let doc: CityDocument = serde_json::from_str(DEMO_CITY).map_err(|e| StartError::Demo(e.to_string()))?;
    validate(&doc).map_err(|errors| {
        StartError::Demo(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
    })?;
    Ok(doc)
}

/// Loads the demo city unless it is there already, with a few cancellations and changes around
/// `today` so the week plan shows them. Returns whether it was loaded now.
pub async fn seed_demo(db: &Db, today: NaiveDate) -> Result<bool, StartError> {
    let mut doc = demo_city()?;
    add_exceptions_around(&mut doc, today);
    keep_confirmations_recent(&mut doc, today);
    let loaded = db.insert_demo_document(&doc).await?;
    if loaded {
        tracing::info!("demo city loaded");
    }
    seed_demo_identity(db).await?;
    Ok(loaded)
}

/// The demo's look: a fictional city logo and programme logo, the EU emblem, a funding line.
async fn seed_demo_identity(db: &Db) -> Result<(), StartError> {
    use crate::domain::identity::{IdentityValues, ImageRole};
    let prepare =
        |svg: &str| crate::media::prepare(svg.as_bytes()).map_err(|e| StartError::Demo(format!("{e:?}")));
    let (city, programme) =
        (prepare(include_str!("demo/city-logo.svg"))?, prepare(include_str!("demo/programme-logo.svg"))?);
    let values = IdentityValues {
        name: "Bottrop (Demo)".into(),
        accent: None,
        funding_line:
            "Demo: Das Programm „Zusammen im Quartier – Kinder stärken – Zukunft sichern“ wird aus Mitteln \
                       des Europäischen Sozialfonds Plus gefördert."
                .into(),
        eu_funded: true,
    };
    let images = [
        crate::db::NewImage { role: ImageRole::Logo, alt: "Stadt Bottrop (Demo-Logo)", files: &city },
        crate::db::NewImage {
            role: ImageRole::Partner,
            alt: "Zusammen im Quartier (Demo-Logo)",
            files: &programme,
        },
    ];
    if db.seed_identity(&values, &images).await? {
        tracing::info!("demo look set");
    }
    Ok(())
}

/// The day the demo's "last confirmed" dates were written for.
const DEMO_WRITTEN: (i32, u32, u32) = (2026, 11, 27);

/// Moves the demo's "last confirmed" dates forward by the time since the demo was written, so
/// the demo keeps a few offers due for confirmation and none drops off the public board.
pub fn keep_confirmations_recent(doc: &mut CityDocument, today: NaiveDate) {
    let (y, m, d) = DEMO_WRITTEN;
    let written = NaiveDate::from_ymd_opt(y, m, d).expect("a date");
    let shift = (today - written).max(Duration::zero());
    for offer in &mut doc.offers {
        offer.last_confirmed += shift;
    }
}

/// Next week the toddler café is cancelled (the room is booked), this week the German course
/// for mothers is cancelled, and youth football starts earlier once.
pub fn add_exceptions_around(doc: &mut CityDocument, today: NaiveDate) {
    let this_monday = monday_of(today);
    let next_monday = this_monday + Duration::days(7);
    let cancel = |reason: &str| ExceptionInput { cancelled: Some(reason.into()), ..Default::default() };
    let earlier =
        ExceptionInput { start: Some("16:30".into()), end: Some("18:00".into()), ..Default::default() };
    add_exception(
        doc,
        "krabbelcafe-sonnenblume",
        next_monday,
        cancel("Der Raum ist in dieser Woche belegt."),
    );
    add_exception(doc, "deutschkurs-muetter-altstadt", this_monday, cancel("Die Kursleiterin ist krank."));
    add_exception(doc, "jugendfussball-sportfreunde", next_monday, earlier);
}

/// Puts `exception` on the first occurrence of the offer's first schedule in the week of `monday`.
fn add_exception(doc: &mut CityDocument, offer: &str, monday: NaiveDate, mut exception: ExceptionInput) {
    let cal = HolidayCalendar::new("DE-NW", monday.year(), monday.year() + 1, &[]).unwrap_or_default();
    let Some(input) = doc.offers.iter_mut().find(|o| o.slug == offer).and_then(|o| o.schedules.first_mut())
    else {
        return;
    };
    let Ok(parsed) = parse_schedule(input, &cal) else { return };
    if let Some(first) = occurrences(&parsed.schedule, &cal, monday, monday + Duration::days(6)).first() {
        exception.date = Some(first.date);
        input.exceptions.push(exception);
    }
}
