//! Kiosk screens, server side: the data a screen shows (`GET /kiosk/<quarter>/data?…`, answered
//! with 304 while nothing changed), its service worker (`/kiosk-sw.js`), and the fingerprint of
//! the deployed front end that tells screens to reload after an update.

use crate::clock::local_now;
use crate::config::CalendarSettings;
use crate::db::{Db, DbError};
use crate::domain::kiosk::{monday_of, KioskData, KioskDay, KioskEntry, KioskLang, KioskOptions};
use crate::domain::schedule::{Status, Times};
use crate::domain::slug::check_slug;
use crate::domain::week_plan::{week_plan, PlannedOffer};
use crate::state::AppState;
use crate::ui::locale::find_locale;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{Duration, NaiveDate};
use leptos_i18n::Locale as _;
use sha2::{Digest, Sha256};

/// The deployed front end's fingerprint (hash of the files in `/pkg`); provided per request.
#[derive(Clone, Debug)]
pub struct FrontVersion(pub String);

impl FrontVersion {
    /// Hashes every file of the site's `pkg` folder (names and contents, in name order);
    /// `dev` when there is none (tests without a front-end build).
    pub fn of_site(pkg_dir: &std::path::Path) -> Self {
        let Ok(entries) = std::fs::read_dir(pkg_dir) else { return Self("dev".into()) };
        let mut files: Vec<_> =
            entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect();
        files.sort();
        let mut hash = Sha256::new();
        for f in &files {
            hash.update(f.file_name().map(|n| n.as_encoded_bytes()).unwrap_or_default());
            hash.update(std::fs::read(f).unwrap_or_default());
        }
        let hex: String = hash.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect();
        Self(if files.is_empty() { "dev".into() } else { hex })
    }
}

impl FrontVersion {
    /// Where pages address the `pkg` files: under this fingerprint (`/v/<hash>`), so a browser
    /// may keep them for good (a new build is a new address); the plain `/pkg` without a build.
    pub fn asset_root(&self) -> String {
        if self.0 == "dev" {
            String::new()
        } else {
            format!("/v/{}", self.0)
        }
    }
}

/// The kiosk routes, to be merged into the app router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/kiosk/{quarter}/data", get(data_endpoint))
        .route("/kiosk-sw.js", get(service_worker))
}

/// The options of a kiosk address's query (unknown locales dropped).
pub fn options(query: &str) -> KioskOptions {
    KioskOptions::parse(query, |l| find_locale(l).is_some())
}

/// Two weeks of `quarter` from the Monday of `from` (this week when `None`), in every language of
/// `options`. Unknown quarters are `NotFound`; dates far from today are clamped to this week.
pub async fn data(
    db: &Db,
    settings: &CalendarSettings,
    public_url: &str,
    version: &str,
    quarter: &str,
    options: &KioskOptions,
    from: Option<NaiveDate>,
) -> Result<KioskData, DbError> {
    check_slug(quarter).map_err(|_| DbError::NotFound)?;
    let now = local_now(settings.tz);
    let today = now.date();
    let monday = from.map(monday_of).filter(|m| (*m - monday_of(today)).num_days().abs() <= 366);
    let monday = monday.unwrap_or_else(|| monday_of(today));
    let cal = crate::service::holiday_calendar(db, settings, monday).await?;
    let mut langs = vec![];
    for lang in &options.langs {
        let locale = find_locale(lang).unwrap_or_default();
        let q = db.get_quarter(lang, quarter).await?;
        let offers = db.list_board_offers(lang, &q.slug).await?;
        let planned: Vec<PlannedOffer> = offers.into_iter().map(PlannedOffer::from).collect();
        let mut days = vec![];
        for week in [monday, monday + Duration::days(7)] {
            for day in week_plan(&planned, &cal, week).days {
                let entries = day
                    .entries
                    .into_iter()
                    .map(|e| KioskEntry {
                        title: e.title,
                        lang: e.lang,
                        place: e.place_name,
                        times: match e.times {
                            Times::AllDay => None,
                            Times::Timed { start, end } => Some((start, end)),
                        },
                        cancelled: matches!(e.status, Status::Cancelled { .. }),
                        changed: matches!(e.status, Status::Changed { .. }),
                    })
                    .collect();
                days.push(KioskDay {
                    date: day.date,
                    heading: crate::ui::kiosk_words::heading(locale, day.date),
                    entries,
                });
            }
        }
        langs.push(KioskLang {
            lang: lang.clone(),
            rtl: locale.direction().as_str() == "rtl",
            quarter_name: q.name,
            office_name: q.office.name,
            office_hours: q.office.opening_hours,
            words: crate::ui::kiosk_words::words(locale),
            days,
        });
    }
    let board_url = format!(
        "{public_url}{}",
        crate::domain::short_link::short_path(
            crate::domain::short_link::Target::Board { quarter },
            options.langs.first().map_or("de", String::as_str)
        )
    );
    let qr_svg = crate::qr::svg(&board_url, &board_url).unwrap_or_default();
    Ok(KioskData {
        version: version.to_owned(),
        tz: settings.tz.name().to_owned(),
        from: monday,
        board_url,
        qr_svg,
        langs,
    })
}

