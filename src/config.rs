//! Server configuration from the environment, checked at start so that bad settings fail fast
//! with a message a person understands.
//!
//! | variable | meaning | default |
//! |---|---|---|
//! | `DATABASE_URL` | `sqlite://path/to/file.db` or `postgres://user:password@host/db` | `sqlite://data/quartiersboard.db` (created) |
//! | `DATA_DIR` | folder for the default SQLite file | `./data` |
//! | `REGION` | German state whose public and school holidays apply (ISO 3166-2) | `DE-NW` |
//! | `TIME_ZONE` | zone of all schedule times (IANA name) | `Europe/Berlin` |
//! | `PUBLIC_URL` | the address residents reach the site at; QR codes and shared links use it | `http://<LEPTOS_SITE_ADDR>` |
//! | `SEED_DEMO` | `true` loads the demo city on start if it is not loaded yet | `false` |
//! | `LEPTOS_SITE_ADDR` | address and port to listen on | `127.0.0.1:3000` (Cargo.toml) |
//! | `RUST_LOG` | log filter | `info` |
//! | `LOG_FORMAT` | `json` for one JSON object per line (production), else human-readable | human-readable |
//! | `LEGAL_FILE` | JSON with the operator's imprint, privacy notice and accessibility statement (see `src/demo/legal.json`) | the demo's fictional texts |
//! | `FRAME_ANCESTORS` | sources allowed to embed pages in a frame (CSP `frame-ancestors`), e.g. `https://www.bottrop.de` | `'none'` |
//! | `CALENDAR_PRIVATE_HOSTS` | calendar hosts (`name` or `name:port`, comma-separated) the server may read although they resolve to private addresses; all others must be public | none |
//! | `METRICS_ADDR` | address of a separate listener serving Prometheus `/metrics` (keep it internal) | none |

use std::fmt;
use std::path::{Path, PathBuf};

/// Where the data lives. `Debug` is written by hand so a password in a URL never reaches a log.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match url::Url::parse(&self.0) {
            Ok(mut u) if u.password().is_some() => {
                let _ = u.set_password(Some("***"));
                write!(f, "{u}")
            }
            _ => write!(f, "{}", self.0),
        }
    }
}

/// A configuration problem, worded for the person starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("DATABASE_URL {0:?} is not a valid URL. Example: sqlite://data/quartiersboard.db")]
    MalformedUrl(String),
    #[error(
        "DATABASE_URL scheme {0:?} is not supported. Use sqlite://path/to/file.db or postgres://user@host/db"
    )]
    UnsupportedScheme(String),
    #[error("PUBLIC_URL {0:?} is not an http(s) address. Example: https://quartiersboard.bottrop.de")]
    PublicUrl(String),
    #[error("PUBLIC_URL is required in production (it is printed in QR codes). Example: https://quartiersboard.bottrop.de")]
    PublicUrlMissing,
    #[error("PUBLIC_URL {0:?} is a local address; residents could not open it from a QR code. Example: https://quartiersboard.bottrop.de")]
    PublicUrlLocal(String),
    #[error("REGION {0:?} is not a German state code. Example: DE-NW")]
    UnknownRegion(String),
    #[error("TIME_ZONE {0:?} is not a known time zone. Example: Europe/Berlin")]
    UnknownTimeZone(String),
    #[error("LEGAL_FILE: {0}. See src/demo/legal.json for the format")]
    Legal(String),
    #[error(
        "FRAME_ANCESTORS {0:?} must be https origins separated by spaces. Example: https://www.bottrop.de"
    )]
    FrameAncestors(String),
    #[error("METRICS_ADDR {0:?} is not an address with port. Example: 127.0.0.1:9100")]
    MetricsAddr(String),
    #[error("CONFIRM_MONTHS {0:?} is not a number of months from 1 to 60. Example: 6")]
    ConfirmMonths(String),
    #[error("CALENDAR_REFRESH_HOURS {0:?} is not a number of hours from 0 (never) to 168. Example: 6")]
    CalendarRefresh(String),
    #[error("PAGE_CACHE {0:?} must be on or off")]
    PageCache(String),
    #[error(
        "cannot use the data directory {dir}: {reason}. Set DATA_DIR or DATABASE_URL to a writable place"
    )]
    DataDir { dir: PathBuf, reason: String },
}

/// Which state's holidays apply and which zone wall-clock times are in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarSettings {
    pub region: String,
    pub tz: chrono_tz::Tz,
    /// Calendar hosts the server may fetch from although they resolve to private addresses.
    pub private_hosts: crate::calendar_import::PrivateHosts,
}

