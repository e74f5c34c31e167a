//! Former offer slugs: printed short links and QR codes keep working after an offer is renamed.

use super::{Db, DbError};
use sqlx::AnyConnection;

impl Db {
    /// The current slug of the offer that has or had `slug`.
    pub async fn current_offer_slug(&self, slug: &str) -> Result<Option<String>, DbError> {
        Ok(sqlx::query_scalar(
            "SELECT slug FROM offers WHERE slug = $1
             UNION ALL
             SELECT o.slug FROM offer_slug_history h JOIN offers o ON o.id = h.offer_id WHERE h.old_slug = $1",
        )
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?)
    }
}

/// Before offer `id` takes `new_slug`: keeps its present slug as a former one (if it changes) and
/// drops `new_slug` from the former ones, since a current slug wins.
pub(super) async fn remember_offer_slug(
    conn: &mut AnyConnection,
    id: i64,
    new_slug: &str,
) -> Result<(), DbError> {
    let old: Option<String> = sqlx::query_scalar("SELECT slug FROM offers WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(old) = old.filter(|o| o != new_slug) else { return Ok(()) };
    sqlx::query("DELETE FROM offer_slug_history WHERE old_slug = $1 OR old_slug = $2")
        .bind(&old)
        .bind(new_slug)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO offer_slug_history (old_slug, offer_id) VALUES ($1, $2)")
        .bind(&old)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
