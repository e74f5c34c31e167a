//! Which offers a weekly plan shows.

use super::{Db, DbError};
use crate::domain::plan::PlanScope;

impl Db {
    /// Ids of the offers (drafts and published, not archived) of a quarter, place or organisation.
    pub async fn list_plan_offer_ids(&self, scope: &PlanScope) -> Result<Vec<i64>, DbError> {
        let (sql, slug) = match scope {
            PlanScope::Quarter(s) => (
                "SELECT DISTINCT o.id FROM offers o JOIN offer_quarters oq ON oq.offer_id = o.id
                 JOIN quarters q ON q.id = oq.quarter_id WHERE q.slug = $1 AND o.status <> 'archived' ORDER BY o.id",
                s,
            ),
            PlanScope::Place(s) => (
                "SELECT DISTINCT o.id FROM offers o JOIN places p ON p.id = o.place_id
                 WHERE p.slug = $1 AND o.status <> 'archived'
                 UNION SELECT DISTINCT o.id FROM offers o JOIN schedules s ON s.offer_id = o.id
                 JOIN places p ON p.id = s.place_id WHERE p.slug = $1 AND o.status <> 'archived' ORDER BY 1",
                s,
            ),
            PlanScope::Organisation(s) => (
                "SELECT o.id FROM offers o JOIN organisations g ON g.id = o.organisation_id
                 WHERE g.slug = $1 AND o.status <> 'archived' ORDER BY o.id",
                s,
            ),
        };
        Ok(sqlx::query_scalar(sql).bind(slug).fetch_all(&self.pool).await?)
    }
}
