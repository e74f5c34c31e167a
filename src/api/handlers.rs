//! The API's handlers: check the address and query, one call into the service or storage layer,
//! then the API's own types. Parameters not understood are listed in the answer, never an error,
//! as on the board; a wrong `locale`, slug or date range is a 400/404 that names it.

use super::types::*;
use super::{refusal, Refusal};
use crate::clock::local_now;
use crate::db::DbError;
use crate::domain::filter::{parse_query, Filter};
use crate::domain::schedule::expand::merged;
use crate::domain::slug::check_slug;
use crate::service;
use crate::state::AppState;
use crate::ui::locale::find_locale;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::{Datelike, Duration, NaiveDate};
use leptos_i18n::Locale as _;

/// The longest date range one request may ask for (days).
pub const MAX_RANGE_DAYS: i64 = 92;

/// Parameters of the query other than the filter's.
const OWN: &[&str] = &["locale", "from", "to"];

struct Query {
    locale: String,
    pairs: Vec<(String, String)>,
}

impl Query {
    fn parse(raw: Option<String>) -> Result<Self, Refusal> {
        let pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes()).into_owned().collect();
        let locale = pairs.iter().find(|(k, _)| k == "locale").map_or("de", |(_, v)| v.as_str());
        let Some(locale) = find_locale(locale) else {
            return Err(refusal(
                StatusCode::BAD_REQUEST,
                "bad_request",
                format!("locale: unknown language {locale:?}"),
            ));
        };
        Ok(Self { locale: locale.as_str().to_owned(), pairs })
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn filter(&self) -> (Filter, Vec<String>) {
        parse_query(
            self.pairs
                .iter()
                .filter(|(k, _)| !OWN.contains(&k.as_str()))
                .map(|(k, v)| (k.as_str(), v.as_str())),
        )
    }
}

fn slug(s: &str) -> Result<&str, Refusal> {
    check_slug(s).map(|()| s).map_err(|_| not_found())
}

fn not_found() -> Refusal {
    refusal(StatusCode::NOT_FOUND, "not_found", "no such quarter or offer")
}

fn failed(e: DbError) -> Refusal {
    match e {
        DbError::NotFound => not_found(),
        other => {
            tracing::error!(error = %other, "api request failed");
            refusal(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "please try again later")
        }
    }
}

fn answer<T: serde::Serialize>(result: Result<T, Refusal>) -> Response {
    match result {
        Ok(value) => Json(value).into_response(),
        Err(refused) => refused.into_response(),
    }
}

/// Every quarter.
#[utoipa::path(get, path = "/api/v1/quarters",
    params(("locale" = Option<String>, Query, description = "Language of the texts: de (default), en, ru, ar, fa, tr, uk")),
    responses((status = 200, body = [ApiQuarter]), (status = 400, body = ApiProblem)))]
pub async fn quarters(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    answer(
        async {
            let q = Query::parse(raw)?;
            let list = state.db.list_quarters(&q.locale).await.map_err(failed)?;
            Ok(list.into_iter().map(|s| ApiQuarter::new(s, &q.locale, &state.public_url)).collect::<Vec<_>>())
        }
        .await,
    )
}

/// The published offers of a quarter that match the filter, in board order.
#[utoipa::path(get, path = "/api/v1/quarters/{quarter}/offers",
    params(("quarter" = String, Path, description = "Slug of the quarter"),
        ("locale" = Option<String>, Query, description = "Language of the texts: de (default), en, ru, ar, fa, tr, uk"),
        ("age" = Option<u8>, Query, description = "A child's age; the board's other filters work too: \
            band, day (1 = Monday, repeatable), time, category, free, lang (a language spoken there), \
            stepfree, noreg, quick, q (text search)")),
    responses((status = 200, body = ApiOfferList), (status = 404, body = ApiProblem)))]
pub async fn offers(
    State(state): State<AppState>,
    Path(quarter): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    answer(
        async {
            let q = Query::parse(raw)?;
            let (filter, not_understood) = q.filter();
            let board = service::board(&state.db, &state.calendar, &q.locale, slug(&quarter)?, filter)
                .await
                .map_err(failed)?;
            let offers = board.matching_offers().map(|o| ApiOffer::new(o, &state.public_url));
            Ok(ApiOfferList {
                quarter: board.quarter.slug.clone(),
                today: board.today,
                not_understood,
                offers: offers.collect(),
            })
        }
        .await,
    )
}

/// The dates in `from`–`to` of the quarter's offers that match the filter. Weekdays in the filter
/// pick dates; the other filters pick offers.
#[utoipa::path(get, path = "/api/v1/quarters/{quarter}/occurrences",
    params(("quarter" = String, Path, description = "Slug of the quarter"),
        ("from" = Option<String>, Query, description = "First day, YYYY-MM-DD (default today)"),
        ("to" = Option<String>, Query, description = "Last day, YYYY-MM-DD (default four weeks on; at most 92 days)"),
        ("locale" = Option<String>, Query, description = "Language of the texts: de (default), en, ru, ar, fa, tr, uk")),
    responses((status = 200, body = ApiOccurrenceList), (status = 400, body = ApiProblem), (status = 404, body = ApiProblem)))]
