//! Writing the offers of a spreadsheet import: every line in one transaction, each with its
//! audit entry, so a file goes in completely or not at all.

use super::audit::{insert_audit, Change};
use super::offer_edit::{claim_version, ensure_slug_free, json, unchanged_text_dates};
use super::offer_records::StoredOffer;
use super::offer_rows::{insert_offer, replace_offer, Ids};
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::document::OfferRecord;
use crate::domain::staff::Actor;

/// One line of an import, checked and allowed.
#[derive(Clone, Debug)]
pub enum OfferChange {
    Create(OfferRecord),
    /// The stored offer (at the version the file names) and its new content; status and
    /// last-confirmed date stay as stored.
    Update(Box<StoredOffer>, OfferRecord),
}

impl Db {
    /// Writes every change or none: a version that moved on (`Conflict`) or a slug taken in the
    /// meantime (`Duplicate`) undoes the whole import.
    pub async fn import_offers(&self, changes: &[OfferChange], by: &Actor) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let ids = Ids::load(&mut tx).await?;
        for change in changes {
            match change {
                OfferChange::Create(record) => {
                    ensure_slug_free(&mut tx, &record.slug, None).await?;
                    let id = insert_offer(&mut tx, record, &ids).await?;
                    let entry = Change {
                        entity: Entity::Offer,
                        id,
                        action: "import",
                        before: None,
                        after: json(record),
                    };
                    insert_audit(&mut tx, Some(by), entry).await?;
                }
                OfferChange::Update(before, record) => {
                    claim_version(&mut tx, before.id, before.version).await?;
                    ensure_slug_free(&mut tx, &record.slug, Some(before.id)).await?;
                    let mut record = record.clone();
                    record.status = before.record.status;
                    record.last_confirmed = before.record.last_confirmed;
                    replace_offer(&mut tx, before.id, &record, &ids, &unchanged_text_dates(before, &record))
                        .await?;
                    let entry = Change {
                        entity: Entity::Offer,
                        id: before.id,
                        action: "import",
                        before: json(&before.record),
                        after: json(&record),
                    };
                    insert_audit(&mut tx, Some(by), entry).await?;
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
