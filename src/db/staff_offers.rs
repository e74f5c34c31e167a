//! The staff list of offers: every offer of every status with its organisation, quarters,
//! pending approval and translation dates (filtering happens in `domain::staff_offer`).

use super::error::decode;
use super::{Db, DbError};
use crate::domain::staff_offer::{translation_state, StaffOfferRow};
use chrono::NaiveDate;
use sqlx::FromRow;
use std::collections::HashMap;

#[derive(FromRow)]
struct Row {
    id: i64,
    slug: String,
    title: String,
    organisation_id: i64,
    organisation: String,
    status: String,
    last_confirmed: String,
    version: i64,
    pending: i64,
}

impl Db {
    /// All offers for the staff list, by German title; `locales` are the content languages whose
    /// translation state is reported.
    pub async fn list_staff_offers(&self, locales: &[&str]) -> Result<Vec<StaffOfferRow>, DbError> {
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT o.id, o.slug, t.title, o.organisation_id, g.name AS organisation, o.status,
                o.last_confirmed, o.version,
                CASE WHEN s.offer_id IS NULL THEN 0 ELSE 1 END AS pending
             FROM offers o
             JOIN offer_texts t ON t.offer_id = o.id AND t.locale = 'de'
             JOIN organisations g ON g.id = o.organisation_id
             LEFT JOIN offer_submissions s ON s.offer_id = o.id
             ORDER BY t.title",
        )
        .fetch_all(&self.pool)
        .await?;
        let quarters: Vec<(i64, i64, String)> = sqlx::query_as(
            "SELECT oq.offer_id, oq.quarter_id, t.name FROM offer_quarters oq
             JOIN quarter_texts t ON t.quarter_id = oq.quarter_id AND t.locale = 'de' ORDER BY t.name",
        )
        .fetch_all(&self.pool)
        .await?;
        let dates: Vec<(i64, String, Option<String>)> =
            sqlx::query_as("SELECT offer_id, locale, changed_at FROM offer_texts")
                .fetch_all(&self.pool)
                .await?;
        let mut by_offer: HashMap<i64, HashMap<String, Option<String>>> = HashMap::new();
        for (offer, locale, at) in dates {
            by_offer.entry(offer).or_default().insert(locale, at);
        }
        rows.into_iter()
            .map(|r| {
                let texts = by_offer.remove(&r.id).unwrap_or_default();
                let german = texts.get("de").cloned().flatten();
                let mine = quarters.iter().filter(|(o, _, _)| *o == r.id);
                Ok(StaffOfferRow {
                    quarter_ids: mine.clone().map(|(_, q, _)| *q).collect(),
                    quarters: mine.map(|(_, _, n)| n.clone()).collect(),
                    translations: locales
                        .iter()
                        .filter(|l| **l != "de")
                        .map(|l| {
                            let t = texts.get(*l).map(|d| d.as_deref());
                            ((*l).to_owned(), translation_state(german.as_deref(), t))
                        })
                        .collect(),
                    id: r.id,
                    slug: r.slug,
                    title: r.title,
                    organisation_id: r.organisation_id,
                    organisation: r.organisation,
                    status: decode("status", &r.status)?,
                    last_confirmed: NaiveDate::parse_from_str(&r.last_confirmed, "%Y-%m-%d")
                        .map_err(|_| DbError::Corrupt("last_confirmed".into()))?,
                    version: r.version,
                    pending: r.pending != 0,
                    can_edit: false,
                    can_read: false,
                    confirmation: crate::domain::freshness::Confirmation::Fresh,
                })
            })
            .collect()
    }
}
