//! Write transactions. On SQLite they take the write lock up front (`BEGIN IMMEDIATE`), so
//! concurrent saves queue behind the busy timeout (5 s) instead of failing with "database is
//! locked" when a read transaction would have to be upgraded. PostgreSQL locks rows as written.

use super::{Backend, Db, DbError};
use sqlx::{Any, Transaction};

impl Db {
    /// Starts a transaction that will write, and counts it in `data_version` (so every
    /// instance's caches see that something changed once it commits).
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>, DbError> {
        let mut tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            // Rows are locked by the UPDATE that claims their version; READ COMMITTED suffices.
            Backend::Postgres => self.pool.begin().await?,
        };
        sqlx::query("UPDATE data_version SET n = n + 1 WHERE id = 1").execute(&mut *tx).await?;
        Ok(tx)
    }

    /// The current data version: changes with every committed write, on every instance.
    pub async fn get_data_version(&self) -> Result<i64, DbError> {
        Ok(sqlx::query_scalar("SELECT n FROM data_version WHERE id = 1").fetch_one(&self.pool).await?)
    }
}

/// The current instant as stored in `*_at` columns (UTC, RFC 3339, seconds).
pub(crate) fn now_text() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
