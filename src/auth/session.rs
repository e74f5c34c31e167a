//! Staff sessions, stored in the database (tower-sessions' sqlx store: SQLite or PostgreSQL, the
//! same database as everything else, so every instance sees every session): cookie `HttpOnly`,
//! `SameSite=Lax`, `Secure` and `__Host-` prefixed when the site is served over HTTPS; ended after
//! 2 hours without a request (idle) and 12 hours after signing in (absolute, checked by the
//! guard). The session ID changes at sign-in and the session is deleted at sign-out.

use crate::db::{Backend, Db, DbError};
use async_trait::async_trait;
use tower_sessions::cookie::SameSite;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, ExpiredDeletion, SessionStore};
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

/// Idle timeout.
pub const IDLE: time::Duration = time::Duration::hours(2);
/// Absolute timeout, counted from signing in.
pub const ABSOLUTE_SECS: i64 = 12 * 3600;

/// The session store of the configured backend.
#[derive(Clone, Debug)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

/// Opens the store in the application's database and creates its table if needed.
pub async fn store(db: &Db) -> Result<Store, DbError> {
    Ok(match db.backend {
        Backend::Sqlite => {
            let pool = sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(4)
                .after_connect(crate::db::sync_at_checkpoints)
                .after_release(crate::db::keep_after_release)
                .connect(db.url())
                .await?;
            let store = SqliteStore::new(pool).with_table_name("staff_sessions").map_err(DbError::Corrupt)?;
            store.migrate().await?;
            Store::Sqlite(store)
        }
        Backend::Postgres => {
            let pool = sqlx::postgres::PgPoolOptions::new()
                .max_connections(4)
                .after_release(crate::db::keep_after_release)
                .connect(db.url())
                .await?;
            let store = PostgresStore::new(pool)
                .with_schema_name("public")
                .and_then(|s| s.with_table_name("staff_sessions"))
                .map_err(DbError::Corrupt)?;
            store.migrate().await?;
            Store::Postgres(store)
        }
    })
}

#[async_trait]
impl SessionStore for Store {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Store::Sqlite(s) => s.create(record).await,
            Store::Postgres(s) => s.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Store::Sqlite(s) => s.save(record).await,
            Store::Postgres(s) => s.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Store::Sqlite(s) => s.load(id).await,
            Store::Postgres(s) => s.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Store::Sqlite(s) => s.delete(id).await,
            Store::Postgres(s) => s.delete(id).await,
        }
    }
}

#[async_trait]
impl ExpiredDeletion for Store {
    async fn delete_expired(&self) -> session_store::Result<()> {
        match self {
            Store::Sqlite(s) => s.delete_expired().await,
            Store::Postgres(s) => s.delete_expired().await,
        }
    }
}

/// The cookie settings: `secure` when the public address is HTTPS.
pub fn layer(store: Store, secure: bool) -> SessionManagerLayer<Store> {
    SessionManagerLayer::new(store)
        .with_name(if secure { "__Host-qb_staff" } else { "qb_staff" })
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(IDLE))
}
