//! Queries behind a quarter board: its published offers with their weekly slots, and its places.

use super::error::decode;
use super::{Db, DbError};
use crate::domain::age::AgeRange;
use crate::domain::board::{sort_offers, Board, PlaceSummary};
use crate::domain::offer::OfferSummary;
use crate::domain::slot::{sort_slots, WeeklySlot};
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
    place_name: String,
}

#[derive(FromRow)]
pub(super) struct SlotRow {
    pub offer_id: i64,
    pub weekday: i64,
    pub start_time: String,
    pub end_time: String,
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
    /// The board of a quarter: the quarter, its published offers in board order, its places.
    pub async fn get_board(&self, locale: &str, quarter: &str) -> Result<Board, DbError> {
        let quarter = self.get_quarter(locale, quarter).await?;
        let mut offers = self.list_board_offers(locale, &quarter.slug).await?;
        sort_offers(&mut offers);
        let places = self.list_board_places(&quarter.slug).await?;
        Ok(Board {
            quarter,
            offers,
            places,
        })
    }

    /// Published offers of a quarter with their slots, in no particular order.
    pub async fn list_board_offers(&self, locale: &str, quarter: &str) -> Result<Vec<OfferSummary>, DbError> {
        let rows: Vec<OfferSummaryRow> = sqlx::query_as(
            "SELECT o.id, o.slug,
                CASE WHEN t.title IS NULL THEN 'de' ELSE t.locale END AS lang,
                COALESCE(t.title, d.title) AS title,
                o.category, o.age_min, o.age_max, o.is_free, p.name AS place_name
             FROM offers o
             JOIN offer_quarters oq ON oq.offer_id = o.id
             JOIN quarters q ON q.id = oq.quarter_id
             JOIN places p ON p.id = o.place_id
             JOIN offer_texts d ON d.offer_id = o.id AND d.locale = 'de'
             LEFT JOIN offer_texts t ON t.offer_id = o.id AND t.locale = $2
             WHERE q.slug = $1 AND o.status = 'published'",
        )
        .bind(quarter)
        .bind(locale)
        .fetch_all(&self.pool)
        .await?;
        let mut slots = self.list_board_slots(quarter).await?;
        rows.into_iter()
            .map(|r| {
                Ok(OfferSummary {
                    slug: r.slug,
                    lang: r.lang,
                    title: r.title,
                    category: decode("category", &r.category)?,
                    ages: age_range(r.age_min, r.age_max)?,
                    is_free: r.is_free != 0,
                    place_name: r.place_name,
                    slots: slots.remove(&r.id).unwrap_or_default(),
                })
            })
            .collect()
    }

    /// Weekly slots of a quarter's published offers, grouped by offer id and sorted.
    async fn list_board_slots(&self, quarter: &str) -> Result<HashMap<i64, Vec<WeeklySlot>>, DbError> {
        let rows: Vec<SlotRow> = sqlx::query_as(
            "SELECT s.offer_id, s.weekday, s.start_time, s.end_time
             FROM weekly_slots s
             JOIN offers o ON o.id = s.offer_id AND o.status = 'published'
             JOIN offer_quarters oq ON oq.offer_id = s.offer_id
             JOIN quarters q ON q.id = oq.quarter_id
             WHERE q.slug = $1",
        )
        .bind(quarter)
        .fetch_all(&self.pool)
        .await?;
        group_slots(rows)
    }

    /// Places in the quarter or hosting its offers, with the number of its published offers there.
    pub async fn list_board_places(&self, quarter: &str) -> Result<Vec<PlaceSummary>, DbError> {
        let rows: Vec<PlaceSummaryRow> = sqlx::query_as(
            "SELECT p.slug, p.name, p.street, p.step_free, COUNT(o.id) AS offer_count
             FROM places p
             JOIN quarters q ON q.slug = $1
             LEFT JOIN offers o ON o.place_id = p.id AND o.status = 'published'
                 AND EXISTS (SELECT 1 FROM offer_quarters oq
                             WHERE oq.offer_id = o.id AND oq.quarter_id = q.id)
             GROUP BY p.id, p.slug, p.name, p.street, p.step_free, p.quarter_id, q.id
             HAVING p.quarter_id = q.id OR COUNT(o.id) > 0
             ORDER BY p.name",
        )
        .bind(quarter)
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

/// Groups slot rows by offer, each group sorted for display.
pub(super) fn group_slots(rows: Vec<SlotRow>) -> Result<HashMap<i64, Vec<WeeklySlot>>, DbError> {
    let mut by_offer: HashMap<i64, Vec<WeeklySlot>> = HashMap::new();
    for r in rows {
        let slot = WeeklySlot::parse(r.weekday, &r.start_time, &r.end_time)
            .map_err(|e| DbError::Corrupt(format!("slot of offer {}: {e}", r.offer_id)))?;
        by_offer.entry(r.offer_id).or_default().push(slot);
    }
    by_offer.values_mut().for_each(|s| sort_slots(s));
    Ok(by_offer)
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
