//! Text search over offer titles and descriptions: SQLite FTS5, or PostgreSQL's text search
//! (the `search` column of `offer_texts`, with accents folded the same way as here).

use super::{Backend, Db, DbError};
use std::collections::HashSet;

/// The words of what a resident typed (at most 8, lower case), letters and digits only, so no
/// input can form FTS5 or tsquery syntax.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(8)
        .map(str::to_owned)
        .collect()
}

/// The spellings a German word is also typed in: "Fussball" for "Fußball", "Gespraech" for
/// "Gespräch" (the index folds "ä" to "a", so "ae" is tried as "a"); the word itself first.
pub fn german_spellings(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    let without_ae = word.replace("ae", "a").replace("oe", "o").replace("ue", "u");
    for v in [without_ae, word.replace("ss", "ß"), word.replace('ß', "ss")] {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

/// An FTS5 query: every word must occur as a word prefix, in any of its German spellings.
pub fn fts_query(text: &str) -> Option<String> {
    let groups: Vec<String> = words(text)
        .iter()
        .map(|w| {
            let any: Vec<String> = german_spellings(w).iter().map(|v| format!("\"{v}\"*")).collect();
            format!("({})", any.join(" OR "))
        })
        .collect();
    (!groups.is_empty()).then(|| groups.join(" AND "))
}

/// Accents folded as the PostgreSQL migration folds them (`translate(lower(…), …)`).
const FOLD_FROM: &str = "äöüßàáâãåçèéêëìíîïñòóôõùúûýÿ";
const FOLD_TO: &str = "aousaaaaaceeeeiiiinoooouuuyy";

/// A PostgreSQL `tsquery`: every word as a folded prefix in any of its German spellings,
/// joined by AND.
pub fn ts_query(text: &str) -> Option<String> {
    let fold =
        |c: char| FOLD_FROM.chars().position(|f| f == c).and_then(|i| FOLD_TO.chars().nth(i)).unwrap_or(c);
    let groups: Vec<String> = words(text)
        .iter()
        .map(|w| {
            let mut any: Vec<String> = Vec::new();
            for v in german_spellings(w) {
                let v = format!("{}:*", v.chars().map(fold).collect::<String>());
                if !any.contains(&v) {
                    any.push(v);
                }
            }
            format!("({})", any.join(" | "))
        })
        .collect();
    (!groups.is_empty()).then(|| groups.join(" & "))
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
        assert_eq!(fts_query("Café").as_deref(), Some("(\"café\"*)"));
        assert_eq!(fts_query("\" OR NEAR( * -").as_deref(), Some("(\"or\"*) AND (\"near\"*)"));
        assert_eq!(fts_query("!!!"), None);
    }

    /// tsquery syntax in the input is neutralised; words are folded prefixes.
    #[test]
    fn ts_query_is_safe_and_folded() {
        assert_eq!(ts_query("Mütter Café").as_deref(), Some("(mutter:*) & (cafe:*)"));
        assert_eq!(ts_query("a' | !b & (c)").as_deref(), Some("(a:*) & (b:*) & (c:*)"));
        assert_eq!(ts_query("!!!"), None);
        assert_eq!(FOLD_FROM.chars().count(), FOLD_TO.chars().count());
    }

    /// German words are found as they are commonly typed without ß and umlauts.
    #[test]
    fn german_spellings_are_tried() {
        assert_eq!(german_spellings("fussball"), ["fussball", "fußball"]);
        assert_eq!(german_spellings("gespraech"), ["gespraech", "gesprach"]);
        assert_eq!(fts_query("Fussball").as_deref(), Some("(\"fussball\"* OR \"fußball\"*)"));
        assert_eq!(ts_query("Fußball").as_deref(), Some("(fusball:* | fussball:*)"));
        assert_eq!(ts_query("Gespraech").as_deref(), Some("(gespraech:* | gesprach:*)"));
    }

    proptest::proptest! {
        /// Whatever is typed, the queries hold only quoted words, prefixes and operators.
        #[test]
        fn queries_stay_queries(text in ".{0,60}") {
            if let Some(q) = fts_query(&text) {
                let stripped = q.replace(" OR ", " ").replace(" AND ", " ");
                proptest::prop_assert!(stripped.split(' ').all(|g| {
                    let g = g.trim_start_matches('(').trim_end_matches(')');
                    g.starts_with('"') && g.ends_with("\"*") && !g[1..g.len() - 2].contains('"')
                }), "{}", q);
            }
        }
    }
}
