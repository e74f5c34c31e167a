//! Organisations' calendar addresses (configured by administrators, audited on the
//! organisation) and how the last reading of each went.

use super::audit::{insert_audit, Change};
use super::write::now_text;
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::calendar_source::{CalendarReport, CalendarSetting, CalendarSource};
use crate::domain::staff::Actor;
use sqlx::FromRow;

#[derive(FromRow)]
struct SourceRow {
    organisation: String,
    organisation_name: String,
    url: String,
    place: String,
    place_name: String,
    category: String,
    checked_at: Option<String>,
    report: Option<String>,
}

const SELECT: &str = "SELECT o.slug AS organisation, o.name AS organisation_name, c.url, p.slug AS place,
        p.name AS place_name, c.category, c.checked_at, c.report
    FROM calendar_sources c JOIN organisations o ON o.id = c.organisation_id JOIN places p ON p.id = c.place_id";

impl SourceRow {
    fn into_source(self) -> Result<CalendarSource, DbError> {
        Ok(CalendarSource {
            category: self
                .category
                .parse()
                .map_err(|e| DbError::Corrupt(format!("calendar category: {e}")))?,
            report: self.report.and_then(|r| serde_json::from_str::<CalendarReport>(&r).ok()),
            organisation: self.organisation,
            organisation_name: self.organisation_name,
            url: self.url,
            place: self.place,
            place_name: self.place_name,
            checked_at: self.checked_at,
        })
    }
}

impl Db {
    /// Every configured calendar, by organisation name.
    pub async fn list_calendar_sources(&self) -> Result<Vec<CalendarSource>, DbError> {
        let rows: Vec<SourceRow> =
            sqlx::query_as(&format!("{SELECT} ORDER BY o.name, o.slug")).fetch_all(&self.pool).await?;
        rows.into_iter().map(SourceRow::into_source).collect()
    }

    /// The calendar of the organisation with this slug.
    pub async fn get_calendar_source(&self, organisation: &str) -> Result<CalendarSource, DbError> {
        let row: Option<SourceRow> = sqlx::query_as(&format!("{SELECT} WHERE o.slug = $1"))
            .bind(organisation)
            .fetch_optional(&self.pool)
            .await?;
        row.ok_or(DbError::NotFound)?.into_source()
    }

    /// Sets (or replaces) an organisation's calendar; the last reading is forgotten.
    pub async fn set_calendar_source(&self, s: &CalendarSetting, by: &Actor) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let organisation: i64 = sqlx::query_scalar("SELECT id FROM organisations WHERE slug = $1")
            .bind(&s.organisation)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(DbError::NotFound)?;
        let place: i64 = sqlx::query_scalar("SELECT id FROM places WHERE slug = $1")
            .bind(&s.place)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(DbError::NotFound)?;
        sqlx::query("DELETE FROM calendar_sources WHERE organisation_id = $1")
            .bind(organisation)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO calendar_sources (organisation_id, url, place_id, category) VALUES ($1, $2, $3, $4)",
        )
        .bind(organisation)
        .bind(&s.url)
        .bind(place)
        .bind(s.category.code())
        .execute(&mut *tx)
        .await?;
        let after = serde_json::json!({ "calendar": s.url, "place": s.place, "category": s.category.code() });
        let change = Change {
            entity: Entity::Organisation,
            id: organisation,
            action: "calendar",
            before: None,
            after: Some(after.to_string()),
        };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes an organisation's calendar (the offers made from it stay).
    pub async fn remove_calendar_source(&self, organisation: &str, by: &Actor) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let id: i64 = sqlx::query_scalar(
            "SELECT c.organisation_id FROM calendar_sources c JOIN organisations o ON o.id = c.organisation_id
             WHERE o.slug = $1",
        )
        .bind(organisation)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(DbError::NotFound)?;
        sqlx::query("DELETE FROM calendar_sources WHERE organisation_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let change =
            Change { entity: Entity::Organisation, id, action: "calendar", before: None, after: None };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Keeps what the last reading of an organisation's calendar did.
    pub async fn record_calendar_check(
        &self,
        organisation: &str,
        report: &CalendarReport,
    ) -> Result<(), DbError> {
        let json = serde_json::to_string(report).map_err(|e| DbError::Corrupt(e.to_string()))?;
        sqlx::query(
            "UPDATE calendar_sources SET checked_at = $1, report = $2
             WHERE organisation_id = (SELECT id FROM organisations WHERE slug = $3)",
        )
        .bind(now_text())
        .bind(json)
        .bind(organisation)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
