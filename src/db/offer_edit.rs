//! Saving offers from the staff area: create, update with optimistic concurrency, status
//! changes, "still running" confirmation, soft delete and its undo. Every change writes its
//! audit entry in the same transaction.

use super::audit::{insert_audit, json, Change};
use super::offer_records::StoredOffer;
use super::offer_rows::{insert_offer, replace_offer, Ids, TextDates};
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::category::OfferStatus;
use crate::domain::document::OfferRecord;
use crate::domain::staff::Actor;
use chrono::NaiveDate;
use sqlx::AnyConnection;

impl Db {
    /// Creates an offer from a checked record; returns its id. `Duplicate` when the slug is taken.
    pub async fn create_offer(&self, record: &OfferRecord, by: Option<&Actor>) -> Result<i64, DbError> {
        let mut tx = self.begin_write().await?;
        let ids = Ids::load(&mut tx).await?;
        let id = create_in(&mut tx, record, &ids, by, "create").await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves `record` over `before`, which the editor started from. `Conflict` when someone saved
    /// in between; status and last-confirmed date stay as stored. Returns the new version.
    pub async fn update_offer(
        &self,
        before: &StoredOffer,
        record: &OfferRecord,
        by: Option<&Actor>,
        action: &str,
    ) -> Result<i64, DbError> {
        let mut tx = self.begin_write().await?;
        let ids = Ids::load(&mut tx).await?;
        update_in(&mut tx, before, record, &ids, by, action).await?;
        tx.commit().await?;
        Ok(before.version + 1)
    }

    /// Moves an offer to `status` from `version`. Archiving remembers the old status for an undo;
    /// restoring goes back to it.
    pub async fn set_offer_status(
        &self,
        id: i64,
        version: i64,
        status: OfferStatus,
        by: Option<&Actor>,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        claim_version(&mut tx, id, version).await?;
        let old: String = sqlx::query_scalar("SELECT status FROM offers WHERE id = $1")
            .bind(id)
            .fetch_one(&mut *tx)
            .await?;
        let (new, archived_from, action) = match status {
            OfferStatus::Archived => (status.code().to_owned(), Some(old.clone()), "archive"),
            OfferStatus::Published => (status.code().to_owned(), None, "publish"),
            OfferStatus::Draft => (status.code().to_owned(), None, "unpublish"),
        };
        sqlx::query("UPDATE offers SET status = $1, archived_from = $2 WHERE id = $3")
            .bind(&new)
            .bind(archived_from)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        if status == OfferStatus::Published {
            sqlx::query("DELETE FROM offer_submissions WHERE offer_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        let state = |s: &str| Some(serde_json::json!({ "status": s }).to_string());
        let change = Change { entity: Entity::Offer, id, action, before: state(&old), after: state(&new) };
        insert_audit(&mut tx, by, change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Undoes a delete: the archived offer gets back the status it had.
    pub async fn restore_offer(&self, id: i64, by: &Actor) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let row: Option<(String, Option<String>)> =
            sqlx::query_as("SELECT status, archived_from FROM offers WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        let (status, from) = row.ok_or(DbError::NotFound)?;
        if status != OfferStatus::Archived.code() {
            return Ok(());
        }
        let back = from.unwrap_or_else(|| OfferStatus::Draft.code().to_owned());
        sqlx::query(
            "UPDATE offers SET status = $1, archived_from = NULL, version = version + 1 WHERE id = $2",
        )
        .bind(&back)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let state = |s: &str| Some(serde_json::json!({ "status": s }).to_string());
        let change = Change {
            entity: Entity::Offer,
            id,
            action: "restore",
            before: state(&status),
            after: state(&back),
        };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// "Still running": sets the last-confirmed date of the offers to `today`.
    pub async fn confirm_offers(&self, ids: &[i64], today: NaiveDate, by: &Actor) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        for id in ids {
            let old: Option<String> = sqlx::query_scalar("SELECT last_confirmed FROM offers WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            let old = old.ok_or(DbError::NotFound)?;
            sqlx::query("UPDATE offers SET last_confirmed = $1 WHERE id = $2")
                .bind(today.to_string())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            let state = |d: &str| Some(serde_json::json!({ "last_confirmed": d }).to_string());
            let change = Change {
                entity: Entity::Offer,
                id: *id,
                action: "confirm",
                before: state(&old),
                after: state(&today.to_string()),
            };
            insert_audit(&mut tx, Some(by), change).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Inserts a new offer with its audit entry inside the caller's transaction; `Duplicate` when the
/// slug is taken.
pub(super) async fn create_in(
    conn: &mut AnyConnection,
    record: &OfferRecord,
    ids: &Ids,
    by: Option<&Actor>,
    action: &str,
) -> Result<i64, DbError> {
    ensure_slug_free(conn, &record.slug, None).await?;
    let id = insert_offer(conn, record, ids).await?;
    insert_audit(conn, by, Change { entity: Entity::Offer, id, action, before: None, after: json(record) })
        .await?;
    Ok(id)
}

/// Saves `record` over `before` with its audit entry inside the caller's transaction: `Conflict`
/// when someone saved in between; status and last-confirmed date stay as stored.
pub(super) async fn update_in(
    conn: &mut AnyConnection,
    before: &StoredOffer,
    record: &OfferRecord,
    ids: &Ids,
    by: Option<&Actor>,
    action: &str,
) -> Result<(), DbError> {
    claim_version(conn, before.id, before.version).await?;
    ensure_slug_free(conn, &record.slug, Some(before.id)).await?;
    let mut record = record.clone();
    record.status = before.record.status;
    record.last_confirmed = before.record.last_confirmed;
    replace_offer(conn, before.id, &record, ids, &unchanged_text_dates(before, &record)).await?;
    let change = Change {
        entity: Entity::Offer,
        id: before.id,
        action,
        before: json(&before.record),
        after: json(&record),
    };
    insert_audit(conn, by, change).await
}

/// Takes the next version of an offer if it is still at `version` (see [`claim`]).
pub(super) async fn claim_version(conn: &mut AnyConnection, id: i64, version: i64) -> Result<(), DbError> {
    claim(conn, "offers", id, version).await
}

/// Takes the next version of row `id` of `table` if it is still at `version`: `Conflict` when
/// it moved on, `NotFound` when it does not exist. The row is locked for the rest of the
/// transaction.
pub(super) async fn claim(
    conn: &mut AnyConnection,
    table: &'static str,
    id: i64,
    version: i64,
) -> Result<(), DbError> {
    let n = sqlx::query(&format!("UPDATE {table} SET version = version + 1 WHERE id = $1 AND version = $2"))
        .bind(id)
        .bind(version)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    if n == 1 {
        return Ok(());
    }
    let exists: Option<i64> = sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE id = $1"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Err(if exists.is_some() { DbError::Conflict } else { DbError::NotFound })
}

async fn ensure_slug_free(conn: &mut AnyConnection, slug: &str, except: Option<i64>) -> Result<(), DbError> {
    let other: Option<i64> = sqlx::query_scalar("SELECT id FROM offers WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut *conn)
        .await?;
    match other {
        Some(id) if Some(id) != except => Err(DbError::Duplicate("offers.slug")),
        _ => Ok(()),
    }
}

/// The stored dates of texts that did not change; changed and new texts get today's.
fn unchanged_text_dates(before: &StoredOffer, after: &OfferRecord) -> TextDates {
    let b = &before.record;
    let mut dates = TextDates::new();
    let german_same = b.title == after.title
        && b.description == after.description
        && b.easy_description == after.easy_description
        && b.cost_text == after.cost_text
        && b.registration_text == after.registration_text;
    if german_same {
        dates.insert("de".into(), before.text_dates.get("de").cloned().flatten());
    }
    for (locale, t) in &after.translations {
        if b.translations.get(locale) == Some(t) {
            dates.insert(locale.clone(), before.text_dates.get(locale).cloned().flatten());
        }
    }
    dates
}
