//! Failure drills on the embedded SQLite database: a long backup holding the write lock, a WAL
//! under constant polling, a full disk and a database the server may only read. (Killing the server with
//! `kill -9` while clients save is in `tests/drill_kill.rs`.)

mod common;

use axum::http::StatusCode;
use common::staff::*;
use leptos::config::get_configuration;
use quartiersboard::db::Db;
use sqlx::Connection;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

async fn app(db: &Db) -> axum::Router {
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    quartiersboard::server::router(db.clone(), conf.leptos_options, Default::default()).await.unwrap()
}

/// The file behind a `sqlite://…?mode=rwc` address.
fn file_of(db: &Db) -> PathBuf {
    let url = db.url().strip_prefix("sqlite://").unwrap();
    PathBuf::from(url.split('?').next().unwrap())
}

fn wal_size(db: &Db) -> u64 {
    let mut wal = file_of(db).into_os_string();
    wal.push("-wal");
    std::fs::metadata(wal).map(|m| m.len()).unwrap_or(0)
}

async fn title_of(db: &Db, slug: &str) -> String {
    let id = db.get_offer_id(slug).await.unwrap();
    db.get_stored_offer(id).await.unwrap().record.title.clone()
}

const OFFER: &str = "krabbelcafe-sonnenblume";

/// A backup that holds the write lock for two seconds (as SQLite's online backup does while it
/// copies): a save meanwhile waits for the lock (busy timeout) and then succeeds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saves_wait_while_a_backup_holds_the_write_lock() {
    let t = common::sqlite_with_demo().await;
    seed_staff(&t.db).await;
    let app = app(&t.db).await;
    let mut c = Client::new(&app);
    c.sign_in(ADMIN).await;
    let id = t.db.get_offer_id(OFFER).await.unwrap();
    let body = retitle_body(&t.db, id, "Während der Sicherung gespeichert").await;
    let mut backup = sqlx::AnyConnection::connect(t.db.url()).await.unwrap();
    sqlx::query("BEGIN IMMEDIATE").execute(&mut backup).await.unwrap();
    let released = Arc::new(AtomicBool::new(false));
    let holder = tokio::spawn({
        let released = released.clone();
        async move {
            tokio::time::sleep(Duration::from_secs(2)).await;
            released.store(true, Ordering::SeqCst);
            sqlx::query("COMMIT").execute(&mut backup).await.unwrap();
        }
    });
    let r = c.call(save_offer_path(), &body).await;
    assert!(r.status.is_success(), "the save failed instead of waiting: {} {}", r.status, r.body);
    assert!(released.load(Ordering::SeqCst), "the save finished while the lock was held");
    holder.await.unwrap();
    assert_eq!(title_of(&t.db, OFFER).await, "Während der Sicherung gespeichert");
}

/// Kiosks poll all day while staff save: the server's periodic checkpoint copies every frame of
/// the WAL back into the database file despite the constant reading, so the WAL is reused from
/// its start and does not grow.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wal_stays_bounded_under_constant_polling() {
    let t = common::sqlite_with_demo().await;
    seed_staff(&t.db).await;
    let app = app(&t.db).await;
    let mut c = Client::new(&app);
    c.sign_in(ADMIN).await;
    let stop = Arc::new(AtomicBool::new(false));
    // Three kiosks polling without pause (a real one asks every minute); each asks for a
    // fresh rendering, so every request reads the database.
    let mut pollers = vec![];
    for n in 0..3u64 {
        let (app, stop) = (app.clone(), stop.clone());
        pollers.push(tokio::spawn(async move {
            let mut reads = 0u64;
            while !stop.load(Ordering::SeqCst) {
                let r = Client::new(&app).get(&format!("/de/welheim/week?kiosk={n}-{reads}")).await;
                assert_eq!(r.status, StatusCode::OK);
                reads += 1;
            }
            reads
        }));
    }
    let id = t.db.get_offer_id(OFFER).await.unwrap();
    let mut peaks = vec![];
    for round in 0..8 {
        let mut peak = 0;
        for n in 0..30 {
            let body = retitle_body(&t.db, id, &format!("Runde {round}, Änderung {n}")).await;
            let r = c.call(save_offer_path(), &body).await;
            assert!(r.status.is_success(), "{} {}", r.status, r.body);
            peak = peak.max(wal_size(&t.db));
        }
        peaks.push(peak);
        // What the server does every minute: every frame is copied back into the database
        // file, so the next writer starts the WAL from its beginning again.
        assert!(t.db.checkpoint().await.unwrap(), "the checkpoint could not copy every frame");
    }
    println!("WAL peaks per round (bytes): {peaks:?}");
    let first = peaks[..2].iter().max().copied().unwrap();
    let largest = peaks.iter().max().copied().unwrap();
    stop.store(true, Ordering::SeqCst);
    for p in pollers {
        assert!(p.await.unwrap() > 10, "a poller hardly read");
    }
    assert!(largest <= first * 2, "the WAL keeps growing under polling: {peaks:?}");
    assert!(t.db.integrity_ok().await.unwrap());
}

