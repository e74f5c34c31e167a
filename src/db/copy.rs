//! Copying a whole installation between databases (SQLite ⇄ PostgreSQL), table by table with
//! ids kept, and a content digest per table to prove the copy is complete.

use super::{Backend, Db, DbError};
use sha2::{Digest, Sha256};
use sqlx::any::AnyRow;
use sqlx::{Column, Row};

/// Every table of the application in an order that satisfies foreign keys, with its columns and
/// the column(s) it is ordered by. Sessions are not copied (people sign in again).
pub const TABLES: &[(&str, &str, &str)] = &[
    ("site_flags", "key, value", "key"),
    ("data_version", "id, n", "id"),
    ("quarters", "id, slug, office_name, office_street, office_postcode, office_city, office_phone, version", "id"),
    ("quarter_texts", "quarter_id, locale, name, description, office_hours", "quarter_id, locale"),
    ("organisations", "id, slug, name, kind, phone, email, website, version, editors_publish", "id"),
    ("organisation_texts", "organisation_id, locale, description", "organisation_id, locale"),
    (
        "places",
        "id, slug, name, street, postcode, city, quarter_id, latitude, longitude, step_free, accessible_toilet, \
         version, organisation_id, archived",
        "id",
    ),
    ("place_texts", "place_id, locale, opening_hours", "place_id, locale"),
    ("place_names", "place_id, locale, name", "place_id, locale"),
    (
        "offers",
        "id, slug, organisation_id, place_id, category, age_min, age_max, is_free, registration_required, \
         contact_name, contact_phone, contact_email, status, last_confirmed, version, internal_note, archived_from",
        "id",
    ),
    (
        "offer_texts",
        "offer_id, locale, title, description, cost_text, registration_text, easy_description, changed_at",
        "offer_id, locale",
    ),
    ("offer_quarters", "offer_id, quarter_id", "offer_id, quarter_id"),
    ("offer_audiences", "offer_id, audience", "offer_id, audience"),
    ("offer_languages", "offer_id, language", "offer_id, language"),
    ("offer_slug_history", "old_slug, offer_id", "old_slug"),
    ("offer_calendar_events", "organisation_id, uid, offer_id", "organisation_id, uid"),
    ("calendar_sources", "organisation_id, url, place_id, category, checked_at, report", "organisation_id"),
    (
        "schedules",
        "id, offer_id, place_id, start_date, start_time, end_time, freq, every, weekdays, nth, weekday, month_day, \
         until_date, occurrence_count, holidays, on_public_holidays",
        "id",
    ),
    ("schedule_dates", "schedule_id, kind, date", "schedule_id, kind, date"),
    (
        "schedule_exceptions",
        "id, schedule_id, date, cancelled, reason, new_date, new_start, new_end, new_place_id",
        "id",
    ),
    ("school_holidays", "id, region, name, first_day, last_day", "id"),
    (
        "users",
        "id, email, name, password_hash, role, organisation_id, disabled, session_epoch, totp_secret, created_at, version, totp_last_step",
        "id",
    ),
    ("user_quarters", "user_id, quarter_id", "user_id, quarter_id"),
    ("role_settings", "role, require_totp", "role"),
    (
        "user_links",
        "id, token_hash, purpose, user_id, email, role, organisation_id, quarter_ids, created_by, created_at, \
         expires_at, used_at",
        "id",
    ),
    ("offer_submissions", "offer_id, form_json, publish, submitted_by, submitted_at, base_json", "offer_id"),
    ("audit_log", "id, at, user_id, actor, entity, entity_id, action, before_json, after_json", "id"),
    ("identity", "id, version, name, accent, funding_line, eu_funded", "id"),
    ("identity_images", "id, role, position, alt, width, height, hash, small, large", "id"),
];

/// Columns holding numbers that may be NULL, besides the `*_id` references.
const NULLABLE_INTS: &[&str] =
    &["age_min", "age_max", "nth", "weekday", "month_day", "occurrence_count", "totp_last_step"];

/// Tables whose rows the migrations seed (replaced by the copy).
const SEEDED: &[&str] = &["school_holidays", "role_settings", "data_version", "identity"];

