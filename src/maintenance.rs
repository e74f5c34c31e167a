//! Admin commands that move whole databases: copying between backends with a verification, and
//! online backups of SQLite (`VACUUM INTO`, never a file copy) and restoring them.

use crate::config;
use crate::db::Db;
use crate::server::{open_database, StartError};
use std::path::{Path, PathBuf};

fn fail(msg: impl Into<String>) -> StartError {
    StartError::Import(msg.into())
}

/// Copies `from` (default: the configured database) into the empty database `to`, then
/// compares every table's row count and content hash; prints one line per table.
pub async fn copy_database(from: Option<&str>, to: &str) -> Result<(), StartError> {
    let source = match from {
        Some(url) => connect(url).await?,
        None => open_database().await?,
    };
    let target = connect(to).await?;
    source.copy_into(&target).await?;
    let (a, b) = (source.digest().await?, target.digest().await?);
    let mut same = true;
    for (x, y) in a.iter().zip(&b) {
        let ok = x == y;
        same &= ok;
        println!("{:<20} {:>7} rows  {}", x.table, x.rows, if ok { "identical" } else { "DIFFERENT" });
    }
    if same {
        println!("copy verified: every table identical");
        Ok(())
    } else {
        Err(fail("the copy differs from the source (see above)"))
    }
}

async fn connect(raw: &str) -> Result<Db, StartError> {
    let data_dir = std::env::var_os("DATA_DIR").map_or_else(|| PathBuf::from("data"), PathBuf::from);
    let url = config::database_url(Some(raw), &data_dir)?;
    let db = Db::connect(url.as_str()).await?;
    db.migrate().await?;
    Ok(db)
}

/// The SQLite file of the configured database.
fn sqlite_file() -> Result<PathBuf, StartError> {
    let data_dir = std::env::var_os("DATA_DIR").map_or_else(|| PathBuf::from("data"), PathBuf::from);
    let url = config::database_url(std::env::var("DATABASE_URL").ok().as_deref(), &data_dir)?;
    let rest =
        url.as_str().strip_prefix("sqlite://").or_else(|| url.as_str().strip_prefix("sqlite:")).ok_or_else(
            || fail("backup and restore are for SQLite; for PostgreSQL use pg_dump (docs/deploy.md)"),
        )?;
    Ok(PathBuf::from(rest.split('?').next().unwrap_or(rest)))
}

/// A consistent snapshot of the live database, taken inside SQLite while writers wait briefly.
pub async fn backup(file: &Path) -> Result<(), StartError> {
    sqlite_file()?;
    if file.exists() {
        return Err(fail(format!("{} exists already; choose a new file name", file.display())));
    }
    let db = open_database().await?;
    db.vacuum_into(&file.to_string_lossy()).await?;
    println!("backup written to {}", file.display());
    Ok(())
}

/// Replaces the database file by `file` (checked first), keeping the old one beside it.
pub async fn restore(file: &Path) -> Result<(), StartError> {
    let target = sqlite_file()?;
    let check = Db::connect(&format!("sqlite://{}?mode=ro", file.display())).await?;
    if !check.integrity_ok().await? {
        return Err(fail(format!("{} is not an intact SQLite database", file.display())));
    }
    check.close().await;
    if target.exists() {
        let old =
            target.with_extension(format!("db.before-restore-{}", chrono::Utc::now().format("%Y%m%d%H%M%S")));
        std::fs::rename(&target, &old).map_err(|e| fail(e.to_string()))?;
        println!("previous database kept as {}", old.display());
    }
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", target.display()));
    }
    let tmp = target.with_extension("db.restoring");
    std::fs::copy(file, &tmp).map_err(|e| fail(e.to_string()))?;
    std::fs::rename(&tmp, &target).map_err(|e| fail(e.to_string()))?;
    open_database().await?;
    println!("restored {} from {}", target.display(), file.display());
    Ok(())
}