/// `GET /kiosk/<quarter>/data?langs=…&from=2026-11-23`: the data as JSON with a strong ETag;
/// `no-cache`, so the browser asks every time and gets a bodiless 304 while nothing changed.
/// The ETag names what the data is made of — the database's data version (every write moves it),
/// the deployed front end, the address and the day — so a revalidation is answered before the
/// two weeks are built.
async fn data_endpoint(
    State(state): State<AppState>,
    Path(quarter): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let query = query.unwrap_or_default();
    let data_version = match state.db.get_data_version().await {
        Ok(v) => v,
        Err(e) => return failed(e),
    };
    let today = local_now(state.calendar.tz).date();
    let made_of = format!("{data_version}|{}|{quarter}|{query}|{today}", state.front_version.0);
    let etag = format!(
        "\"{}\"",
        Sha256::digest(made_of.as_bytes()).iter().take(8).map(|b| format!("{b:02x}")).collect::<String>()
    );
    let cache = [(header::ETAG, etag.clone()), (header::CACHE_CONTROL, "no-cache".to_owned())];
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag));
    if matches {
        return (StatusCode::NOT_MODIFIED, cache).into_response();
    }
    let from = query
        .split('&')
        .find_map(|p| p.strip_prefix("from="))
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let result = data(
        &state.db,
        &state.calendar,
        &state.public_url,
        &state.front_version.0,
        &quarter,
        &options(&query),
        from,
    )
    .await;
    let data = match result {
        Ok(d) => d,
        Err(e) => return failed(e),
    };
    let body = serde_json::to_vec(&data).unwrap_or_default();
    (cache, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// A storage error as the answer's status (404 for an unknown quarter).
pub(crate) fn failed(e: DbError) -> Response {
    if matches!(e, DbError::NotFound) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let e = crate::error::AppError::from(e);
    StatusCode::from_u16(e.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR).into_response()
}

/// The kiosk pages' service worker (registered for the `/kiosk/` scope). Its policy lets it fetch from
/// our own origin (a worker's `fetch` obeys the CSP it was served with) and nothing else.
async fn service_worker(State(state): State<AppState>) -> Response {
    let policy = format!("{}; connect-src 'self'", crate::security::default_policy(&state.security));
    (
        [
            (header::CONTENT_SECURITY_POLICY, policy.as_str()),
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        include_str!("../public/kiosk-sw.js"),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::FrontVersion;

    /// The fingerprint changes when a deployed file changes (so screens reload), not otherwise.
    #[test]
    fn front_version_follows_the_files() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(FrontVersion::of_site(&dir.path().join("missing")).0, "dev");
        std::fs::write(dir.path().join("quartiersboard.js"), "one").unwrap();
        std::fs::write(dir.path().join("quartiersboard.wasm"), "two").unwrap();
        let first = FrontVersion::of_site(dir.path()).0;
        assert_eq!(FrontVersion::of_site(dir.path()).0, first);
        std::fs::write(dir.path().join("quartiersboard.wasm"), "three").unwrap();
        assert_ne!(FrontVersion::of_site(dir.path()).0, first);
    }
}
