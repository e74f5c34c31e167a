//! Test helpers: a fresh, migrated database per test — a SQLite file in its own folder, or a
//! PostgreSQL database of its own on the local server (dropped afterwards) — and a macro that
//! runs one test story against both.

#![allow(dead_code)]

pub mod staff;

use quartiersboard::db::Db;
use tempfile::TempDir;

/// Which database a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Sqlite,
    Postgres,
}

/// A migrated database, removed when dropped.
pub struct TestDb {
    pub db: Db,
    /// Where it is, for a second connection of a test's own.
    pub url: String,
    _dir: Option<TempDir>,
    pg_name: Option<String>,
}

/// The PostgreSQL server tests use (`TEST_POSTGRES_URL`, else the local one with trust auth).
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://root@127.0.0.1:5432/postgres".into())
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    TestDb { db, url, _dir: Some(dir), pg_name: None }
}

/// A new, empty PostgreSQL database with a unique name, migrated.
pub async fn postgres() -> TestDb {
    use std::sync::atomic::{AtomicU32, Ordering};
    static N: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "qb_test_{}_{}_{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_subsec_nanos()
    );
    sqlx::any::install_default_drivers();
    let admin = sqlx::AnyPool::connect(&postgres_admin_url()).await.expect("PostgreSQL on 127.0.0.1:5432");
    static CLEANED: std::sync::Once = std::sync::Once::new();
    let mut first = false;
    CLEANED.call_once(|| first = true);
    if first {
        drop_stale_databases(&admin).await;
    }
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.expect("create database");
    admin.close().await;
    let base = postgres_admin_url();
    let url = format!("{}/{name}", base.rsplit_once('/').unwrap().0);
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    TestDb { db, url, _dir: None, pg_name: Some(name) }
}

pub async fn empty(kind: Kind) -> TestDb {
    match kind {
        Kind::Sqlite => sqlite().await,
        Kind::Postgres => postgres().await,
    }
}

/// A migrated database with the demo city loaded.
pub async fn with_demo(kind: Kind) -> TestDb {
    let t = empty(kind).await;
    assert!(quartiersboard::demo::seed_demo(&t.db, today()).await.expect("seed"));
    t
}

pub async fn sqlite_with_demo() -> TestDb {
    with_demo(Kind::Sqlite).await
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(name) = self.pg_name.take() else { return };
        // Drop runs outside async; a thread with its own runtime drops the database (given up
        // after 20 s: a leftover is removed by a later run, see `drop_stale_databases`).
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async {
                let drop = async {
                    if let Ok(admin) = sqlx::AnyPool::connect(&postgres_admin_url()).await {
                        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                        let _ = sqlx::query(&sql).execute(&admin).await;
                        admin.close().await;
                    }
                };
                let _ = tokio::time::timeout(std::time::Duration::from_secs(20), drop).await;
            });
        })
        .join();
    }
}

/// Drops test databases left by test processes that no longer run.
async fn drop_stale_databases(admin: &sqlx::AnyPool) {
    let names: Vec<String> =
        sqlx::query_scalar("SELECT datname::text FROM pg_database WHERE datname LIKE 'qb_test_%'")
            .fetch_all(admin)
            .await
            .unwrap_or_default();
    for name in names {
        let pid = name.split('_').nth(2).and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| std::path::Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(admin).await;
        }
    }
}

/// Runs a test story with a time limit, so that a hang fails the test instead of stalling CI.
pub async fn within_limit<F: std::future::Future<Output = ()>>(story: F) {
    tokio::time::timeout(std::time::Duration::from_secs(180), story)
        .await
        .expect("the test took over 3 minutes");
}

/// Today in the demo's zone, as the server sees it.
pub fn today() -> chrono::NaiveDate {
    quartiersboard::clock::local_now(chrono_tz::Europe::Berlin).date()
}

/// Runs each named `async fn name(kind: Kind)` as two tests, `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test]
                async fn sqlite() {
                    $crate::common::within_limit(super::$name($crate::common::Kind::Sqlite)).await
                }
                #[tokio::test]
                async fn postgres() {
                    $crate::common::within_limit(super::$name($crate::common::Kind::Postgres)).await
                }
            }
        )*
    };
}
