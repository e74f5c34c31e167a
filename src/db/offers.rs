//! Queries behind a quarter board: its published offers with their schedules, and its places.

use super::error::decode;
use super::schedules::Of;
use super::{Db, DbError};
use crate::domain::age::AgeRange;
use crate::domain::board::PlaceSummary;
use crate::domain::offer::OfferSummary;
use crate::domain::quarter::Quarter;
use sqlx::FromRow;
use std::collections::HashMap;

#[derive(FromRow)]
struct OfferSummaryRow {
    id: i64,
    slug: String,
    lang: String,
    title: String,
    category: String,
    age_min: Option<i64>,
    age_max: Option<i64>,
    is_free: i64,
    registration_required: i64,
    step_free: i64,
    place_name: String,
    place_quarter: Option<String>,
}

#[derive(FromRow)]
struct PlaceSummaryRow {
    slug: String,
    name: String,
    street: String,
    step_free: i64,
    offer_count: i64,
}

impl Db {
    /// What a board shows, before the schedules are expanded: the quarter, its published
    /// offers (with schedules, no next date yet) and its places.
    pub async fn get_board_parts(
        &self,
        locale: &str,
        quarter: &str,
    ) -> Result<(Quarter, Vec<OfferSummary>, Vec<PlaceSummary>), DbError> {
        let quarter = self.get_quarter(locale, quarter).await?;
        let offers = self.list_board_offers(locale, &quarter.slug).await?;
        let places = self.list_board_places(locale, &quarter.slug).await?;
        Ok((quarter, offers, places))
    }

    /// Published offers of a quarter with their schedules, in no particular order.
    pub async fn list_board_offers(&self, locale: &str, quarter: &str) -> Result<Vec<OfferSummary>, DbError> {
        let rows: Vec<OfferSummaryRow> = sqlx::query_as(
            "SELECT o.id, o.slug,
                CASE WHEN t.title IS NULL THEN 'de' ELSE t.locale END AS lang,
                COALESCE(t.title, d.title) AS title,
                o.category, o.age_min, o.age_max, o.is_free, o.registration_required, p.step_free,
                COALESCE(pn.name, p.name) AS place_name,
                CASE WHEN p.quarter_id = q.id THEN NULL ELSE COALESCE(pqt.name, pqd.name) END AS place_quarter
             FROM offers o
             JOIN offer_quarters oq ON oq.offer_id = o.id
             JOIN quarters q ON q.id = oq.quarter_id
             JOIN places p ON p.id = o.place_id
             LEFT JOIN place_names pn ON pn.place_id = p.id AND pn.locale = $2
             JOIN quarter_texts pqd ON pqd.quarter_id = p.quarter_id AND pqd.locale = 'de'
             LEFT JOIN quarter_texts pqt ON pqt.quarter_id = p.quarter_id AND pqt.locale = $2
             JOIN offer_texts d ON d.offer_id = o.id AND d.locale = 'de'
             LEFT JOIN offer_texts t ON t.offer_id = o.id AND t.locale = $2
             WHERE q.slug = $1 AND o.status = 'published' AND o.last_confirmed >= $3",
        )
        .bind(quarter)
        .bind(locale)
        .bind(self.visible_since())
        .fetch_all(&self.pool)
        .await?;
        let mut schedules = self.list_schedules(&Of::Quarter(quarter)).await?;
        let mut audiences = self.list_quarter_offer_codes(quarter, "offer_audiences", "audience").await?;
        let mut languages = self.list_quarter_offer_codes(quarter, "offer_languages", "language").await?;
        rows.into_iter()
            .map(|r| {
                Ok(OfferSummary {
                    id: r.id,
                    slug: r.slug,
                    lang: r.lang,
                    title: r.title,
                    category: decode("category", &r.category)?,
                    ages: age_range(r.age_min, r.age_max)?,
                    is_free: r.is_free != 0,
                    place_name: r.place_name,
                    place_quarter: r.place_quarter,
                    audiences: audiences
                        .remove(&r.id)
                        .unwrap_or_default()
                        .iter()
                        .map(|a| decode("audience", a))
                        .collect::<Result<_, _>>()?,
                    languages: languages.remove(&r.id).unwrap_or_default(),
                    step_free: r.step_free != 0,
                    registration_required: r.registration_required != 0,
                    schedules: schedules.remove(&r.id).unwrap_or_default(),
                    next: None,
                    cancelled_this_week: None,
                    facts: Default::default(),
                })
            })
            .collect()
    }

    /// Codes from a per-offer table (audiences, languages) for a quarter's published offers.
    async fn list_quarter_offer_codes(
        &self,
        quarter: &str,
        table: &'static str,
        column: &'static str,
    ) -> Result<HashMap<i64, Vec<String>>, DbError> {
        let rows: Vec<(i64, String)> = sqlx::query_as(&format!(
            "SELECT t.offer_id, t.{column} FROM {table} t
             JOIN offers o ON o.id = t.offer_id AND o.status = 'published'
             JOIN offer_quarters oq ON oq.offer_id = o.id
             JOIN quarters q ON q.id = oq.quarter_id
             WHERE q.slug = $1 ORDER BY t.{column}"
        ))
        .bind(quarter)
        .fetch_all(&self.pool)
        .await?;
        let mut out: HashMap<i64, Vec<String>> = HashMap::new();
        for (offer, code) in rows {
            out.entry(offer).or_default().push(code);
        }
        Ok(out)
    }

    /// Places in the quarter or hosting its offers, with the number of its published offers there.
    pub async fn list_board_places(&self, locale: &str, quarter: &str) -> Result<Vec<PlaceSummary>, DbError> {
        let rows: Vec<PlaceSummaryRow> = sqlx::query_as(
            "SELECT p.slug, COALESCE(pn.name, p.name) AS name, p.street, p.step_free,
                COUNT(o.id) AS offer_count
             FROM places p
             JOIN quarters q ON q.slug = $1
             LEFT JOIN place_names pn ON pn.place_id = p.id AND pn.locale = $2
             LEFT JOIN offers o ON o.place_id = p.id AND o.status = 'published' AND o.last_confirmed >= $3
                 AND EXISTS (SELECT 1 FROM offer_quarters oq
                             WHERE oq.offer_id = o.id AND oq.quarter_id = q.id)
             GROUP BY p.id, p.slug, p.name, pn.name, p.street, p.step_free, p.quarter_id, q.id
             HAVING p.quarter_id = q.id OR COUNT(o.id) > 0
             ORDER BY p.name",
        )
        .bind(quarter)
        .bind(locale)
        .bind(self.visible_since())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| PlaceSummary {
                slug: r.slug,
                name: r.name,
                street: r.street,
                step_free: r.step_free != 0,
                offer_count: u32::try_from(r.offer_count).unwrap_or(0),
            })
            .collect())
    }
}

/// Builds an age range from stored years.
pub(super) fn age_range(min: Option<i64>, max: Option<i64>) -> Result<AgeRange, DbError> {
    let year = |v: Option<i64>| v.map(u8::try_from).transpose();
    let (min, max) = (year(min), year(max));
    match (min, max) {
        (Ok(min), Ok(max)) => AgeRange::new(min, max).map_err(|e| DbError::Corrupt(e.to_string())),
        _ => Err(DbError::Corrupt("age out of range".into())),
    }
}
