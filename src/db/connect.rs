//! Opening the database and applying migrations.

use super::DbError;
use crate::domain::freshness::Freshness;
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::AnyPool;

/// Which database server is behind the pool; picks the migrations folder and dialect quirks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A handle to the database, cheap to clone; hand it to request handlers through `AppState`.
#[derive(Clone, Debug)]
pub struct Db {
    pub(crate) pool: AnyPool,
    pub backend: Backend,
    url: Url,
    /// When unconfirmed offers leave the public pages.
    freshness: Freshness,
    /// Values derived from this database, kept by the process (`crate::memo`).
    pub memo: std::sync::Arc<crate::memo::Memo>,
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
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Pool hook: whether a released connection may go back to the pool. One whose transaction
/// could not be rolled back (SQLite rolls back by itself when the disk is full, and sqlx's own
/// ROLLBACK then fails) would refuse every later transaction, so it is closed instead. The ping
/// first carries out any rollback still queued from dropping a transaction.
pub fn keep_after_release<C: sqlx::Connection>(
    conn: &mut C,
    _: sqlx::pool::PoolConnectionMetadata,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<bool, sqlx::Error>> + Send + '_>> {
    Box::pin(async move {
        conn.ping().await?;
        Ok(!conn.is_in_transaction())
    })
}

/// Pool hook for every new SQLite connection: no commit waits for the disk. In WAL mode a commit
/// is not flushed by itself (`synchronous = NORMAL`, SQLite's advice for WAL) and does not copy
/// the WAL back into the database file when it has grown (`wal_autocheckpoint = 0`): the server
/// does both every second in the background (`Db::checkpoint_passive`). Commits stay atomic and
/// the file consistent; only a power cut or a crash of the machine (not of this process) can
/// undo what was committed in the last second. With SQLite's defaults every save waited for its
/// own flush, and on a shared disk one of those now and then took 100–500 ms (issue #11, B6).
pub fn sync_at_checkpoints<C>(
    conn: &mut C,
    _: sqlx::pool::PoolConnectionMetadata,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), sqlx::Error>> + Send + '_>>
where
    C: Send,
    for<'c> &'c mut C: sqlx::Executor<'c>,
{
    Box::pin(async move {
        sqlx::Executor::execute(conn, "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0")
            .await
            .map(|_| ())
    })
}

impl Db {
    /// The same database with another confirmation period.
    pub fn with_freshness(mut self, freshness: Freshness) -> Self {
        self.freshness = freshness;
        // What was kept was made with the other period.
        self.memo = Default::default();
        self
    }

    pub fn freshness(&self) -> Freshness {
        self.freshness
    }

    /// Published offers last confirmed before this day (ISO, as stored) are not shown to the
    /// public. Today is taken in UTC: at a period of months, the hours to local midnight do not matter.
    pub(super) fn visible_since(&self) -> String {
        self.freshness.hidden_before(chrono::Utc::now().date_naive()).to_string()
    }

