//! Writing quarters, organisations and places with their texts, for documents and for the
//! staff editor alike.

use super::DbError;
use crate::domain::document::{OrganisationRecord, PlaceRecord, QuarterRecord};
use sqlx::AnyConnection;

pub(super) async fn insert_quarter(conn: &mut AnyConnection, q: &QuarterRecord) -> Result<i64, DbError> {
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
    write_quarter_texts(conn, id, q).await?;
    Ok(id)
}

/// Writes the German and translated texts of quarter `id` (after deleting the old ones).
pub(super) async fn write_quarter_texts(
    conn: &mut AnyConnection,
    id: i64,
    q: &QuarterRecord,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM quarter_texts WHERE quarter_id = $1").bind(id).execute(&mut *conn).await?;
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
    Ok(())
}

pub(super) async fn insert_organisation(
    conn: &mut AnyConnection,
    o: &OrganisationRecord,
) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (slug, name, kind, phone, email, website, editors_publish)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(&o.slug)
    .bind(&o.name)
    .bind(o.kind.code())
    .bind(&o.phone)
    .bind(&o.email)
    .bind(&o.website)
    .bind(i64::from(o.editors_publish))
    .fetch_one(&mut *conn)
    .await?;
    write_organisation_texts(conn, id, o).await?;
    Ok(id)
}

/// Writes the German description of organisation `id` (replacing the old one).
pub(super) async fn write_organisation_texts(
    conn: &mut AnyConnection,
    id: i64,
    o: &OrganisationRecord,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM organisation_texts WHERE organisation_id = $1 AND locale = 'de'")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "INSERT INTO organisation_texts (organisation_id, locale, description) VALUES ($1, 'de', $2)",
    )
    .bind(id)
    .bind(&o.description)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(super) async fn insert_place(
    conn: &mut AnyConnection,
    p: &PlaceRecord,
    quarter: i64,
    organisation: Option<i64>,
) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO places (slug, name, street, postcode, city, quarter_id, latitude, longitude,
                             step_free, accessible_toilet, organisation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
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
    .bind(organisation)
    .fetch_one(&mut *conn)
    .await?;
    write_place_texts(conn, id, p).await?;
    Ok(id)
}

/// Writes the translated names and the opening hours of place `id` (replacing the old ones).
pub(super) async fn write_place_texts(
    conn: &mut AnyConnection,
    id: i64,
    p: &PlaceRecord,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM place_names WHERE place_id = $1").bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM place_texts WHERE place_id = $1 AND locale = 'de'")
        .bind(id)
        .execute(&mut *conn)
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
    Ok(())
}
