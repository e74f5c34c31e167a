//! The published offers of a place or an organisation, for their iCalendar feeds.

use super::schedules::Of;
use super::{Db, DbError};
use crate::domain::schedule::Schedule;
use sqlx::FromRow;

/// Whose offers a feed lists.
#[derive(Clone, Copy, Debug)]
pub enum FeedOf<'a> {
    Place(&'a str),
    Organisation(&'a str),
}

/// One offer in a feed: its texts in the asked language (German where none) and its schedules.
#[derive(Clone, Debug)]
pub struct FeedOffer {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub place_name: String,
    pub schedules: Vec<Schedule>,
}

#[derive(FromRow)]
struct Row {
    id: i64,
    slug: String,
    title: String,
    place_name: String,
}

impl Db {
    /// The name of the place or organisation and its published, recently confirmed offers by slug.
    /// `NotFound` when no such place or organisation exists.
    pub async fn list_feed_offers(
        &self,
        locale: &str,
        of: FeedOf<'_>,
    ) -> Result<(String, Vec<FeedOffer>), DbError> {
        let (name, condition, slug) = match of {
            FeedOf::Place(s) => {
                let name: Option<String> = sqlx::query_scalar(
                    "SELECT COALESCE(pn.name, p.name) FROM places p
                     LEFT JOIN place_names pn ON pn.place_id = p.id AND pn.locale = $2 WHERE p.slug = $1",
                )
                .bind(s)
                .bind(locale)
                .fetch_optional(&self.pool)
                .await?;
                (name, "p.slug = $1", s)
            }
            FeedOf::Organisation(s) => {
                let name: Option<String> =
                    sqlx::query_scalar("SELECT name FROM organisations WHERE slug = $1")
                        .bind(s)
                        .fetch_optional(&self.pool)
                        .await?;
                (name, "g.slug = $1", s)
            }
        };
        let name = name.ok_or(DbError::NotFound)?;
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT o.id, o.slug, COALESCE(t.title, d.title) AS title, COALESCE(pn.name, p.name) AS place_name
             FROM offers o
             JOIN places p ON p.id = o.place_id
             JOIN organisations g ON g.id = o.organisation_id
             LEFT JOIN place_names pn ON pn.place_id = p.id AND pn.locale = $2
             JOIN offer_texts d ON d.offer_id = o.id AND d.locale = 'de'
             LEFT JOIN offer_texts t ON t.offer_id = o.id AND t.locale = $2
             WHERE {condition} AND o.status = 'published' AND o.last_confirmed >= $3
             ORDER BY o.slug"
        ))
        .bind(slug)
        .bind(locale)
        .bind(self.visible_since())
        .fetch_all(&self.pool)
        .await?;
        let mut schedules = self
            .list_schedules(&match of {
                FeedOf::Place(s) => Of::Place(s),
                FeedOf::Organisation(s) => Of::Organisation(s),
            })
            .await?;
        let offers = rows
            .into_iter()
            .map(|r| FeedOffer {
                id: r.id,
                schedules: schedules.remove(&r.id).unwrap_or_default(),
                slug: r.slug,
                title: r.title,
                place_name: r.place_name,
            })
            .collect();
        Ok((name, offers))
    }
}
