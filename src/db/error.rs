//! Storage errors and how they reach the user.

use crate::error::AppError;

/// What can go wrong in the storage layer.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The row asked for does not exist.
    #[error("not found")]
    NotFound,
    /// A unique value is taken already; names the constraint (`offers.slug`).
    #[error("duplicate {0}")]
    Duplicate(&'static str),
    /// The record changed since the version the caller started from.
    #[error("version conflict")]
    Conflict,
    /// A stored value does not fit the domain (e.g. an unknown category code).
    #[error("corrupt row: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

impl From<DbError> for AppError {
    /// Logs the detail; the browser only learns "not found", "taken", "conflict" or "internal".
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound => AppError::NotFound,
            DbError::Duplicate(constraint) => {
                let field = constraint.rsplit('.').next().unwrap_or(constraint);
                AppError::Invalid { field: field.into(), reason: "taken".into() }
            }
            DbError::Conflict => AppError::Conflict,
            other if other.is_storage_unavailable() => {
                tracing::error!(event = "storage_unavailable", error = %other, "cannot write");
                AppError::Unavailable
            }
            other => {
                tracing::error!(error = %other, "storage error");
                AppError::Internal
            }
        }
    }
}

impl DbError {
    /// Whether the database refused because of its storage, not the request: disk full,
    /// read-only file or server, still locked after the busy timeout, no connection to be had.
    pub fn is_storage_unavailable(&self) -> bool {
        match self {
            DbError::Sqlx(sqlx::Error::PoolTimedOut | sqlx::Error::Io(_)) => true,
            DbError::Sqlx(sqlx::Error::Database(e)) => {
                let code = e.code().unwrap_or_default();
                // SQLite primary result codes (the low byte of extended codes): BUSY 5, LOCKED 6,
                // READONLY 8, IOERR 10, FULL 13, CANTOPEN 14. PostgreSQL: disk full, read-only
                // transaction, server starting or shutting down.
                let sqlite =
                    code.parse::<i32>().ok().is_some_and(|c| matches!(c & 0xff, 5 | 6 | 8 | 10 | 13 | 14));
                sqlite || matches!(code.as_ref(), "53100" | "25006" | "57P01" | "57P03")
            }
            _ => false,
        }
    }
}

/// Parses a stored code into a domain value, or reports a corrupt row.
pub(crate) fn decode<T: std::str::FromStr>(what: &str, raw: &str) -> Result<T, DbError> {
    raw.parse().map_err(|_| DbError::Corrupt(format!("{what} {raw:?}")))
}
