//! Command-line interface: the binary is both the server and the admin tool.

use crate::server::{self, StartError};
use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "quartiersboard", version, about = "Offers for families, visible per quarter")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default).
    Serve {
        /// Load the demo city on start unless it is loaded already.
        #[arg(long, env = "SEED_DEMO")]
        seed_demo: bool,
    },
    /// Create or update the database schema, then exit.
    Migrate,
    /// Load the demo city (idempotent), then exit.
    SeedDemo,
    /// Load a city document (JSON, the demo city's format) in one transaction, then exit.
    LoadDocument {
        /// The JSON file.
        file: std::path::PathBuf,
    },
    /// Write the whole city (every status) as a Quartiersboard JSON document (docs/import-format.md).
    Export {
        /// Where to write it; `-` is standard output.
        #[arg(default_value = "-")]
        file: std::path::PathBuf,
    },
    /// Add the quarters, organisations, places and offers of a Quartiersboard JSON document in one
    /// transaction; every problem is reported and nothing is written unless there is none.
    Import {
        file: std::path::PathBuf,
        /// Only check the document and report what would be imported.
        #[arg(long)]
        dry_run: bool,
    },
    /// Take an organisation's own calendar (.ics): each event (UID) becomes an offer at PLACE —
    /// new ones as drafts, ones imported before updated (title, description, dates).
    ImportCalendar {
        /// The .ics file, or its `https://` address (run this from a timer to keep offers current).
        source: String,
        /// Slug of the organisation whose calendar it is.
        #[arg(long)]
        organisation: String,
        /// Slug of the place where its events take place.
        #[arg(long)]
        place: String,
        /// Category of new offers (sport, culture, learning, counselling, meeting, health, family, holiday, language).
        #[arg(long, default_value = "meeting")]
        category: String,
        /// Only check the calendar and report what would change.
        #[arg(long)]
        dry_run: bool,
    },
    /// Create the first administrator (or another one). The password is read from standard input.
    CreateAdmin {
        /// E-mail address to sign in with.
        #[arg(long)]
        email: String,
        /// The name shown to colleagues.
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Copy the whole installation into another, empty database (e.g. SQLite to PostgreSQL, or
    /// back), then compare row counts and a content hash of every table.
    CopyDatabase {
        /// Where to copy from (default: DATABASE_URL, else the SQLite file in DATA_DIR).
        #[arg(long)]
        from: Option<String>,
        /// Where to copy to: `postgres://…` or `sqlite://…` (created and migrated).
        #[arg(long)]
        to: String,
    },
    /// Write a consistent copy of the SQLite database to FILE while the server keeps running.
    Backup { file: std::path::PathBuf },
    /// Put a backup made with `backup` in place of the SQLite database (stop the server first).
    Restore { file: std::path::PathBuf },
    /// Print the address pattern of every page the router knows, one per line (browser tests
    /// visit them all).
    Routes,
    /// Add or update school holidays from an iCalendar (.ics) file, then exit.
    ImportSchoolHolidays {
        /// The .ics file: one all-day event per holiday period.
        file: std::path::PathBuf,
        /// The state the holidays belong to (default: REGION, else DE-NW).
        #[arg(long, env = "REGION")]
        region: Option<String>,
    },
}

/// Parses the command line, runs the command and turns failures into a message and exit code 1.
pub async fn run() -> ExitCode {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    if std::env::var("LOG_FORMAT").is_ok_and(|f| f == "json") {
        tracing_subscriber::fmt().json().with_env_filter(filter).init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Serve { seed_demo: seed_demo_from_env() }) {
        Command::Serve { seed_demo } => server::serve(seed_demo).await,
        Command::Migrate => server::open_database().await.map(|_| ()),
        Command::SeedDemo => seed().await,
        Command::LoadDocument { file } => load_document(&file).await,
        Command::Export { file } => crate::transfer::export(&file).await,
        Command::Import { file, dry_run } => crate::transfer::import(&file, dry_run).await,
        Command::ImportCalendar { source, organisation, place, category, dry_run } => {
            crate::transfer::import_calendar(&source, &organisation, &place, &category, dry_run).await
        }
        Command::ImportSchoolHolidays { file, region } => import_holidays(&file, region.as_deref()).await,
        Command::CreateAdmin { email, name } => create_admin(&email, &name).await,
        Command::CopyDatabase { from, to } => crate::maintenance::copy_database(from.as_deref(), &to).await,
        Command::Backup { file } => crate::maintenance::backup(&file).await,
        Command::Restore { file } => crate::maintenance::restore(&file).await,
        Command::Routes => {
            for route in leptos_axum::generate_route_list(crate::app::App) {
                println!("{}", route.path());
            }
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quartiersboard: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn seed() -> Result<(), StartError> {
    let db = server::open_database().await?;
    let tz = crate::config::calendar_settings(None, std::env::var("TIME_ZONE").ok().as_deref())?.tz;
    let loaded = crate::demo::seed_demo(&db, crate::clock::local_now(tz).date()).await?;
    println!("{}", if loaded { "demo city loaded" } else { "demo city was already loaded" });
    Ok(())
}

async fn load_document(file: &std::path::Path) -> Result<(), StartError> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| StartError::Import(format!("cannot read {}: {e}", file.display())))?;
    let doc: crate::domain::document::CityDocument =
        serde_json::from_str(&text).map_err(|e| StartError::Import(e.to_string()))?;
    crate::domain::document::validate(&doc).map_err(|errors| {
        StartError::Import(errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
    })?;
    let db = server::open_database().await?;
    db.insert_document(&doc).await?;
    println!("{} offers loaded", doc.offers.len());
    Ok(())
}

async fn import_holidays(file: &std::path::Path, region: Option<&str>) -> Result<(), StartError> {
    let region = crate::config::calendar_settings(region, None)?.region;
    let text = std::fs::read_to_string(file)
        .map_err(|e| StartError::Import(format!("cannot read {}: {e}", file.display())))?;
    let holidays = crate::holiday_import::parse_school_holidays(&text).map_err(StartError::Import)?;
    let db = server::open_database().await?;
    let n = db.upsert_school_holidays(&region, &holidays).await?;
    println!("{n} school holiday periods imported for {region}");
    Ok(())
}

async fn create_admin(email: &str, name: &str) -> Result<(), StartError> {
    use crate::domain::staff::{check_password, normalise_email, Role};
    let bad = |what: &str| StartError::Import(what.to_owned());
    let email = normalise_email(email).map_err(|_| bad("that is not an e-mail address"))?;
    eprintln!(
        "Password for {email} (at least {} characters), then Enter:",
        crate::domain::staff::MIN_PASSWORD
    );
    let mut password = String::new();
    std::io::stdin().read_line(&mut password).map_err(|e| bad(&e.to_string()))?;
    let password = password.trim_end_matches(['\r', '\n']).to_owned();
    check_password(&password, &email).map_err(|_| {
        bad("the password is too short, too long or too easy to guess: use at least 10 characters")
    })?;
    let db = server::open_database().await?;
    let new = crate::db::NewUser {
        email: email.clone(),
        name: name.trim().to_owned(),
        password_hash: crate::auth::backend::hash_password(password).await,
        role: Role::Admin,
        organisation: None,
        quarters: vec![],
    };
    match db.create_user(&new, None).await {
        Ok(_) => {
            println!("administrator {email} created");
            Ok(())
        }
        Err(crate::db::DbError::Duplicate(_)) => {
            Err(bad("an account with this e-mail address exists already"))
        }
        Err(e) => Err(e.into()),
    }
}

/// `cargo leptos` starts the binary without arguments, so `SEED_DEMO` also applies then.
fn seed_demo_from_env() -> bool {
    std::env::var("SEED_DEMO").is_ok_and(|v| matches!(v.as_str(), "1" | "true" | "yes"))
}
