//! Text search over offer titles and descriptions: SQLite FTS5, or PostgreSQL's text search
//! (the `search` column of `offer_texts`, with accents folded the same way as here).

use super::{Backend, Db, DbError};
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

/// Accents folded as the PostgreSQL migration folds them (`translate(lower(…), …)`).
const FOLD_FROM: &str = "äöüßàáâãåçèéêëìíîïñòóôõùúûýÿ";
const FOLD_TO: &str = "aousaaaaaceeeeiiiinoooouuuyy";

/// A PostgreSQL `tsquery` from what a resident typed: every word as a folded prefix, joined by
/// AND. Only letters and digits pass, so no input can form tsquery syntax.
pub fn ts_query(text: &str) -> Option<String> {
    let fold =
        |c: char| FOLD_FROM.chars().position(|f| f == c).and_then(|i| FOLD_TO.chars().nth(i)).unwrap_or(c);
    let words: Vec<String> = text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(|w| format!("{}:*", w.chars().map(fold).collect::<String>()))
        .collect();
    (!words.is_empty()).then(|| words.join(" & "))
}

impl Db {
    /// Slugs of published offers of a quarter whose title or description (any language)
    /// contains every word of `text`.
    pub async fn search_offers(&self, quarter: &str, text: &str) -> Result<HashSet<String>, DbError> {
        let (query, sql) = match self.backend {
            Backend::Sqlite => (
                fts_query(text),
                "SELECT DISTINCT o.slug FROM offer_search s
                 JOIN offers o ON o.id = s.offer_id AND o.status = 'published'
                 JOIN offer_quarters oq ON oq.offer_id = o.id
                 JOIN quarters q ON q.id = oq.quarter_id AND q.slug = $2
                 WHERE offer_search MATCH $1",
            ),
            Backend::Postgres => (
                ts_query(text),
                "SELECT DISTINCT o.slug FROM offer_texts t
                 JOIN offers o ON o.id = t.offer_id AND o.status = 'published'
                 JOIN offer_quarters oq ON oq.offer_id = o.id
                 JOIN quarters q ON q.id = oq.quarter_id AND q.slug = $2
                 WHERE t.search @@ to_tsquery('simple', $1)",
            ),
        };
        let Some(query) = query else { return Ok(HashSet::new()) };
        let slugs: Vec<String> =
            sqlx::query_scalar(sql).bind(query).bind(quarter).fetch_all(&self.pool).await?;
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

    /// tsquery syntax in the input is neutralised; words are folded prefixes.
    #[test]
    fn ts_query_is_safe_and_folded() {
        assert_eq!(ts_query("Mütter Café").as_deref(), Some("mutter:* & cafe:*"));
        assert_eq!(ts_query("a' | !b & (c)").as_deref(), Some("a:* & b:* & c:*"));
        assert_eq!(ts_query("!!!"), None);
        assert_eq!(FOLD_FROM.chars().count(), FOLD_TO.chars().count());
    }
}