    /// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://user@host/db`). For SQLite it
    /// switches the file to WAL mode; sqlx turns foreign keys on for every connection.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(DbError::Corrupt(format!("unsupported database URL scheme in {url:?}")));
        };
        let mut options = AnyPoolOptions::new().max_connections(8).after_release(keep_after_release);
        if backend == Backend::Sqlite {
            options = options.after_connect(sync_at_checkpoints);
        }
        let pool = options.connect(url).await?;
        let db = Db {
            pool,
            backend,
            url: Url(url.to_owned()),
            freshness: Freshness::default(),
            memo: Default::default(),
        };
        if backend == Backend::Sqlite && !url.contains("mode=ro") {
            sqlx::query("PRAGMA journal_mode = WAL").execute(&db.pool).await?;
        }
        Ok(db)
    }

    /// Applies pending migrations of this backend. On SQLite it then lets the query planner
    /// refresh its table statistics where they are missing or stale (bounded work, as SQLite
    /// recommends at start); without them it reads every published offer to find a quarter's.
    /// PostgreSQL's autovacuum keeps its own.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => {
                SQLITE_MIGRATIONS.run(&self.pool).await?;
                let mut conn = self.pool.acquire().await?;
                sqlx::query("PRAGMA analysis_limit = 400").execute(&mut *conn).await?;
                sqlx::query("PRAGMA optimize = 0x10002").execute(&mut *conn).await?;
            }
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// The address it was opened with (for the session store's own pool).
    pub fn url(&self) -> &str {
        &self.url.0
    }

    /// Connections open, and how many of them are idle.
    pub fn pool_state(&self) -> (u32, usize) {
        (self.pool.size(), self.pool.num_idle())
    }

    /// Whether the database answers and every migration of this build is applied.
    pub async fn check_ready(&self) -> Result<bool, DbError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        let latest = migrator.iter().map(|m| m.version).max().unwrap_or(0);
        let applied: Option<i64> =
            sqlx::query_scalar("SELECT MAX(version) FROM _sqlx_migrations WHERE success")
                .fetch_one(&self.pool)
                .await?;
        Ok(applied == Some(latest))
    }

    /// Writes a consistent copy of the SQLite database to `file` (`VACUUM INTO`).
    pub async fn vacuum_into(&self, file: &str) -> Result<(), DbError> {
        sqlx::query("VACUUM INTO $1").bind(file).execute(&self.pool).await?;
        Ok(())
    }

    /// Copies the frames of the SQLite write-ahead log that no reader still needs into the
    /// database file and flushes both to the disk, without waiting for readers and without
    /// holding up writers (`wal_checkpoint(PASSIVE)`); the server runs it every second, so no
    /// commit has to (see `sync_at_checkpoints`). Returns whether every frame was copied.
    /// A no-op on PostgreSQL.
    pub async fn checkpoint_passive(&self) -> Result<bool, DbError> {
        self.wal_checkpoint("PRAGMA wal_checkpoint(PASSIVE)").await
    }

    /// Copies every frame of the SQLite write-ahead log into the database file (waiting for
    /// readers of older snapshots up to the busy timeout) and truncates the log if no reader is
    /// using it. Once every frame is copied, the next writer starts the log from its beginning,
    /// so run periodically it keeps the WAL bounded while kiosks keep reading. Returns whether
    /// every frame was copied. PostgreSQL manages its own log: a no-op there.
    pub async fn checkpoint(&self) -> Result<bool, DbError> {
        self.wal_checkpoint("PRAGMA wal_checkpoint(TRUNCATE)").await
    }

    /// Runs one of SQLite's checkpoint pragmas; whether every frame of the log was copied.
    async fn wal_checkpoint(&self, pragma: &'static str) -> Result<bool, DbError> {
        if self.backend != Backend::Sqlite {
            return Ok(true);
        }
        let row = sqlx::query(pragma).fetch_one(&self.pool).await?;
        let (log, copied): (i64, i64) = (sqlx::Row::try_get(&row, 1)?, sqlx::Row::try_get(&row, 2)?);
        Ok(log == copied)
    }

    /// Whether SQLite's integrity check passes.
    pub async fn integrity_ok(&self) -> Result<bool, DbError> {
        let result: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&self.pool).await?;
        Ok(result == "ok")
    }

    /// Closes every connection (used by tests and at shutdown).
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

#[cfg(test)]
mod tests {
    use super::Db;

    async fn pragma(conn: &mut sqlx::AnyConnection, name: &str) -> i64 {
        sqlx::query_scalar(&format!("PRAGMA {name}")).fetch_one(conn).await.unwrap()
    }

    /// Every connection of the pool commits without waiting for the disk and leaves copying the
    /// WAL back to the server's checkpoints, which copy every frame written.
    #[tokio::test]
    async fn commits_leave_flushing_to_the_checkpoints() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::connect(&format!("sqlite://{}/t.db?mode=rwc", dir.path().display())).await.unwrap();
        let mut conns = vec![];
        for _ in 0..3 {
            conns.push(db.pool.acquire().await.unwrap());
        }
        for conn in &mut conns {
            assert_eq!(pragma(conn, "synchronous").await, 1, "NORMAL");
            assert_eq!(pragma(conn, "wal_autocheckpoint").await, 0);
        }
        sqlx::query("CREATE TABLE t (x TEXT)").execute(&mut *conns[0]).await.unwrap();
        for n in 0..50 {
            sqlx::query("INSERT INTO t VALUES ($1)")
                .bind(format!("{n:0>3000}"))
                .execute(&mut *conns[1])
                .await
                .unwrap();
        }
        drop(conns);
        let wal = dir.path().join("t.db-wal");
        assert!(std::fs::metadata(&wal).unwrap().len() > 150_000, "the commits stayed in the WAL");
        assert!(db.checkpoint_passive().await.unwrap(), "a passive checkpoint copies every frame");
        let rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM t").fetch_one(&db.pool).await.unwrap();
        assert_eq!(rows, 50);
        assert!(db.checkpoint().await.unwrap());
        assert_eq!(std::fs::metadata(&wal).unwrap().len(), 0, "the truncating checkpoint empties the WAL");
    }
}