pub async fn occurrences(
    State(state): State<AppState>,
    Path(quarter): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    answer(
        async {
            let q = Query::parse(raw)?;
            let today = local_now(state.calendar.tz).date();
            let (from, to) = range(q.get("from"), q.get("to"), today)?;
            let (mut filter, not_understood) = q.filter();
            let days = std::mem::take(&mut filter.days);
            filter.quick = None;
            let board = service::board(&state.db, &state.calendar, &q.locale, slug(&quarter)?, filter)
                .await
                .map_err(failed)?;
            let cal = service::holiday_calendar(&state.db, &state.calendar, today).await.map_err(failed)?;
            let mut occurrences: Vec<ApiDatedOffer> = Vec::new();
            for o in board.matching_offers() {
                let picked = merged(&o.schedules, &cal, from, to)
                    .into_iter()
                    .filter(|d| days == 0 || days & (1 << d.date.weekday().num_days_from_monday()) != 0);
                occurrences.extend(picked.map(|d| ApiDatedOffer {
                    offer: o.slug.clone(),
                    title: o.title.clone(),
                    occurrence: ApiOccurrence::from(&d),
                }));
            }
            occurrences.sort_by(|a, b| {
                (a.occurrence.date, &a.occurrence.start, &a.offer).cmp(&(
                    b.occurrence.date,
                    &b.occurrence.start,
                    &b.offer,
                ))
            });
            Ok(ApiOccurrenceList { quarter: board.quarter.slug, from, to, not_understood, occurrences })
        }
        .await,
    )
}

fn range(from: Option<&str>, to: Option<&str>, today: NaiveDate) -> Result<(NaiveDate, NaiveDate), Refusal> {
    let date = |name: &str, v: Option<&str>, default: NaiveDate| match v {
        None => Ok(default),
        Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
            refusal(
                StatusCode::BAD_REQUEST,
                "bad_request",
                format!("{name}: {v:?} is not a date like 2026-12-01"),
            )
        }),
    };
    let from = date("from", from, today)?;
    let to = date("to", to, from + Duration::days(27))?;
    if to < from || (to - from).num_days() >= MAX_RANGE_DAYS {
        return Err(refusal(
            StatusCode::BAD_REQUEST,
            "bad_request",
            format!("to: must be on or after from and at most {MAX_RANGE_DAYS} days in all"),
        ));
    }
    Ok((from, to))
}

/// The places and organisations of a quarter with their published offers.
#[utoipa::path(get, path = "/api/v1/quarters/{quarter}/directory",
    params(("quarter" = String, Path, description = "Slug of the quarter"),
        ("locale" = Option<String>, Query, description = "Language of the texts: de (default), en, ru, ar, fa, tr, uk")),
    responses((status = 200, body = ApiDirectory), (status = 404, body = ApiProblem)))]
pub async fn directory(
    State(state): State<AppState>,
    Path(quarter): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    answer(
        async {
            let q = Query::parse(raw)?;
            let d = state.db.get_directory(&q.locale, slug(&quarter)?).await.map_err(failed)?;
            Ok(ApiDirectory::new(d))
        }
        .await,
    )
}

/// One published offer with its next dates.
#[utoipa::path(get, path = "/api/v1/offers/{offer}",
    params(("offer" = String, Path, description = "Slug of the offer"),
        ("locale" = Option<String>, Query, description = "Language of the texts: de (default), en, ru, ar, fa, tr, uk")),
    responses((status = 200, body = ApiOfferDetail), (status = 404, body = ApiProblem)))]
pub async fn offer(
    State(state): State<AppState>,
    Path(offer): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    answer(
        async {
            let q = Query::parse(raw)?;
            let detail =
                service::offer(&state.db, &state.calendar, &state.public_url, &q.locale, slug(&offer)?)
                    .await
                    .map_err(failed)?;
            Ok(ApiOfferDetail::new(detail, &state.public_url))
        }
        .await,
    )
}

/// Every published offer as Open Referral HSDS 3 services (see `docs/open-data.md`).
#[utoipa::path(get, path = "/api/v1/hsds/services",
    responses((status = 200, description = "An array of HSDS 3 service objects with organization, \
        service_at_locations (location, address, accessibility), schedules and languages nested; \
        extensions are named x_…")))]
pub async fn hsds_services(State(state): State<AppState>) -> Response {
    answer(
        async {
            let doc = state.db.export_document().await.map_err(failed)?;
            let hidden_before = state.db.freshness().hidden_before(chrono::Utc::now().date_naive());
            Ok(super::hsds::services(
                &doc,
                hidden_before,
                &state.public_url,
                state.calendar.tz.name(),
                &state.calendar.region,
            ))
        }
        .await,
    )
}
