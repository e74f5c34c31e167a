//! Changes of editors whose organisation needs approval: kept aside as a whole record until a
//! coordinator approves them (the public board keeps showing the approved state meanwhile).

use super::audit::{insert_audit, json, Change};
use super::offer_edit::claim_version;
use super::offer_records::StoredOffer;
use super::offer_rows::{replace_offer, Ids, TextDates};
use super::write::now_text;
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::category::OfferStatus;
use crate::domain::document::OfferRecord;
use crate::domain::staff::Actor;

/// A submission waiting for approval.
#[derive(Clone, Debug, PartialEq)]
pub struct Submission {
    pub record: OfferRecord,
    /// The editor asked for the offer to be published.
    pub publish: bool,
    pub submitted_by: String,
    pub submitted_at: String,
    /// The offer when it was submitted (`None` for submissions older than this field).
    pub base: Option<OfferRecord>,
}

impl Db {
    /// Puts `record` (or only a publish request, with the stored record) aside for approval,
    /// replacing an earlier submission of `offer`. The offer as it is now is kept beside it.
    pub async fn submit_offer(
        &self,
        offer: &StoredOffer,
        record: &OfferRecord,
        publish: bool,
        by: &Actor,
    ) -> Result<(), DbError> {
        let id = offer.id;
        let mut tx = self.begin_write().await?;
        let as_json = |r: &OfferRecord| serde_json::to_string(r).map_err(|e| DbError::Corrupt(e.to_string()));
        let form = as_json(record)?;
        sqlx::query(
            "INSERT INTO offer_submissions (offer_id, form_json, publish, submitted_by, submitted_at, base_json)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (offer_id) DO UPDATE SET form_json = excluded.form_json,
                publish = CASE WHEN excluded.publish = 1 THEN 1 ELSE offer_submissions.publish END,
                submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,
                base_json = excluded.base_json",
        )
        .bind(id)
        .bind(form)
        .bind(i64::from(publish))
        .bind(by.user_id)
        .bind(now_text())
        .bind(as_json(&offer.record)?)
        .execute(&mut *tx)
        .await?;
        let change =
            Change { entity: Entity::Offer, id, action: "submit", before: None, after: json(record) };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The submission waiting for an offer, if any.
    pub async fn get_submission(&self, id: i64) -> Result<Option<Submission>, DbError> {
        let row: Option<(String, i64, String, String, Option<String>)> = sqlx::query_as(
            "SELECT s.form_json, s.publish, u.email, s.submitted_at, s.base_json FROM offer_submissions s
             JOIN users u ON u.id = s.submitted_by WHERE s.offer_id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let read = |json: &str| serde_json::from_str(json).map_err(|e| DbError::Corrupt(e.to_string()));
        row.map(|(form, publish, by, at, base)| {
            Ok(Submission {
                record: read(&form)?,
                publish: publish != 0,
                submitted_by: by,
                submitted_at: at,
                base: base.as_deref().map(read).transpose()?,
            })
        })
        .transpose()
    }

    /// Applies the submission of offer `before` (approved by `by`) and removes it. Refused
    /// (`Conflict`) when the offer's content changed after the submission, so approving never
    /// undoes a later edit; status changes and confirmations in between do not count.
    pub async fn approve_submission(&self, before: &StoredOffer, by: &Actor) -> Result<(), DbError> {
        let sub = self.get_submission(before.id).await?.ok_or(DbError::NotFound)?;
        if sub.base.as_ref().is_some_and(|base| !same_content(base, &before.record)) {
            return Err(DbError::Conflict);
        }
        let mut tx = self.begin_write().await?;
        claim_version(&mut tx, before.id, before.version).await?;
        let mut record = sub.record;
        record.status = if sub.publish { OfferStatus::Published } else { before.record.status };
        record.last_confirmed = before.record.last_confirmed;
        let ids = Ids::load(&mut tx).await?;
        replace_offer(&mut tx, before.id, &record, &ids, &TextDates::new()).await?;
        sqlx::query("UPDATE offers SET status = $1 WHERE id = $2")
            .bind(record.status.code())
            .bind(before.id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM offer_submissions WHERE offer_id = $1")
            .bind(before.id)
            .execute(&mut *tx)
            .await?;
        let change = Change {
            entity: Entity::Offer,
            id: before.id,
            action: "approve",
            before: json(&before.record),
            after: json(&record),
        };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Whether two states of an offer say the same, apart from its status and confirmation date.
fn same_content(a: &OfferRecord, b: &OfferRecord) -> bool {
    let plain = |r: &OfferRecord| OfferRecord {
        status: OfferStatus::Draft,
        last_confirmed: a.last_confirmed,
        ..r.clone()
    };
    plain(a) == plain(b)
}