impl Default for CalendarSettings {
    fn default() -> Self {
        Self { region: "DE-NW".into(), tz: chrono_tz::Europe::Berlin, private_hosts: Default::default() }
    }
}

/// `REGION`, `TIME_ZONE` and `CALENDAR_PRIVATE_HOSTS` from the environment, checked.
pub fn calendar_from_env() -> Result<CalendarSettings, ConfigError> {
    let var = |name: &str| std::env::var(name).ok();
    let mut settings = calendar_settings(var("REGION").as_deref(), var("TIME_ZONE").as_deref())?;
    settings.private_hosts =
        crate::calendar_import::PrivateHosts::parse(var("CALENDAR_PRIVATE_HOSTS").as_deref());
    Ok(settings)
}

/// Checks `REGION` and `TIME_ZONE`; unset means the defaults (North Rhine-Westphalia, Berlin).
pub fn calendar_settings(region: Option<&str>, tz: Option<&str>) -> Result<CalendarSettings, ConfigError> {
    let defaults = CalendarSettings::default();
    let region = match region.map(str::trim).filter(|s| !s.is_empty()) {
        None => defaults.region,
        Some(r) if crate::domain::holidays::REGIONS.contains(&r) => r.to_owned(),
        Some(r) => return Err(ConfigError::UnknownRegion(r.to_owned())),
    };
    let tz = match tz.map(str::trim).filter(|s| !s.is_empty()) {
        None => defaults.tz,
        Some(name) => name.parse().map_err(|_| ConfigError::UnknownTimeZone(name.to_owned()))?,
    };
    Ok(CalendarSettings { region, tz, private_hosts: Default::default() })
}

/// The operator's legal texts: `LEGAL_FILE` (JSON, every required part filled in), else the
/// demo's fictional ones.
pub fn legal_texts(file: Option<&std::ffi::OsStr>) -> Result<crate::domain::legal::LegalTexts, ConfigError> {
    let text = match file {
        None => include_str!("demo/legal.json").to_owned(),
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| ConfigError::Legal(format!("cannot read {}: {e}", Path::new(path).display())))?,
    };
    let legal: crate::domain::legal::LegalTexts =
        serde_json::from_str(&text).map_err(|e| ConfigError::Legal(e.to_string()))?;
    let missing = legal.missing();
    if missing.is_empty() {
        Ok(legal)
    } else {
        Err(ConfigError::Legal(format!("these parts are empty: {}", missing.join(", "))))
    }
}

/// The CSP `frame-ancestors` sources: `'none'` unless `FRAME_ANCESTORS` names https origins.
pub fn frame_ancestors(env: Option<&str>) -> Result<String, ConfigError> {
    match env.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok("'none'".into()),
        Some(raw) => {
            let ok = raw.split_whitespace().all(|o| {
                url::Url::parse(o)
                    .is_ok_and(|u| u.scheme() == "https" && u.host().is_some() && u.path() == "/")
                    && !o.contains([';', ',', '\'', '"'])
            });
            if ok {
                Ok(raw.split_whitespace().collect::<Vec<_>>().join(" "))
            } else {
                Err(ConfigError::FrameAncestors(raw.to_owned()))
            }
        }
    }
}

/// The metrics listener's address, if `METRICS_ADDR` is set.
pub fn metrics_addr(env: Option<&str>) -> Result<Option<std::net::SocketAddr>, ConfigError> {
    match env.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(raw) => raw.parse().map(Some).map_err(|_| ConfigError::MetricsAddr(raw.to_owned())),
    }
}

/// The confirmation period: `CONFIRM_MONTHS` (1 to 60), else 6 months.
pub fn freshness(env: Option<&str>) -> Result<crate::domain::freshness::Freshness, ConfigError> {
    match env.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(Default::default()),
        Some(raw) => raw
            .parse()
            .ok()
            .and_then(crate::domain::freshness::Freshness::new)
            .ok_or_else(|| ConfigError::ConfirmMonths(raw.to_owned())),
    }
}

/// How often the server reads the organisations' calendar addresses: `CALENDAR_REFRESH_HOURS`
/// (0 to 168; 0 = never, only when an administrator asks), else every 6 hours.
pub fn calendar_refresh(env: Option<&str>) -> Result<Option<std::time::Duration>, ConfigError> {
    let hours = match env.map(str::trim).filter(|s| !s.is_empty()) {
        None => 6,
        Some(raw) => raw
            .parse::<u64>()
            .ok()
            .filter(|h| *h <= 168)
            .ok_or_else(|| ConfigError::CalendarRefresh(raw.to_owned()))?,
    };
    Ok((hours > 0).then(|| std::time::Duration::from_secs(hours * 3600)))
}

