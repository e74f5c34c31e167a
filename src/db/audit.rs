//! The audit log: appended in the same transaction as the change it records; the schema's
//! triggers refuse any UPDATE or DELETE of it.

use super::write::now_text;
use super::{Db, DbError};
use crate::domain::audit::{AuditEntry, Entity};
use crate::domain::staff::Actor;
use sqlx::{AnyConnection, FromRow};

#[derive(FromRow)]
struct AuditRow {
    at: String,
    actor: String,
    action: String,
    before_json: Option<String>,
    after_json: Option<String>,
}

/// One change to record.
pub(crate) struct Change<'a> {
    pub entity: Entity,
    pub id: i64,
    pub action: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A record as the audit log keeps it (before and after a change).
pub(crate) fn json<T: serde::Serialize>(record: &T) -> Option<String> {
    serde_json::to_string(record).ok()
}

/// Appends `change` by `actor` (`None`: the command line) inside the caller's transaction.
pub(crate) async fn insert_audit(
    conn: &mut AnyConnection,
    actor: Option<&Actor>,
    change: Change<'_>,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO audit_log (at, user_id, actor, entity, entity_id, action, before_json, after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now_text())
    .bind(actor.map(|a| a.user_id))
    .bind(actor.map_or("cli", |a| a.email.as_str()))
    .bind(change.entity.code())
    .bind(change.id)
    .bind(change.action)
    .bind(change.before)
    .bind(change.after)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

impl Db {
    /// The changes of one record, newest first.
    pub async fn list_audit(&self, entity: Entity, id: i64) -> Result<Vec<AuditEntry>, DbError> {
        let rows: Vec<AuditRow> = sqlx::query_as(
            "SELECT at, actor, action, before_json, after_json FROM audit_log
             WHERE entity = $1 AND entity_id = $2 ORDER BY id DESC",
        )
        .bind(entity.code())
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                at: r.at,
                actor: r.actor,
                action: r.action,
                before: r.before_json,
                after: r.after_json,
            })
            .collect())
    }
}
