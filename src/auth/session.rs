//! Staff sessions, stored in the database (tower-sessions' SQLite store in the same file): cookie
//! `HttpOnly`, `SameSite=Lax`, `Secure` and `__Host-` prefixed when the site is served over
//! HTTPS; ended after 2 hours without a request (idle) and 12 hours after signing in (absolute,
//! checked by the guard). The session ID changes at sign-in and the session is deleted at sign-out.

use crate::db::{Db, DbError};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::SqliteStore;

/// Idle timeout.
pub const IDLE: time::Duration = time::Duration::hours(2);
/// Absolute timeout, counted from signing in.
pub const ABSOLUTE_SECS: i64 = 12 * 3600;

/// The session store of the database.
pub async fn store(db: &Db) -> Result<SqliteStore, DbError> {
    let pool = sqlx::sqlite::SqlitePoolOptions::new().max_connections(4).connect(db.url()).await?;
    let store = SqliteStore::new(pool).with_table_name("staff_sessions").map_err(DbError::Corrupt)?;
    store.migrate().await?;
    Ok(store)
}

/// The cookie settings: `secure` when the public address is HTTPS.
pub fn layer(store: SqliteStore, secure: bool) -> SessionManagerLayer<SqliteStore> {
    SessionManagerLayer::new(store)
        .with_name(if secure { "__Host-qb_staff" } else { "qb_staff" })
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(IDLE))
}
