//! Page data for the server functions: storage reads combined with the pure schedule logic
//! (holiday calendar, next dates, week plans) at the current local time.

use crate::clock::local_now;
use crate::config::CalendarSettings;
use crate::db::{Db, DbError};
use crate::domain::board::{offer_facts, sort_offers, Board, PlaceSummary};
use crate::domain::coverage::{matrix, CoverageOffer, CoverageQuery, CoverageReport, QuarterCoverage};
use crate::domain::filter::{Filter, OfferFacts, Today};
use crate::domain::holidays::HolidayCalendar;
use crate::domain::offer::{OfferDetail, OfferSummary};
use crate::domain::quarter::Quarter;
use crate::domain::schedule::expand::{merged, next_occurrence, running_now, upcoming};
use crate::domain::schedule::rule::monday_of;
use crate::domain::schedule::Occurrence;
use crate::domain::short_link::{short_path, Target};
use crate::domain::week_plan::{iso_week_label, typical_week, week_plan, PlannedOffer, WeekPage};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::collections::HashSet;
use std::sync::Arc;

/// How many upcoming occurrences an offer page lists.
pub const UPCOMING: usize = 8;

/// Public holidays of the configured region and the stored school holidays, for the years
/// around `day` that schedules may be expanded into.
pub async fn holiday_calendar(
    db: &Db,
    settings: &CalendarSettings,
    day: NaiveDate,
) -> Result<HolidayCalendar, DbError> {
    let school = db.list_school_holidays(&settings.region).await?;
    HolidayCalendar::new(&settings.region, day.year() - 2, day.year() + 3, &school)
        .ok_or_else(|| DbError::Corrupt(format!("unknown region {}", settings.region)))
}

/// Slugs matching the filter's text search, or `None` when it has no text.
async fn text_hits(db: &Db, quarter: &str, filter: &Filter) -> Result<Option<HashSet<String>>, DbError> {
    match &filter.text {
        Some(text) => Ok(Some(db.search_offers(quarter, text).await?)),
        None => Ok(None),
    }
}

/// An offer's occurrences in the week starting `monday`, and what the filter knows about it then.
fn week_facts(
    o: &OfferSummary,
    cal: &HolidayCalendar,
    monday: NaiveDate,
    now: NaiveDateTime,
    text_hits: Option<&HashSet<String>>,
) -> (Vec<Occurrence>, OfferFacts) {
    let week = merged(&o.schedules, cal, monday, monday + Duration::days(6));
    let running = !running_now(&o.schedules, cal, now).is_empty();
    let text_match = text_hits.is_none_or(|hits| hits.contains(&o.slug));
    let facts = offer_facts(o, &week, running, text_match);
    (week, facts)
}

fn today_of(now: NaiveDateTime) -> Today {
    Today { weekday_bit: 1 << now.date().weekday().num_days_from_monday() }
}

/// A quarter's board with each offer's next date, in board order, marked by whether it matches
/// `filter` in this week.
pub async fn board(
    db: &Db,
    settings: &CalendarSettings,
    locale: &str,
    quarter: &str,
    filter: Filter,
) -> Result<Board, DbError> {
    let now = local_now(settings.tz);
    let base = unfiltered_board(db, settings, locale, quarter, now).await?;
    let found = text_hits(db, &base.quarter.slug, &filter).await?;
    let today = today_of(now);
    let hit = |o: &OfferSummary| found.as_ref().is_none_or(|hits| hits.contains(&o.slug));
    let matches = base.offers.iter().map(|o| filter.matches_text(&o.facts, today, hit(o))).collect();
    let facts_code = match found {
        None => base.facts_code.clone(),
        Some(_) => encode_facts(&base.offers, hit),
    };
    Ok(Board {
        quarter: base.quarter.clone(),
        offers: base.offers.clone(),
        matches,
        places: base.places.clone(),
        today: now.date(),
        facts_code,
        filter,
        not_understood: Vec::new(),
        list: Vec::new(),
    })
}

/// A board before filtering: every offer with its next date and its facts of this week (as if
/// no text were searched), in board order.
struct Unfiltered {
    quarter: Quarter,
    offers: Arc<Vec<OfferSummary>>,
    places: Vec<PlaceSummary>,
    facts_code: String,
}

