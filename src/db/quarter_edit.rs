//! Editing a quarter from the staff area: its office and texts in every language, saved with
//! optimistic concurrency and an audit entry.

use super::audit::{insert_audit, json, Change};
use super::directory_rows::write_quarter_texts;
use super::offer_edit::claim;
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::document::{OfficeRecord, QuarterRecord, QuarterTextRecord};
use crate::domain::staff::Actor;
use sqlx::FromRow;

#[derive(Clone, Debug, PartialEq)]
pub struct StoredQuarter {
    pub id: i64,
    pub version: i64,
    pub record: QuarterRecord,
}

#[derive(FromRow)]
struct QuarterRow {
    version: i64,
    slug: String,
    office_name: String,
    office_street: String,
    office_postcode: String,
    office_city: String,
    office_phone: Option<String>,
}

impl Db {
    /// The quarter with this id, with all its texts.
    pub async fn get_stored_quarter(&self, id: i64) -> Result<StoredQuarter, DbError> {
        let q: QuarterRow = sqlx::query_as(
            "SELECT version, slug, office_name, office_street, office_postcode, office_city, office_phone
             FROM quarters WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(DbError::NotFound)?;
        let texts: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT locale, name, description, office_hours FROM quarter_texts WHERE quarter_id = $1",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let de = texts
            .iter()
            .find(|t| t.0 == "de")
            .ok_or_else(|| DbError::Corrupt("quarter without German text".into()))?;
        Ok(StoredQuarter {
            id,
            version: q.version,
            record: QuarterRecord {
                slug: q.slug,
                name: de.1.clone(),
                description: de.2.clone(),
                office: OfficeRecord {
                    name: q.office_name,
                    street: q.office_street,
                    postcode: q.office_postcode,
                    city: q.office_city,
                    phone: q.office_phone,
                    hours: de.3.clone(),
                },
                translations: texts
                    .iter()
                    .filter(|t| t.0 != "de")
                    .map(|t| {
                        (
                            t.0.clone(),
                            QuarterTextRecord {
                                name: t.1.clone(),
                                description: t.2.clone(),
                                hours: t.3.clone(),
                            },
                        )
                    })
                    .collect(),
            },
        })
    }

    /// Saves `q` over `before`.
    pub async fn update_quarter(
        &self,
        before: &StoredQuarter,
        q: &QuarterRecord,
        by: &Actor,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        claim(&mut tx, "quarters", before.id, before.version).await?;
        sqlx::query(
            "UPDATE quarters SET office_name = $1, office_street = $2, office_postcode = $3, office_city = $4,
                office_phone = $5 WHERE id = $6",
        )
        .bind(&q.office.name)
        .bind(&q.office.street)
        .bind(&q.office.postcode)
        .bind(&q.office.city)
        .bind(&q.office.phone)
        .bind(before.id)
        .execute(&mut *tx)
        .await?;
        write_quarter_texts(&mut tx, before.id, q).await?;
        let change = Change {
            entity: Entity::Quarter,
            id: before.id,
            action: "update",
            before: json(&before.record),
            after: json(q),
        };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }
}
