//! Writing a whole city document (the demo city, later imports) in one transaction.

use super::offer_rows::{insert_offer, lookup, Ids};
use super::{Db, DbError};
use crate::domain::document::{CityDocument, OrganisationRecord, PlaceRecord, QuarterRecord};
use sqlx::AnyConnection;

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
