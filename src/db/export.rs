//! Reading the whole city back as one document (every status), for `export` and the round trip
//! of the import format.

use super::{Db, DbError};
use crate::domain::document::CityDocument;

impl Db {
    /// The whole city as stored, each list ordered by slug. Read again if a write landed in the
    /// middle, so the document is one consistent state.
    pub async fn export_document(&self) -> Result<CityDocument, DbError> {
        loop {
            let before = self.get_data_version().await?;
            let doc = self.read_document().await?;
            if self.get_data_version().await? == before {
                return Ok(doc);
            }
        }
    }

    async fn read_document(&self) -> Result<CityDocument, DbError> {
        let mut doc =
            CityDocument { quarters: vec![], organisations: vec![], places: vec![], offers: vec![] };
        for id in self.list_ids("quarters").await? {
            doc.quarters.push(self.get_stored_quarter(id).await?.record);
        }
        for id in self.list_ids("organisations").await? {
            doc.organisations.push(self.get_stored_organisation(id).await?.record);
        }
        for id in self.list_ids("places").await? {
            doc.places.push(self.get_stored_place(id).await?.record);
        }
        for id in self.list_ids("offers").await? {
            doc.offers.push(self.get_stored_offer(id).await?.record);
        }
        Ok(doc)
    }

    async fn list_ids(&self, table: &'static str) -> Result<Vec<i64>, DbError> {
        let sql = format!("SELECT id FROM {table} ORDER BY slug");
        Ok(sqlx::query_scalar(&sql).fetch_all(&self.pool).await?)
    }
}
