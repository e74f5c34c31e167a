//! Writing a whole city document (the demo city, later imports) in one transaction.

use super::directory_rows::{insert_organisation, insert_place, insert_quarter};
use super::offer_rows::{insert_offer, lookup, Ids};
use super::{Db, DbError};
use crate::domain::document::CityDocument;
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
        insert_records(&mut tx, doc).await?;
        tx.commit().await?;
        Ok(true)
    }
}

impl Db {
    /// Inserts a whole document in one transaction: all or nothing.
    pub async fn insert_document(&self, doc: &CityDocument) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        insert_records(&mut tx, doc).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn insert_records(conn: &mut AnyConnection, doc: &CityDocument) -> Result<(), DbError> {
    let mut ids = Ids::default();
    for q in &doc.quarters {
        ids.quarters.insert(q.slug.clone(), insert_quarter(conn, q).await?);
    }
    for o in &doc.organisations {
        ids.organisations.insert(o.slug.clone(), insert_organisation(conn, o).await?);
    }
    for p in &doc.places {
        let quarter = lookup(&ids.quarters, &p.quarter)?;
        let owner = p.organisation.as_deref().map(|o| lookup(&ids.organisations, o)).transpose()?;
        ids.places.insert(p.slug.clone(), insert_place(conn, p, quarter, owner).await?);
    }
    for o in &doc.offers {
        insert_offer(conn, o, &ids).await?;
    }
    Ok(())
}