/// The board of `quarter` before filtering, kept (`crate::memo`) for the minute and data version
/// it was made at: "next" and "running now" change with the minute.
async fn unfiltered_board(
    db: &Db,
    settings: &CalendarSettings,
    locale: &str,
    quarter: &str,
    now: NaiveDateTime,
) -> Result<Arc<Unfiltered>, DbError> {
    let stamp = (db.get_data_version().await?, now.and_utc().timestamp() / 60);
    let key = format!("board/{locale}/{quarter}");
    db.memo
        .get_or_make(&key, stamp, || async {
            let (quarter, offers, places) = db.get_board_parts(locale, quarter).await?;
            let cal = holiday_calendar(db, settings, now.date()).await?;
            // Tens of milliseconds of CPU work for hundreds of offers: off the async workers, which
            // keep answering meanwhile (on one core, every other request waited for it).
            let (offers, facts_code) = tokio::task::spawn_blocking(move || expand_board(offers, &cal, now))
                .await
                .map_err(|e| DbError::Corrupt(format!("expanding the board failed: {e}")))?;
            Ok(Unfiltered { quarter, offers: Arc::new(offers), places, facts_code })
        })
        .await
}

/// A board's offers with their next dates and this week's facts, in board order, and those facts
/// encoded for the filter island.
fn expand_board(
    mut offers: Vec<OfferSummary>,
    cal: &HolidayCalendar,
    now: NaiveDateTime,
) -> (Vec<OfferSummary>, String) {
    let monday = monday_of(now.date());
    for o in &mut offers {
        o.next = next_occurrence(&o.schedules, cal, now);
        let (week, facts) = week_facts(o, cal, monday, now, None);
        o.cancelled_this_week = week.iter().find(|w| w.is_cancelled()).cloned();
        o.facts = facts;
    }
    sort_offers(&mut offers);
    let facts_code = encode_facts(&offers, |_| true);
    (offers, facts_code)
}

/// The offers' facts for the filter island (`facts_code`), in board order, with whether the
/// text search found each (`hit`).
fn encode_facts(offers: &[OfferSummary], hit: impl Fn(&OfferSummary) -> bool) -> String {
    let facts = offers
        .iter()
        .map(|o| (o.slug.clone(), OfferFacts { text_match: hit(o), ..o.facts.clone() }))
        .collect::<Vec<_>>();
    crate::domain::filter::facts_code::encode(&facts)
}

/// The board a public address asks for: `query` is the URL query (`age=7&day=3&list=…`, without
/// `?`). Nonsense in the query is reported in `Board::not_understood`, never an error.
pub async fn board_for_query(
    db: &Db,
    settings: &CalendarSettings,
    locale: &str,
    quarter: &str,
    query: &str,
) -> Result<Board, DbError> {
    crate::domain::slug::check_slug(quarter).map_err(|_| DbError::NotFound)?;
    let (filter, not_understood) = crate::domain::filter::parse_query_string(query);
    let mut board = self::board(db, settings, locale, quarter, filter).await?;
    board.not_understood = not_understood;
    board.list = crate::domain::filter::query_pairs(query)
        .iter()
        .find(|(k, _)| k == "list")
        .map(|(_, v)| crate::domain::shortlist::parse_list(v))
        .unwrap_or_default();
    Ok(board)
}

/// An offer with its next occurrences (cancelled ones included), its public URL and QR code.
pub async fn offer(
    db: &Db,
    settings: &CalendarSettings,
    public_url: &str,
    locale: &str,
    slug: &str,
) -> Result<OfferDetail, DbError> {
    let now = local_now(settings.tz);
    let mut offer = db.get_offer(locale, slug).await?;
    let cal = holiday_calendar(db, settings, now.date()).await?;
    offer.upcoming = upcoming(&offer.schedules, &cal, now, UPCOMING);
    offer.today = now.date();
    offer.url = format!("{public_url}/{locale}/offers/{slug}");
    offer.short_url = format!("{public_url}{}", short_path(Target::Offer { offer: slug }, locale));
    offer.qr_svg = crate::qr::svg(&offer.short_url, &offer.title);
    offer.json_ld = crate::jsonld::offer_json_ld(&offer, settings.tz.name(), &cal, now.date());
    Ok(offer)
}

/// The week plan of a quarter for the week starting `monday` (this week when `None`).
/// Weeks more than two years away are `NotFound`: nobody plans that far, and it bounds the work.
pub async fn week(
    db: &Db,
    settings: &CalendarSettings,
    locale: &str,
    quarter: &str,
    monday: Option<NaiveDate>,
    filter: &Filter,
) -> Result<WeekPage, DbError> {
    let today = local_now(settings.tz).date();
    let this_monday = monday_of(today);
    let monday = monday.unwrap_or(this_monday);
    if (monday - this_monday).num_days().abs() > 2 * 366 {
        return Err(DbError::NotFound);
    }
    let (q, offers, _places) = db.get_board_parts(locale, quarter).await?;
    let cal = holiday_calendar(db, settings, monday).await?;
    let found = text_hits(db, &q.slug, filter).await?;
    let now = local_now(settings.tz);
    let planned: Vec<PlannedOffer> = offers
        .into_iter()
        .filter(|o| filter.matches(&week_facts(o, &cal, monday, now, found.as_ref()).1, today_of(now)))
        .map(PlannedOffer::from)
        .collect();
    let mut plan = week_plan(&planned, &cal, monday);
    if filter.days != 0 {
        for (i, day) in plan.days.iter_mut().enumerate() {
            if filter.days & (1 << i) == 0 {
                day.entries.clear();
            }
        }
    }
    Ok(WeekPage {
        quarter_slug: q.slug,
        quarter_name: q.name,
        plan,
        typical: typical_week(&planned),
        today,
        previous_week: iso_week_label(monday - Duration::days(7)),
        next_week: iso_week_label(monday + Duration::days(7)),
        current_week: iso_week_label(this_monday),
        query: String::new(),
    })
}

