//! Writing the offers of a spreadsheet import: every line in one transaction, each with its
//! audit entry, so a file goes in completely or not at all.

use super::offer_edit::{create_in, update_in};
use super::offer_records::StoredOffer;
use super::offer_rows::Ids;
use super::{Db, DbError};
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

/// A new offer made from an organisation's calendar event: the organisation and the event's UID.
pub type CalendarLink = (i64, String);

impl Db {
    /// Writes every change or none: a version that moved on (`Conflict`) or a slug taken in the
    /// meantime (`Duplicate`) undoes the whole import.
    pub async fn import_offers(&self, changes: &[OfferChange], by: &Actor) -> Result<(), DbError> {
        let changes: Vec<_> = changes.iter().map(|c| (c.clone(), None)).collect();
        self.import_offers_from(&changes, Some(by)).await
    }

    /// As [`Db::import_offers`]; new offers with a [`CalendarLink`] remember their event, so the
    /// next import of that calendar finds them (`by`: `None` for the command line).
    pub async fn import_offers_from(
        &self,
        changes: &[(OfferChange, Option<CalendarLink>)],
        by: Option<&Actor>,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let ids = Ids::load(&mut tx).await?;
        for (change, link) in changes {
            match change {
                OfferChange::Create(record) => {
                    let id = create_in(&mut tx, record, &ids, by, "import").await?;
                    if let Some((organisation, uid)) = link {
                        sqlx::query(
                            "INSERT INTO offer_calendar_events (organisation_id, uid, offer_id) VALUES ($1, $2, $3)",
                        )
                        .bind(organisation)
                        .bind(uid)
                        .bind(id)
                        .execute(&mut *tx)
                        .await?;
                    }
                }
                OfferChange::Update(before, record) => {
                    update_in(&mut tx, before, record, &ids, by, "import").await?
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// The offer made from event `uid` of the organisation's calendar, if any.
    pub async fn get_calendar_offer(&self, organisation: i64, uid: &str) -> Result<Option<i64>, DbError> {
        Ok(sqlx::query_scalar(
            "SELECT offer_id FROM offer_calendar_events WHERE organisation_id = $1 AND uid = $2",
        )
        .bind(organisation)
        .bind(uid)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Every offer slug (any status).
    pub async fn list_offer_slugs(&self) -> Result<Vec<String>, DbError> {
        Ok(sqlx::query_scalar("SELECT slug FROM offers").fetch_all(&self.pool).await?)
    }

    /// The quarter (slug) a place is in.
    pub async fn get_place_quarter(&self, place: &str) -> Result<String, DbError> {
        sqlx::query_scalar(
            "SELECT q.slug FROM places p JOIN quarters q ON q.id = p.quarter_id WHERE p.slug = $1",
        )
        .bind(place)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(DbError::NotFound)
    }
}
