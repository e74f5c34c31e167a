//! Writing a whole city document (the demo city, later imports) in one transaction.

use super::schedules::insert_schedule;
use super::{Db, DbError};
use crate::domain::document::{CityDocument, OfferRecord, OrganisationRecord, PlaceRecord, QuarterRecord};
use crate::domain::holidays::HolidayCalendar;
use crate::domain::schedule::validate::parse_schedule;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Slug → row id of what was inserted so far, to resolve references.
#[derive(Default)]
struct Ids {
    quarters: HashMap<String, i64>,
    organisations: HashMap<String, i64>,
    places: HashMap<String, i64>,
}

impl Db {
    /// Loads the demo city unless it is loaded already; all or nothing. Returns whether it loaded.
    pub async fn insert_demo_document(&self, doc: &CityDocument) -> Result<bool, DbError> {
        let mut tx = self.pool.begin().await?;
        let claimed = sqlx::query(
            "INSERT INTO site_flags (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO NOTHING",
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            return Ok(false);
        }
        insert_records(&mut tx, doc).await?;
        tx.commit().await?;
        Ok(true)
    }
}

impl Db {
    /// Inserts a whole document in one transaction: all or nothing.
    pub async fn insert_document(&self, doc: &CityDocument) -> Result<(), DbError> {
        let mut tx = self.pool.begin().await?;
        insert_records(&mut tx, doc).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn insert_records(conn: &mut AnyConnection, doc: &CityDocument) -> Result<(), DbError> {
    let mut ids = Ids::default();
    for q in &doc.quarters {
        ids.quarters.insert(q.slug.clone(), insert_quarter(conn, q).await?);
    }
    for o in &doc.organisations {
        ids.organisations.insert(o.slug.clone(), insert_organisation(conn, o).await?);
    }
    for p in &doc.places {
        let quarter = lookup(&ids.quarters, &p.quarter)?;
        ids.places.insert(p.slug.clone(), insert_place(conn, p, quarter).await?);
    }
    for o in &doc.offers {
        insert_offer(conn, o, &ids).await?;
    }
    Ok(())
}

fn lookup(ids: &HashMap<String, i64>, slug: &str) -> Result<i64, DbError> {
    ids.get(slug).copied().ok_or_else(|| DbError::Corrupt(format!("unknown reference {slug:?}")))
}

async fn insert_quarter(conn: &mut AnyConnection, q: &QuarterRecord) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO quarters (slug, office_name, office_street, office_postcode, office_city, office_phone)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&q.slug)
    .bind(&q.office.name)
    .bind(&q.office.street)
    .bind(&q.office.postcode)
    .bind(&q.office.city)
    .bind(&q.office.phone)
    .fetch_one(&mut *conn)
    .await?;
    let german = std::iter::once(("de", q.name.as_str(), q.description.as_str(), q.office.hours.as_str()));
    let translated = q
        .translations
        .iter()
        .map(|(l, t)| (l.as_str(), t.name.as_str(), t.description.as_str(), t.hours.as_str()));
    for (locale, name, description, hours) in german.chain(translated) {
        sqlx::query(
            "INSERT INTO quarter_texts (quarter_id, locale, name, description, office_hours)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(id)
        .bind(locale)
        .bind(name)
        .bind(description)
        .bind(hours)
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

async fn insert_organisation(conn: &mut AnyConnection, o: &OrganisationRecord) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (slug, name, kind, phone, email, website)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&o.slug)
    .bind(&o.name)
    .bind(o.kind.code())
    .bind(&o.phone)
    .bind(&o.email)
    .bind(&o.website)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO organisation_texts (organisation_id, locale, description) VALUES ($1, 'de', $2)",
    )
    .bind(id)
    .bind(&o.description)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

async fn insert_place(conn: &mut AnyConnection, p: &PlaceRecord, quarter: i64) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO places (slug, name, street, postcode, city, quarter_id, latitude, longitude,
                             step_free, accessible_toilet)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(&p.slug)
    .bind(&p.name)
    .bind(&p.street)
    .bind(&p.postcode)
    .bind(&p.city)
    .bind(quarter)
    .bind(p.lat)
    .bind(p.lon)
    .bind(i64::from(p.step_free))
    .bind(i64::from(p.accessible_toilet))
    .fetch_one(&mut *conn)
    .await?;
    for (locale, name) in &p.name_translations {
        sqlx::query("INSERT INTO place_names (place_id, locale, name) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(locale)
            .bind(name)
            .execute(&mut *conn)
            .await?;
    }
    if let Some(hours) = &p.opening_hours {
        sqlx::query("INSERT INTO place_texts (place_id, locale, opening_hours) VALUES ($1, 'de', $2)")
            .bind(id)
            .bind(hours)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

async fn insert_offer(conn: &mut AnyConnection, o: &OfferRecord, ids: &Ids) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO offers (slug, organisation_id, place_id, category, age_min, age_max, is_free,
                             registration_required, contact_name, contact_phone, contact_email,
                             status, last_confirmed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
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
    .fetch_one(&mut *conn)
    .await?;
    insert_offer_text(
        conn,
        id,
        "de",
        &o.title,
        &o.description,
        o.cost_text.as_deref(),
        o.registration_text.as_deref(),
    )
    .await?;
    if let Some(easy) = &o.easy_description {
        sqlx::query("UPDATE offer_texts SET easy_description = $1 WHERE offer_id = $2 AND locale = 'de'")
            .bind(easy)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    for (locale, t) in &o.translations {
        insert_offer_text(conn, id, locale, &t.title, &t.description, None, None).await?;
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
    Ok(id)
}

async fn insert_offer_text(
    conn: &mut AnyConnection,
    offer: i64,
    locale: &str,
    title: &str,
    description: &str,
    cost: Option<&str>,
    registration: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO offer_texts (offer_id, locale, title, description, cost_text, registration_text)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(offer)
    .bind(locale)
    .bind(title)
    .bind(description)
    .bind(cost)
    .bind(registration)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