/// The offers of a shortlist (unknown or unpublished ones left out), the list's public URL and
/// its QR code.
pub async fn shortlist(
    db: &Db,
    settings: &CalendarSettings,
    public_url: &str,
    locale: &str,
    slugs: &[String],
) -> Result<crate::domain::offer::Shortlist, DbError> {
    let mut offers = Vec::new();
    for slug in slugs {
        // A list saved before an offer was renamed names it by its former slug.
        let Some(now) = db.current_offer_slug(slug).await? else { continue };
        if offers.iter().any(|o: &crate::domain::offer::OfferDetail| o.slug == now) {
            continue;
        }
        match offer(db, settings, public_url, locale, &now).await {
            Ok(o) => offers.push(o),
            Err(DbError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    let kept: Vec<String> = offers.iter().map(|o| o.slug.clone()).collect();
    let url = format!("{public_url}/{locale}/list?list={}", crate::domain::shortlist::list_value(&kept));
    let qr_svg = crate::qr::svg(&url, "QR");
    let quarter = match crate::domain::offer::Shortlist::main_quarter(
        offers.iter().flat_map(|o| o.quarters.iter().map(|q| q.slug.as_str())),
    ) {
        Some(slug) => Some(db.get_quarter(locale, &slug).await?),
        None => None,
    };
    let today = local_now(settings.tz).date();
    Ok(crate::domain::offer::Shortlist { offers, url, qr_svg, quarter, today })
}

/// The coverage of every quarter (names in `locale`) for the period and category of `query`.
pub async fn coverage(
    db: &Db,
    settings: &CalendarSettings,
    locale: &str,
    query: &CoverageQuery,
) -> Result<CoverageReport, DbError> {
    let today = local_now(settings.tz).date();
    let cal = holiday_calendar(db, settings, today).await?;
    let mut quarters = Vec::new();
    for q in db.list_quarters(locale).await? {
        let offers = db.list_board_offers(locale, &q.slug).await?;
        let offers: Vec<CoverageOffer> = offers
            .into_iter()
            .filter(|o| query.category.is_none_or(|c| c == o.category))
            .map(CoverageOffer::from)
            .collect();
        let hours = matrix(&offers, query.period, &cal, today);
        quarters.push(QuarterCoverage { slug: q.slug, name: q.name, offers: offers.len(), hours });
    }
    Ok(CoverageReport { query: query.clone(), today, quarters })
}

/// The print products' data of a quarter in each of `langs` (known UI languages).
pub async fn print_data(
    db: &Db,
    settings: &CalendarSettings,
    public_url: &str,
    quarter: &str,
    langs: &[String],
) -> Result<crate::domain::print::PrintData, DbError> {
    use crate::domain::print::{PrintData, PrintLang};
    let today = local_now(settings.tz).date();
    let monday = monday_of(today);
    let cal = holiday_calendar(db, settings, monday).await?;
    let mut out = Vec::new();
    for lang in langs {
        let q = db.get_quarter(lang, quarter).await?;
        let offers = db.list_board_offers(lang, &q.slug).await?;
        let planned: Vec<PlannedOffer> = offers.into_iter().map(PlannedOffer::from).collect();
        let short_url = format!("{public_url}{}", short_path(Target::Board { quarter: &q.slug }, lang));
        out.push(PrintLang {
            lang: lang.clone(),
            rtl: crate::ui::locale::find_locale(lang)
                .is_some_and(|l| leptos_i18n::Locale::direction(l).as_str() == "rtl"),
            quarter_name: q.name,
            office: q.office,
            typical: typical_week(&planned),
            plan: week_plan(&planned, &cal, monday),
            others: crate::domain::week_plan::outside_typical_week(&planned),
            qr_svg: crate::qr::svg(&short_url, &short_url).unwrap_or_default(),
            short_url,
        });
    }
    let neutral_url = format!("{public_url}{}", short_path(Target::AnyLanguage { quarter }, ""));
    Ok(PrintData {
        quarter_slug: quarter.to_owned(),
        today,
        langs: out,
        neutral_qr_svg: crate::qr::svg(&neutral_url, &neutral_url).unwrap_or_default(),
        neutral_url,
    })
}
