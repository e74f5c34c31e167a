//! Opening the database and applying migrations.

use super::DbError;
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::AnyPool;

/// Which database server is behind the pool; picks the migrations folder and dialect quirks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
}

/// A handle to the database, cheap to clone; hand it to request handlers through `AppState`.
#[derive(Clone, Debug)]
pub struct Db {
    pub(crate) pool: AnyPool,
    pub backend: Backend,
    url: Url,
}

/// The connection address; `Debug` never shows it (it may hold a password).
#[derive(Clone)]
struct Url(String);

impl std::fmt::Debug for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<database url>")
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

impl Db {
    /// Connects to `url` (`sqlite://path?mode=rwc`). For SQLite it switches the file to WAL
    /// mode; sqlx turns foreign keys on for every connection.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else {
            return Err(DbError::Corrupt(format!("unsupported database URL scheme in {url:?}")));
        };
        let pool = AnyPoolOptions::new().max_connections(8).connect(url).await?;
        let db = Db { pool, backend, url: Url(url.to_owned()) };
        if backend == Backend::Sqlite {
            sqlx::query("PRAGMA journal_mode = WAL").execute(&db.pool).await?;
        }
        Ok(db)
    }

    /// Applies pending migrations of this backend.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// The address it was opened with (for the session store's own pool).
    pub fn url(&self) -> &str {
        &self.url.0
    }

    /// Closes every connection (used by tests and at shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}
