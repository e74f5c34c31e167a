//! Writing one offer's rows (the offer, its texts, quarters, audiences, languages, schedules) from
//! an [`OfferRecord`], for documents and for the staff editor alike.

use super::schedules::insert_schedule;
use super::DbError;
use crate::domain::document::OfferRecord;
use crate::domain::holidays::HolidayCalendar;
use crate::domain::schedule::validate::parse_schedule;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Slug → row id of quarters, organisations and places, to resolve a record's references.
#[derive(Default)]
pub(super) struct Ids {
    pub quarters: HashMap<String, i64>,
    pub organisations: HashMap<String, i64>,
    pub places: HashMap<String, i64>,
}

impl Ids {
    /// Every quarter, organisation and place of the database.
    pub async fn load(conn: &mut AnyConnection) -> Result<Self, DbError> {
        let mut ids = Ids::default();
        for (table, map) in [
            ("quarters", &mut ids.quarters),
            ("organisations", &mut ids.organisations),
            ("places", &mut ids.places),
        ] {
            let rows: Vec<(String, i64)> =
                sqlx::query_as(&format!("SELECT slug, id FROM {table}")).fetch_all(&mut *conn).await?;
            map.extend(rows);
        }
        Ok(ids)
    }
}

pub(super) fn lookup(ids: &HashMap<String, i64>, slug: &str) -> Result<i64, DbError> {
    ids.get(slug).copied().ok_or_else(|| DbError::Corrupt(format!("unknown reference {slug:?}")))
}

/// When each locale's text was last written, so unchanged texts keep their date.
pub(super) type TextDates = HashMap<String, Option<String>>;

/// Inserts a new offer with all its rows; texts are dated `now`.
pub(super) async fn insert_offer(
    conn: &mut AnyConnection,
    o: &OfferRecord,
    ids: &Ids,
) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO offers (slug, organisation_id, place_id, category, age_min, age_max, is_free,
                             registration_required, contact_name, contact_phone, contact_email,
                             status, last_confirmed, internal_note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
    )
    .bind(&o.slug)
    .bind(lookup(&ids.organisations, &o.organisation)?)
    .bind(lookup(&ids.places, &o.place)?)
    .bind(o.category.code())
    .bind(o.age_min.map(i64::from))
    .bind(o.age_max.map(i64::from))
    .bind(i64::from(o.free))
    .bind(i64::from(o.registration_required))
    .bind(&o.contact.name)
    .bind(&o.contact.phone)
    .bind(&o.contact.email)
    .bind(o.status.code())
    .bind(o.last_confirmed.to_string())
    .bind(&o.internal_note)
    .fetch_one(&mut *conn)
    .await?;
    insert_offer_parts(conn, id, o, ids, &TextDates::new()).await?;
    Ok(id)
}

/// Overwrites an offer's row and replaces its parts; `dates` keeps the date of unchanged texts.
/// The caller has claimed the next version (`offer_edit::claim_version`).
pub(super) async fn replace_offer(
    conn: &mut AnyConnection,
    id: i64,
    o: &OfferRecord,
    ids: &Ids,
    dates: &TextDates,
) -> Result<(), DbError> {
    super::slugs::remember_offer_slug(conn, id, &o.slug).await?;
    sqlx::query(
        "UPDATE offers SET slug = $1, organisation_id = $2, place_id = $3, category = $4, age_min = $5,
            age_max = $6, is_free = $7, registration_required = $8, contact_name = $9, contact_phone = $10,
            contact_email = $11, internal_note = $12
         WHERE id = $13",
    )
    .bind(&o.slug)
    .bind(lookup(&ids.organisations, &o.organisation)?)
    .bind(lookup(&ids.places, &o.place)?)
    .bind(o.category.code())
    .bind(o.age_min.map(i64::from))
    .bind(o.age_max.map(i64::from))
    .bind(i64::from(o.free))
    .bind(i64::from(o.registration_required))
    .bind(&o.contact.name)
    .bind(&o.contact.phone)
    .bind(&o.contact.email)
    .bind(&o.internal_note)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    for table in ["offer_texts", "offer_quarters", "offer_audiences", "offer_languages", "schedules"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE offer_id = $1")).bind(id).execute(&mut *conn).await?;
    }
    insert_offer_parts(conn, id, o, ids, dates).await
}

async fn insert_offer_parts(
    conn: &mut AnyConnection,
    id: i64,
    o: &OfferRecord,
    ids: &Ids,
    dates: &TextDates,
) -> Result<(), DbError> {
    let now = super::write::now_text();
    let dated = |locale: &str| dates.get(locale).cloned().unwrap_or_else(|| Some(now.clone()));
    let german = Text {
        locale: "de",
        title: &o.title,
        description: &o.description,
        cost: o.cost_text.as_deref(),
        registration: o.registration_text.as_deref(),
        easy: o.easy_description.as_deref(),
        changed_at: dated("de"),
    };
    insert_offer_text(conn, id, german).await?;
    for (locale, t) in &o.translations {
        let text = Text {
            locale,
            title: &t.title,
            description: &t.description,
            cost: None,
            registration: None,
            easy: None,
            changed_at: dated(locale),
        };
        insert_offer_text(conn, id, text).await?;
    }
    for q in &o.quarters {
        sqlx::query("INSERT INTO offer_quarters (offer_id, quarter_id) VALUES ($1, $2)")
            .bind(id)
            .bind(lookup(&ids.quarters, q)?)
            .execute(&mut *conn)
            .await?;
    }
    for a in &o.audiences {
        sqlx::query("INSERT INTO offer_audiences (offer_id, audience) VALUES ($1, $2)")
            .bind(id)
            .bind(a.code())
            .execute(&mut *conn)
            .await?;
    }
    for l in &o.languages {
        sqlx::query("INSERT INTO offer_languages (offer_id, language) VALUES ($1, $2)")
            .bind(id)
            .bind(l)
            .execute(&mut *conn)
            .await?;
    }
    let place_id = |slug: &str| lookup(&ids.places, slug);
    for input in &o.schedules {
        let parsed = parse_schedule(input, &HolidayCalendar::default())
            .map_err(|issues| DbError::Corrupt(format!("schedule of {}: {issues:?}", o.slug)))?;
        insert_schedule(conn, id, &parsed.schedule, &place_id).await?;
    }
    Ok(())
}

/// One locale's texts of an offer.
struct Text<'a> {
    locale: &'a str,
    title: &'a str,
    description: &'a str,
    cost: Option<&'a str>,
    registration: Option<&'a str>,
    easy: Option<&'a str>,
    changed_at: Option<String>,
}

async fn insert_offer_text(conn: &mut AnyConnection, offer: i64, t: Text<'_>) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO offer_texts (offer_id, locale, title, description, cost_text, registration_text,
            easy_description, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(offer)
    .bind(t.locale)
    .bind(t.title)
    .bind(t.description)
    .bind(t.cost)
    .bind(t.registration)
    .bind(t.easy)
    .bind(t.changed_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
