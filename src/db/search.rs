//! Text search over offer titles and descriptions (SQLite FTS5).

use super::{Db, DbError};
use std::collections::HashSet;

/// An FTS5 query from what a resident typed: every word must occur, as a word prefix.
/// Quotes and operators are removed, so no input can form FTS5 syntax.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Db {
    /// Slugs of published offers of a quarter whose title or description (any language)
    /// contains every word of `text`.
    pub async fn search_offers(&self, quarter: &str, text: &str) -> Result<HashSet<String>, DbError> {
        let Some(query) = fts_query(text) else { return Ok(HashSet::new()) };
        let slugs: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT o.slug FROM offer_search s
             JOIN offers o ON o.id = s.offer_id AND o.status = 'published'
             JOIN offer_quarters oq ON oq.offer_id = o.id
             JOIN quarters q ON q.id = oq.quarter_id AND q.slug = $2
             WHERE offer_search MATCH $1",
        )
        .bind(query)
        .bind(quarter)
        .fetch_all(&self.pool)
        .await?;
        Ok(slugs.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FTS5 syntax in the input is neutralised.
    #[test]
    fn query_is_safe() {
        assert_eq!(fts_query("Mütter café").as_deref(), Some("\"Mütter\"* \"café\"*"));
        assert_eq!(fts_query("\" OR NEAR( * -").as_deref(), Some("\"OR\"* \"NEAR\"*"));
        assert_eq!(fts_query("!!!"), None);
    }
}
