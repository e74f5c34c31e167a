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
            other => {
                tracing::error!(error = %other, "storage error");
                AppError::Internal
            }
        }
    }
}

/// Parses a stored code into a domain value, or reports a corrupt row.
pub(crate) fn decode<T: std::str::FromStr>(what: &str, raw: &str) -> Result<T, DbError> {
    raw.parse().map_err(|_| DbError::Corrupt(format!("{what} {raw:?}")))
}
