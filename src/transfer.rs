//! `quartiersboard export` and `import`: the whole city as one Quartiersboard JSON document
//! (`docs/import-format.md`), with a progress bar on the terminal.

use crate::calendar_import::Destination;
use crate::domain::document::DocumentError;
use crate::domain::exchange;
use crate::server::{self, StartError};
use std::io::Write;
use std::path::Path;

fn time_zone() -> Result<String, StartError> {
    let tz = crate::config::calendar_settings(None, std::env::var("TIME_ZONE").ok().as_deref())?.tz;
    Ok(tz.name().to_owned())
}

/// Writes every quarter, organisation, place and offer (any status) to `file`, or to standard
/// output when `file` is `-`.
pub async fn export(file: &Path) -> Result<(), StartError> {
    let db = server::open_database().await?;
    let doc = exchange::export(db.export_document().await?, &time_zone()?);
    let text = serde_json::to_string_pretty(&doc).map_err(|e| StartError::Import(e.to_string()))? + "\n";
    let written = if file == Path::new("-") {
        std::io::stdout().write_all(text.as_bytes())
    } else {
        std::fs::write(file, &text)
    };
    written.map_err(|e| StartError::Import(format!("cannot write {}: {e}", file.display())))?;
    eprintln!("{} offers exported", doc.offers.len());
    Ok(())
}

/// Reads `file`, reports every problem (line, field, reference, slugs already taken) and writes
/// nothing unless there is none; `dry_run` stops after the checks.
pub async fn import(file: &Path, dry_run: bool) -> Result<(), StartError> {
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    if size > exchange::MAX_BYTES as u64 {
        return Err(StartError::Import(format!(
            "{} is larger than {} MB",
            file.display(),
            exchange::MAX_BYTES >> 20
        )));
    }
    let bytes = std::fs::read(file)
        .map_err(|e| StartError::Import(format!("cannot read {}: {e}", file.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        StartError::Import(format!(
            "{} is not UTF-8 text (byte {})",
            file.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let doc = exchange::parse(text, &time_zone()?).map_err(report)?;
    let db = server::open_database().await?;
    let taken = db.find_taken_slugs(&doc).await?;
    if !taken.is_empty() {
        return Err(report(taken));
    }
    if dry_run {
        println!("{} offers would be imported; nothing was written (dry run)", doc.offers.len());
        return Ok(());
    }
    let bar = indicatif::ProgressBar::new(0).with_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} records").expect("a valid template"),
    );
    db.import_document(&doc, None, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })
    .await?;
    bar.finish_and_clear();
    println!("{} offers imported", doc.offers.len());
    Ok(())
}

/// Reads an organisation's calendar file and imports its events as offers (see
/// `calendar_import`); prints what changed, or every problem.
pub async fn import_calendar(
    source: &str,
    organisation: &str,
    place: &str,
    category: &str,
    dry_run: bool,
) -> Result<(), StartError> {
    let category = category.parse().map_err(|_| StartError::Import(format!("no category {category:?}")))?;
    let failed = |problems: Vec<crate::domain::calendar_source::CalendarProblem>| {
        let lines: Vec<_> = problems.iter().map(|p| format!("\n  {p}")).collect();
        StartError::Import(format!("nothing was written:{}", lines.concat()))
    };
    let settings = crate::config::calendar_from_env()?;
    let ics = crate::calendar_import::read_source(source, &settings.private_hosts)
        .await
        .map_err(|p| failed(vec![p]))?;
    let db = server::open_database().await?;
    let report = crate::calendar_import::import(
        &db,
        &settings,
        &ics,
        Destination { organisation, place, category },
        dry_run,
        None,
    )
    .await?;
    if !report.problems.is_empty() {
        return Err(failed(report.problems));
    }
    println!(
        "{} new, {} updated, {} unchanged{}",
        report.created.len(),
        report.updated.len(),
        report.unchanged,
        if dry_run { "; nothing was written (dry run)" } else { "" }
    );
    Ok(())
}

fn report(errors: Vec<DocumentError>) -> StartError {
    let lines: Vec<_> = errors.iter().map(|e| format!("\n  {e}")).collect();
    StartError::Import(format!("nothing was written:{}", lines.concat()))
}