/// A small file system of our own (tmpfs), so the disk can really run full.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    /// Mounts a tmpfs of `megabytes`; `None` where mounting is not permitted (not root).
    fn mount(megabytes: u32) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let ok = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={megabytes}m"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(Self { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a filler file until the disk is full.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let path = self.path().join("filler");
        let mut f = std::fs::File::create(&path).unwrap();
        let chunk = vec![0u8; 16 * 1024];
        while f.write_all(&chunk).is_ok() {}
        let _ = f.sync_all();
        path
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg("-l").arg(self.path()).status();
    }
}

/// Saving fails with the clear "cannot save right now" answer (503 for scripts; a browser form
/// is sent back with the notice), twice in a row; reading keeps working; nothing is written.
async fn saves_fail_clearly_reads_work(db: &Db, app: &axum::Router, c: &mut Client, phase: &str) {
    let id = db.get_offer_id(OFFER).await.unwrap();
    let before = title_of(db, OFFER).await;
    let body = retitle_body(db, id, &format!("Geändert bei {phase}")).await;
    for attempt in ["first", "again"] {
        // Again: the failed transaction must not leave its connection unusable.
        let r = c.call(save_offer_path(), &body).await;
        assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{phase}, {attempt}: {}", r.body);
        assert!(r.body.contains("Unavailable"), "{phase}: {}", r.body);
    }
    let r = c.submit(save_offer_path(), &body, &format!("/de/staff/offers/{id}")).await;
    let to =
        r.location.unwrap_or_else(|| panic!("{phase}: form post not sent back: {} {}", r.status, r.body));
    assert!(to.contains("problem=unavailable"), "{phase}: {to}");
    let page = c.get(&to).await;
    assert_eq!(page.status, StatusCode::OK, "{phase}: the staff page fails");
    assert!(page.body.contains("Speichern ist gerade nicht möglich"), "{phase}: no clear message");
    // Reads keep working, for residents and staff.
    for path in
        ["/de/welheim?drill=1", "/de/offers/krabbelcafe-sonnenblume?drill=1", "/de/welheim/week?drill=1"]
    {
        assert_eq!(Client::new(app).get(path).await.status, StatusCode::OK, "{phase}: {path}");
    }
    assert_eq!(title_of(db, OFFER).await, before, "{phase}: half-written");
}

async fn save_works(db: &Db, c: &mut Client, title: &str) {
    let id = db.get_offer_id(OFFER).await.unwrap();
    let r = c.call(save_offer_path(), &retitle_body(db, id, title).await).await;
    assert!(r.status.is_success(), "saving {title}: {} {}", r.status, r.body);
    assert_eq!(title_of(db, OFFER).await, title);
}

/// The disk runs full: saves fail with a clear message, reads keep working, nothing is
/// half-written; once space is freed, saving simply works again. Then the server is restarted with read-only access to the database file: the same; once it
/// may write again, saving works — no repair, integrity check ok.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_or_read_only_disk_fails_saves_clearly_and_recovers() {
    let Some(disk) = SmallDisk::mount(24) else {
        // In CI (`CI` set, as `.ci/test` does) the drill must run; elsewhere it may be skipped.
        assert!(
            std::env::var_os("CI").is_none(),
            "cannot mount a tmpfs here (needs root): the full-disk drill must run in CI"
        );
        eprintln!("SKIPPED: cannot mount a tmpfs here (needs root); the full-disk drill did not run");
        return;
    };
    let url = format!("sqlite://{}/qb.db", disk.path().display());
    let db = Db::connect(&format!("{url}?mode=rwc")).await.unwrap();
    db.migrate().await.unwrap();
    assert!(quartiersboard::demo::seed_demo(&db, common::today()).await.unwrap());
    seed_staff(&db).await;
    let mut c = Client::new(&app(&db).await);
    c.sign_in(ADMIN).await;
    // The WAL is emptied so the next write needs new space.
    assert!(db.checkpoint().await.unwrap());
    let filler = disk.fill();
    saves_fail_clearly_reads_work(&db, &c.app.clone(), &mut c, "disk full").await;
    std::fs::remove_file(&filler).unwrap();
    save_works(&db, &mut c, "Nach dem Aufräumen").await;

    // The server restarted with only read access to the database file (as after a wrong
    // permission change): SQLite opens it read-only.
    db.close().await;
    c.app = axum::Router::new();
    let db = Db::connect(&format!("{url}?mode=ro")).await.unwrap();
    c.app = app(&db).await;
    saves_fail_clearly_reads_work(&db, &c.app.clone(), &mut c, "read-only").await;
    db.close().await;
    let db = Db::connect(&format!("{url}?mode=rw")).await.unwrap();
    c.app = app(&db).await;
    save_works(&db, &mut c, "Wieder beschreibbar").await;
    assert!(db.integrity_ok().await.unwrap());
    db.close().await;
}