/// One value of a row, whatever the backend's column type.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Null,
    Int(i64),
    Float(f64),
    Text(String),
    Bytes(Vec<u8>),
}

fn values(row: &AnyRow) -> Result<Vec<Value>, DbError> {
    (0..row.columns().len())
        .map(|i| {
            if let Ok(v) = row.try_get::<Option<i64>, _>(i) {
                return Ok(v.map_or(Value::Null, Value::Int));
            }
            if let Ok(v) = row.try_get::<Option<f64>, _>(i) {
                return Ok(v.map_or(Value::Null, Value::Float));
            }
            if let Ok(v) = row.try_get::<Option<bool>, _>(i) {
                return Ok(v.map_or(Value::Null, |b| Value::Int(i64::from(b))));
            }
            if let Ok(v) = row.try_get::<Option<String>, _>(i) {
                return Ok(v.map_or(Value::Null, Value::Text));
            }
            row.try_get::<Option<Vec<u8>>, _>(i)
                .map(|v| v.map_or(Value::Null, Value::Bytes))
                .map_err(|e| DbError::Corrupt(format!("column {}: {e}", row.column(i).name())))
        })
        .collect()
}

/// Row count and SHA-256 of a table's content (ordered, types normalised).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableDigest {
    pub table: &'static str,
    pub rows: usize,
    pub sha256: String,
}

impl Db {
    async fn read_table(&self, table: &str, columns: &str, order: &str) -> Result<Vec<Vec<Value>>, DbError> {
        let rows = sqlx::query(&format!("SELECT {columns} FROM {table} ORDER BY {order}"))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(values).collect()
    }

    /// The digest of every application table.
    pub async fn digest(&self) -> Result<Vec<TableDigest>, DbError> {
        let mut out = Vec::new();
        for (table, columns, order) in TABLES {
            let rows = self.read_table(table, columns, order).await?;
            let mut h = Sha256::new();
            for row in &rows {
                for v in row {
                    match v {
                        Value::Null => h.update(b"N"),
                        Value::Int(i) => h.update(format!("I{i}")),
                        Value::Float(f) => h.update(format!("F{f:.9}")),
                        Value::Text(t) => h.update(format!("T{}:{t}", t.len())),
                        Value::Bytes(b) => {
                            h.update(format!("B{}:", b.len()));
                            h.update(b);
                        }
                    }
                }
                h.update(b"\n");
            }
            out.push(TableDigest { table, rows: rows.len(), sha256: format!("{:x}", h.finalize()) });
        }
        Ok(out)
    }

    /// Copies every table of `self` into `target`, which must hold no quarters yet, in one
    /// transaction; afterwards identity sequences (PostgreSQL) continue after the copied ids.
    pub async fn copy_into(&self, target: &Db) -> Result<(), DbError> {
        let existing: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM quarters").fetch_one(&target.pool).await?;
        if existing > 0 {
            return Err(DbError::Corrupt("the target database is not empty".into()));
        }
        let mut tx = target.begin_write().await?;
        for table in SEEDED {
            sqlx::query(&format!("DELETE FROM {table}")).execute(&mut *tx).await?;
        }
        for (table, columns, order) in TABLES {
            let rows = self.read_table(table, columns, order).await?;
            let n = columns.split(',').count();
            let params = (1..=n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
            let sql = format!("INSERT INTO {table} ({columns}) VALUES ({params})");
            let names: Vec<&str> = columns.split(',').map(str::trim).collect();
            for row in rows {
                let mut q = sqlx::query(&sql);
                for (v, name) in row.into_iter().zip(&names) {
                    q = match v {
                        // PostgreSQL types its parameters, NULL included.
                        Value::Null if name.ends_with("_id") || NULLABLE_INTS.contains(name) => {
                            q.bind(None::<i64>)
                        }
                        Value::Null if *name == "latitude" || *name == "longitude" => q.bind(None::<f64>),
                        Value::Null => q.bind(None::<String>),
                        Value::Int(i) => q.bind(i),
                        Value::Float(f) => q.bind(f),
                        Value::Text(t) => q.bind(t),
                        Value::Bytes(b) => q.bind(b),
                    };
                }
                q.execute(&mut *tx).await?;
            }
            if target.backend == Backend::Postgres && columns.starts_with("id,") {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
                ))
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
