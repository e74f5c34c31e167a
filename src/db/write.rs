//! Write transactions. On SQLite they take the write lock up front (`BEGIN IMMEDIATE`), so
//! concurrent saves queue behind the busy timeout (5 s) instead of failing with "database is
//! locked" when a read transaction would have to be upgraded. PostgreSQL locks rows as written.

use super::{Backend, Db, DbError};
use sqlx::{Any, Transaction};

impl Db {
    /// Starts a transaction that will write.
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>, DbError> {
        let tx = match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            // Rows are locked by the UPDATE that claims their version; READ COMMITTED suffices.
            Backend::Postgres => self.pool.begin().await?,
        };
        Ok(tx)
    }
}

/// The current instant as stored in `*_at` columns (UTC, RFC 3339, seconds).
pub(crate) fn now_text() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