/// Whether rendered public pages are kept in memory: `PAGE_CACHE` `on` (default) or `off` (only
/// for measuring how fast pages render).
pub fn page_cache(env: Option<&str>) -> Result<bool, ConfigError> {
    match env.map(str::trim).filter(|s| !s.is_empty()) {
        None | Some("on") => Ok(true),
        Some("off") => Ok(false),
        Some(other) => Err(ConfigError::PageCache(other.to_owned())),
    }
}

/// The public base URL without a trailing slash: `PUBLIC_URL`, else `http://<site address>`. In
/// production (`LEPTOS_ENV=PROD`) it is required and may not be a local address, since it ends up in
/// printed QR codes.
pub fn public_url(
    env: Option<&str>,
    site_addr: std::net::SocketAddr,
    production: bool,
) -> Result<String, ConfigError> {
    match env.map(str::trim).filter(|s| !s.is_empty()) {
        None if production => Err(ConfigError::PublicUrlMissing),
        None => Ok(format!("http://{site_addr}")),
        Some(raw) => match url::Url::parse(raw) {
            Ok(u) if production && is_local(&u) => Err(ConfigError::PublicUrlLocal(raw.to_owned())),
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
                Ok(raw.trim_end_matches('/').to_owned())
            }
            _ => Err(ConfigError::PublicUrl(raw.to_owned())),
        },
    }
}

fn is_local(u: &url::Url) -> bool {
    match u.host() {
        Some(url::Host::Domain(d)) => d == "localhost" || d.ends_with(".localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback() || ip.is_unspecified(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback() || ip.is_unspecified(),
        None => false,
    }
}

/// Works out the database URL: `DATABASE_URL` when set, else a SQLite file in `data_dir`, whose
/// folder is created and checked for writing.
pub fn database_url(env_url: Option<&str>, data_dir: &Path) -> Result<DatabaseUrl, ConfigError> {
    match env_url.map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => parse_database_url(raw),
        None => {
            ensure_writable_dir(data_dir)?;
            let file = data_dir.join("quartiersboard.db");
            Ok(DatabaseUrl(format!("sqlite://{}?mode=rwc", file.display())))
        }
    }
}

fn parse_database_url(raw: &str) -> Result<DatabaseUrl, ConfigError> {
    let (scheme, rest) = raw
        .split_once("://")
        .or_else(|| raw.split_once(':'))
        .ok_or_else(|| ConfigError::MalformedUrl(raw.to_owned()))?;
    match scheme {
        "sqlite" if rest.trim_start_matches('/').is_empty() && !rest.contains(":memory:") => {
            Err(ConfigError::MalformedUrl(raw.to_owned()))
        }
        "postgres" | "postgresql" => match url::Url::parse(raw) {
            Ok(u) if u.host().is_some() && u.path().len() > 1 => Ok(DatabaseUrl(raw.to_owned())),
            _ => Err(ConfigError::MalformedUrl(raw.to_owned())),
        },
        "sqlite" => {
            if let Some(parent) = sqlite_path(rest).parent().filter(|p| !p.as_os_str().is_empty()) {
                ensure_writable_dir(parent)?;
            }
            let url = if raw.contains("mode=") {
                raw.to_owned()
            } else if raw.contains('?') {
                format!("{raw}&mode=rwc")
            } else {
                format!("{raw}?mode=rwc")
            };
            Ok(DatabaseUrl(url))
        }
        s if s.chars().all(|c| c.is_ascii_alphanumeric() || c == '+') && !s.is_empty() => {
            Err(ConfigError::UnsupportedScheme(s.to_owned()))
        }
        _ => Err(ConfigError::MalformedUrl(raw.to_owned())),
    }
}

fn sqlite_path(rest: &str) -> PathBuf {
    PathBuf::from(rest.split('?').next().unwrap_or(rest))
}

