//! Queries about quarters. Texts come in the asked locale, falling back to German.

use super::{Db, DbError};
use crate::domain::quarter::{Address, Office, Quarter, QuarterSummary};
use sqlx::FromRow;

#[derive(FromRow)]
struct QuarterRow {
    slug: String,
    lang: String,
    name: String,
    description: String,
    office_name: String,
    office_street: String,
    office_postcode: String,
    office_city: String,
    office_phone: Option<String>,
    office_hours: String,
}

const QUARTER_COLUMNS: &str = "q.slug,
    CASE WHEN t.name IS NULL THEN 'de' ELSE t.locale END AS lang,
    COALESCE(t.name, d.name) AS name,
    COALESCE(t.description, d.description) AS description,
    q.office_name, q.office_street, q.office_postcode, q.office_city, q.office_phone,
    COALESCE(t.office_hours, d.office_hours) AS office_hours
    FROM quarters q
    JOIN quarter_texts d ON d.quarter_id = q.id AND d.locale = 'de'
    LEFT JOIN quarter_texts t ON t.quarter_id = q.id AND t.locale = $1";

impl Db {
    /// Every quarter, by name, for the start page.
    pub async fn list_quarters(&self, locale: &str) -> Result<Vec<QuarterSummary>, DbError> {
        let sql = format!("SELECT {QUARTER_COLUMNS} ORDER BY name");
        let rows: Vec<QuarterRow> = sqlx::query_as(&sql).bind(locale).fetch_all(&self.pool).await?;
        Ok(rows
            .into_iter()
            .map(|r| QuarterSummary { slug: r.slug, lang: r.lang, name: r.name, description: r.description })
            .collect())
    }

    /// One quarter with its office; `NotFound` for an unknown slug.
    pub async fn get_quarter(&self, locale: &str, slug: &str) -> Result<Quarter, DbError> {
        let sql = format!("SELECT {QUARTER_COLUMNS} WHERE q.slug = $2");
        let row: QuarterRow = sqlx::query_as(&sql)
            .bind(locale)
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(DbError::NotFound)?;
        Ok(Quarter {
            slug: row.slug,
            lang: row.lang,
            name: row.name,
            description: row.description,
            office: Office {
                name: row.office_name,
                address: Address {
                    street: row.office_street,
                    postcode: row.office_postcode,
                    city: row.office_city,
                },
                phone: row.office_phone,
                opening_hours: row.office_hours,
            },
        })
    }
}
