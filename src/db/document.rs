//! Writing a whole city document (the demo city, `load-document`, imports) in one transaction.

use super::audit::{insert_audit, Change};
use super::directory_rows::{insert_organisation, insert_place, insert_quarter};
use super::offer_rows::{insert_offer, lookup, Ids};
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::document::{CityDocument, DocumentError};
use crate::domain::staff::Actor;
use serde::Serialize;
use sqlx::AnyConnection;

impl Db {
    /// Loads the demo city unless it is loaded already; all or nothing. Returns whether it loaded.
    pub async fn insert_demo_document(&self, doc: &CityDocument) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let claimed = sqlx::query(
            "INSERT INTO site_flags (key, value) VALUES ('demo', '1') ON CONFLICT (key) DO NOTHING",
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            return Ok(false);
        }
        insert_records(&mut tx, doc, &mut Import::Quiet).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Inserts a whole document in one transaction: all or nothing.
    pub async fn insert_document(&self, doc: &CityDocument) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        insert_records(&mut tx, doc, &mut Import::Quiet).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Imports a document in one transaction, recording every new record in the audit log (`by`:
    /// `None` for the command line) and calling `progress(done, total)` as records are written.
    pub async fn import_document(
        &self,
        doc: &CityDocument,
        by: Option<&Actor>,
        progress: &mut (dyn FnMut(usize, usize) + Send),
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        insert_records(&mut tx, doc, &mut Import::Audited { by, progress, done: 0 }).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The records of `doc` whose slug is taken already (an import only adds).
    pub async fn find_taken_slugs(&self, doc: &CityDocument) -> Result<Vec<DocumentError>, DbError> {
        let lists: [(&str, Vec<&String>); 4] = [
            ("quarters", doc.quarters.iter().map(|r| &r.slug).collect()),
            ("organisations", doc.organisations.iter().map(|r| &r.slug).collect()),
            ("places", doc.places.iter().map(|r| &r.slug).collect()),
            ("offers", doc.offers.iter().map(|r| &r.slug).collect()),
        ];
        let mut taken = Vec::new();
        for (table, slugs) in lists {
            let stored: std::collections::HashSet<String> =
                sqlx::query_scalar(&format!("SELECT slug FROM {table}"))
                    .fetch_all(&self.pool)
                    .await?
                    .into_iter()
                    .collect();
            for slug in slugs.into_iter().filter(|s| stored.contains(*s)) {
                taken.push(DocumentError::new(format!("{table}/{slug}"), "taken", None));
            }
        }
        Ok(taken)
    }
}

/// How records are written: as they are (demo city) or recorded in the audit log with progress.
enum Import<'a> {
    Quiet,
    Audited { by: Option<&'a Actor>, progress: &'a mut (dyn FnMut(usize, usize) + Send), done: usize },
}

impl Import<'_> {
    async fn record(
        &mut self,
        conn: &mut AnyConnection,
        doc: &CityDocument,
        entity: Entity,
        id: i64,
        record: &impl Serialize,
    ) -> Result<(), DbError> {
        let Import::Audited { by, progress, done } = self else { return Ok(()) };
        let after = serde_json::to_string(record).ok();
        insert_audit(conn, *by, Change { entity, id, action: "import", before: None, after }).await?;
        *done += 1;
        let total = doc.quarters.len() + doc.organisations.len() + doc.places.len() + doc.offers.len();
        progress(*done, total);
        Ok(())
    }
}

async fn insert_records(
    conn: &mut AnyConnection,
    doc: &CityDocument,
    import: &mut Import<'_>,
) -> Result<(), DbError> {
    let mut ids = Ids::default();
    for q in &doc.quarters {
        let id = insert_quarter(conn, q).await?;
        ids.quarters.insert(q.slug.clone(), id);
        import.record(conn, doc, Entity::Quarter, id, q).await?;
    }
    for o in &doc.organisations {
        let id = insert_organisation(conn, o).await?;
        ids.organisations.insert(o.slug.clone(), id);
        import.record(conn, doc, Entity::Organisation, id, o).await?;
    }
    for p in &doc.places {
        let quarter = lookup(&ids.quarters, &p.quarter)?;
        let owner = p.organisation.as_deref().map(|o| lookup(&ids.organisations, o)).transpose()?;
        let id = insert_place(conn, p, quarter, owner).await?;
        ids.places.insert(p.slug.clone(), id);
        import.record(conn, doc, Entity::Place, id, p).await?;
    }
    for o in &doc.offers {
        let id = insert_offer(conn, o, &ids).await?;
        import.record(conn, doc, Entity::Offer, id, o).await?;
    }
    Ok(())
}