fn ensure_writable_dir(dir: &Path) -> Result<(), ConfigError> {
    let fail = |reason: String| ConfigError::DataDir { dir: dir.to_owned(), reason };
    std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
    let probe = dir.join(".write-test");
    std::fs::write(&probe, b"").map_err(|e| fail(e.to_string()))?;
    let _ = std::fs::remove_file(probe);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without DATABASE_URL a SQLite file in the data directory is used, and the folder is made.
    #[test]
    fn default_is_sqlite_in_data_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        let url = database_url(None, &dir).unwrap();
        assert!(
            url.as_str().starts_with("sqlite://") && url.as_str().ends_with("quartiersboard.db?mode=rwc")
        );
        assert!(dir.is_dir());
    }

    /// Malformed and unsupported URLs are named in the message.
    #[test]
    fn rejects_bad_urls() {
        let tmp = tempfile::tempdir().unwrap();
        assert!(matches!(database_url(Some("not a url"), tmp.path()), Err(ConfigError::MalformedUrl(_))));
        assert!(matches!(database_url(Some("sqlite://"), tmp.path()), Err(ConfigError::MalformedUrl(_))));
        let e = database_url(Some("mysql://localhost/x"), tmp.path()).unwrap_err();
        assert!(e.to_string().contains("\"mysql\""), "{e}");
        assert!(matches!(database_url(Some("postgres://"), tmp.path()), Err(ConfigError::MalformedUrl(_))));
        let pg = database_url(Some("postgres://qb:pw@db.example/qb"), tmp.path()).unwrap();
        assert_eq!(pg.as_str(), "postgres://qb:pw@db.example/qb");
    }

    /// Calendars are read every six hours unless configured otherwise; 0 means never.
    #[test]
    fn calendar_refresh_hours() {
        assert_eq!(calendar_refresh(None).unwrap(), Some(std::time::Duration::from_secs(6 * 3600)));
        assert_eq!(calendar_refresh(Some("0")).unwrap(), None);
        assert_eq!(calendar_refresh(Some(" 24 ")).unwrap(), Some(std::time::Duration::from_secs(24 * 3600)));
        for bad in ["-1", "169", "six", "1.5"] {
            assert!(calendar_refresh(Some(bad)).is_err(), "{bad}");
        }
    }

    /// The page cache is on unless switched off by name.
    #[test]
    fn page_cache_switch() {
        assert!(page_cache(None).unwrap() && page_cache(Some("on")).unwrap());
        assert!(!page_cache(Some(" off ")).unwrap());
        assert!(matches!(page_cache(Some("no")), Err(ConfigError::PageCache(_))));
    }

    /// The confirmation period defaults to six months; nonsense is named.
    #[test]
    fn confirm_months() {
        assert_eq!(freshness(None).unwrap().months, 6);
        assert_eq!(freshness(Some(" 12 ")).unwrap().months, 12);
        for bad in ["0", "61", "sechs", "-1"] {
            assert!(matches!(freshness(Some(bad)), Err(ConfigError::ConfirmMonths(_))), "{bad}");
        }
    }

    /// A data directory that cannot be created is reported with its path.
    #[test]
    fn unwritable_data_dir_fails() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("plain-file");
        std::fs::write(&file, b"x").unwrap();
        let e = database_url(None, &file.join("data")).unwrap_err();
        assert!(matches!(e, ConfigError::DataDir { .. }), "{e}");
    }

    /// Region and zone default to NRW and Berlin; unknown ones are named.
    #[test]
    fn calendar_settings_checked() {
        assert_eq!(calendar_settings(None, None).unwrap(), CalendarSettings::default());
        assert_eq!(calendar_settings(Some("DE-BY"), Some("Europe/Vienna")).unwrap().region, "DE-BY");
        assert!(matches!(calendar_settings(Some("NRW"), None), Err(ConfigError::UnknownRegion(_))));
        assert!(matches!(calendar_settings(None, Some("Mars/Base")), Err(ConfigError::UnknownTimeZone(_))));
    }

    /// PUBLIC_URL defaults to the listening address and must be http(s).
    #[test]
    fn public_url_checked() {
        let addr = "127.0.0.1:3000".parse().unwrap();
        assert_eq!(public_url(None, addr, false).unwrap(), "http://127.0.0.1:3000");
        assert_eq!(public_url(Some("https://qb.example/"), addr, false).unwrap(), "https://qb.example");
        assert!(matches!(public_url(Some("ftp://x"), addr, false), Err(ConfigError::PublicUrl(_))));
        // Production: required, and never a local address in a printed QR code.
        assert!(matches!(public_url(None, addr, true), Err(ConfigError::PublicUrlMissing)));
        for local in ["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]/", "http://0.0.0.0"] {
            assert!(
                matches!(public_url(Some(local), addr, true), Err(ConfigError::PublicUrlLocal(_))),
                "{local}"
            );
        }
        assert_eq!(public_url(Some("https://qb.example"), addr, true).unwrap(), "https://qb.example");
    }

    /// A password in the URL never shows in debug output.
    #[test]
    fn debug_hides_password() {
        let url = DatabaseUrl("postgres://qb:secret@db/qb".into());
        assert!(!format!("{url:?}").contains("secret"));
    }
}
