//! Test helpers: a fresh, migrated SQLite file per test.

#![allow(dead_code)]

pub mod staff;

use quartiersboard::db::Db;
use tempfile::TempDir;

/// A migrated database in its own temporary folder, removed when dropped.
pub struct TestDb {
    pub db: Db,
    _dir: TempDir,
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}/test.db?mode=rwc", dir.path().display());
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    TestDb { db, _dir: dir }
}

/// A migrated database with the demo city loaded.
pub async fn sqlite_with_demo() -> TestDb {
    let t = sqlite().await;
    assert!(quartiersboard::demo::seed_demo(&t.db, today()).await.expect("seed"));
    t
}

/// Today in the demo's zone, as the server sees it.
pub fn today() -> chrono::NaiveDate {
    quartiersboard::clock::local_now(chrono_tz::Europe::Berlin).date()
}
