//! Reading an offer (of any status) as the canonical [`OfferRecord`], with what the rules need
//! to decide about it, and the choices the edit form offers.

use super::error::decode;
use super::offer_rows::TextDates;
use super::schedules::Of;
use super::{Db, DbError};
use crate::domain::category::OfferStatus;
use crate::domain::document::{ContactRecord, OfferRecord, TextRecord};
use crate::domain::offer_form::{Choice, FormOptions};
use crate::domain::policy::Scope;
use crate::domain::schedule::validate::ScheduleInput;
use chrono::NaiveDate;
use sqlx::FromRow;
use std::collections::BTreeMap;

/// An offer as stored, with its version and the facts the policy decides on.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredOffer {
    pub id: i64,
    pub version: i64,
    pub record: OfferRecord,
    pub scope: Scope,
    /// The status before it was archived (what "undo delete" restores).
    pub archived_from: Option<OfferStatus>,
    /// When each locale's texts were last written (to tell stale translations).
    pub text_dates: TextDates,
}

#[derive(FromRow)]
struct RecordRow {
    id: i64,
    version: i64,
    slug: String,
    organisation_id: i64,
    organisation: String,
    editors_publish: i64,
    place: String,
    category: String,
    age_min: Option<i64>,
    age_max: Option<i64>,
    is_free: i64,
    registration_required: i64,
    contact_name: Option<String>,
    contact_phone: Option<String>,
    contact_email: Option<String>,
    status: String,
    last_confirmed: String,
    internal_note: String,
    archived_from: Option<String>,
}

#[derive(FromRow)]
struct TextRow {
    locale: String,
    title: String,
    description: String,
    cost_text: Option<String>,
    registration_text: Option<String>,
    easy_description: Option<String>,
    changed_at: Option<String>,
}

impl Db {
    /// The offer with this id, whatever its status.
    pub async fn get_stored_offer(&self, id: i64) -> Result<StoredOffer, DbError> {
        let r: RecordRow = sqlx::query_as(
            "SELECT o.id, o.version, o.slug, o.organisation_id, g.slug AS organisation, g.editors_publish,
                p.slug AS place, o.category, o.age_min, o.age_max, o.is_free, o.registration_required,
                o.contact_name, o.contact_phone, o.contact_email, o.status, o.last_confirmed,
                o.internal_note, o.archived_from
             FROM offers o JOIN organisations g ON g.id = o.organisation_id JOIN places p ON p.id = o.place_id
             WHERE o.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(DbError::NotFound)?;
        let texts: Vec<TextRow> = sqlx::query_as(
            "SELECT locale, title, description, cost_text, registration_text, easy_description, changed_at
             FROM offer_texts WHERE offer_id = $1 ORDER BY locale",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let quarters: Vec<(i64, String)> = sqlx::query_as(
            "SELECT q.id, q.slug FROM offer_quarters oq JOIN quarters q ON q.id = oq.quarter_id
             WHERE oq.offer_id = $1 ORDER BY q.slug",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let codes = |table: &str, column: &str| {
            format!("SELECT {column} FROM {table} WHERE offer_id = $1 ORDER BY {column}")
        };
        let audiences: Vec<String> =
            sqlx::query_scalar(&codes("offer_audiences", "audience")).bind(id).fetch_all(&self.pool).await?;
        let languages: Vec<String> =
            sqlx::query_scalar(&codes("offer_languages", "language")).bind(id).fetch_all(&self.pool).await?;
        let schedules = self.list_schedules(&Of::Offer(id)).await?.remove(&id).unwrap_or_default();
        let de = texts
            .iter()
            .find(|t| t.locale == "de")
            .ok_or_else(|| DbError::Corrupt("no German text".into()))?;
        let status: OfferStatus = decode("status", &r.status)?;
        let record = OfferRecord {
            slug: r.slug,
            title: de.title.clone(),
            description: de.description.clone(),
            easy_description: de.easy_description.clone(),
            organisation: r.organisation,
            place: r.place,
            quarters: quarters.iter().map(|(_, s)| s.clone()).collect(),
            category: decode("category", &r.category)?,
            age_min: r.age_min.and_then(|a| u8::try_from(a).ok()),
            age_max: r.age_max.and_then(|a| u8::try_from(a).ok()),
            audiences: audiences.iter().map(|a| decode("audience", a)).collect::<Result<_, _>>()?,
            free: r.is_free != 0,
            cost_text: de.cost_text.clone(),
            languages,
            registration_required: r.registration_required != 0,
            registration_text: de.registration_text.clone(),
            contact: ContactRecord { name: r.contact_name, phone: r.contact_phone, email: r.contact_email },
            status,
            last_confirmed: NaiveDate::parse_from_str(&r.last_confirmed, "%Y-%m-%d")
                .map_err(|_| DbError::Corrupt("last_confirmed".into()))?,
            schedules: schedules.iter().map(ScheduleInput::from).collect(),
            translations: texts
                .iter()
                .filter(|t| t.locale != "de")
                .map(|t| {
                    (
                        t.locale.clone(),
                        TextRecord { title: t.title.clone(), description: t.description.clone() },
                    )
                })
                .collect::<BTreeMap<_, _>>(),
            internal_note: r.internal_note,
        };
        Ok(StoredOffer {
            id: r.id,
            version: r.version,
            scope: Scope {
                organisation: Some(r.organisation_id),
                quarters: quarters.iter().map(|(id, _)| *id).collect(),
                published: status == OfferStatus::Published,
                editors_publish: r.editors_publish != 0,
            },
            record,
            archived_from: r.archived_from.map(|s| decode("status", &s)).transpose()?,
            text_dates: texts.into_iter().map(|t| (t.locale, t.changed_at)).collect(),
        })
    }

    /// The scope a new offer with these references would have.
    pub async fn get_new_offer_scope(
        &self,
        organisation: &str,
        quarters: &[String],
    ) -> Result<Scope, DbError> {
        let org: Option<(i64, i64)> =
            sqlx::query_as("SELECT id, editors_publish FROM organisations WHERE slug = $1")
                .bind(organisation)
                .fetch_optional(&self.pool)
                .await?;
        let mut ids = Vec::new();
        for q in quarters {
            let id: Option<i64> = sqlx::query_scalar("SELECT id FROM quarters WHERE slug = $1")
                .bind(q)
                .fetch_optional(&self.pool)
                .await?;
            ids.extend(id);
        }
        Ok(Scope {
            organisation: org.map(|(id, _)| id),
            quarters: ids,
            published: false,
            editors_publish: org.is_none_or(|(_, p)| p != 0),
        })
    }

    /// A place's German name and whether it is step-free, for an offer card.
    pub async fn get_place_card(&self, slug: &str) -> Result<(String, bool), DbError> {
        let row: Option<(String, i64)> = sqlx::query_as("SELECT name, step_free FROM places WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|(name, step_free)| (name, step_free != 0)).ok_or(DbError::NotFound)
    }

    /// The id of the offer with this slug.
    pub async fn get_offer_id(&self, slug: &str) -> Result<i64, DbError> {
        sqlx::query_scalar("SELECT id FROM offers WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(DbError::NotFound)
    }

    /// The id of the organisation with this slug.
    pub async fn get_organisation_id(&self, slug: &str) -> Result<i64, DbError> {
        sqlx::query_scalar("SELECT id FROM organisations WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(DbError::NotFound)
    }

    /// The id of the quarter with this slug.
    pub async fn get_quarter_id(&self, slug: &str) -> Result<i64, DbError> {
        sqlx::query_scalar("SELECT id FROM quarters WHERE slug = $1")
            .bind(slug)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(DbError::NotFound)
    }

    /// The slug of an organisation.
    pub async fn get_stored_organisation_slug(&self, id: i64) -> Result<String, DbError> {
        sqlx::query_scalar("SELECT slug FROM organisations WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?
            .ok_or(DbError::NotFound)
    }

    /// Organisations, places and quarters an offer may name, by German name.
    pub async fn get_form_options(&self) -> Result<FormOptions, DbError> {
        let list = |sql: &'static str| async move {
            let rows: Vec<(String, String)> = sqlx::query_as(sql).fetch_all(&self.pool).await?;
            Ok::<_, DbError>(rows.into_iter().map(|(slug, name)| Choice { slug, name }).collect::<Vec<_>>())
        };
        Ok(FormOptions {
            organisations: list("SELECT slug, name FROM organisations ORDER BY name").await?,
            places: list("SELECT slug, name FROM places WHERE archived = 0 ORDER BY name").await?,
            quarters: list(
                "SELECT q.slug, t.name FROM quarters q JOIN quarter_texts t ON t.quarter_id = q.id AND t.locale = 'de'
                 ORDER BY t.name",
            )
            .await?,
        })
    }
}
