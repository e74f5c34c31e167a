//! Editing places and organisations from the staff area (quarters: `quarter_edit`): read one as its record with
//! version and scope, create, and save with optimistic concurrency and an audit entry.

use super::audit::{insert_audit, json, Change};
use super::directory_rows::{insert_organisation, insert_place, write_organisation_texts, write_place_texts};
use super::error::decode;
use super::offer_edit::claim;
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::document::{OrganisationRecord, PlaceRecord};
use crate::domain::policy::Scope;
use crate::domain::staff::Actor;
use sqlx::{AnyConnection, FromRow};

/// A stored place with its version and what it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredPlace {
    pub id: i64,
    pub version: i64,
    pub record: PlaceRecord,
    pub scope: Scope,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StoredOrganisation {
    pub id: i64,
    pub version: i64,
    pub record: OrganisationRecord,
    pub scope: Scope,
}

#[derive(FromRow)]
struct PlaceRow {
    id: i64,
    version: i64,
    slug: String,
    name: String,
    street: String,
    postcode: String,
    city: String,
    quarter_id: i64,
    quarter: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    step_free: i64,
    accessible_toilet: i64,
    opening_hours: Option<String>,
    organisation_id: Option<i64>,
    organisation: Option<String>,
}

#[derive(FromRow)]
struct OrganisationRow {
    id: i64,
    version: i64,
    slug: String,
    name: String,
    kind: String,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    description: Option<String>,
    editors_publish: i64,
}

async fn id_of(conn: &mut AnyConnection, table: &'static str, slug: &str) -> Result<i64, DbError> {
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| DbError::Corrupt(format!("unknown {table} {slug:?}")))
}

async fn ensure_slug_free(
    conn: &mut AnyConnection,
    table: &'static str,
    slug: &str,
    except: Option<i64>,
) -> Result<(), DbError> {
    let other: Option<i64> = sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(&mut *conn)
        .await?;
    match other {
        Some(id) if Some(id) != except => {
            Err(DbError::Duplicate(if table == "places" { "places.slug" } else { "organisations.slug" }))
        }
        _ => Ok(()),
    }
}

impl Db {
    /// The place with this id.
    pub async fn get_stored_place(&self, id: i64) -> Result<StoredPlace, DbError> {
        let r: PlaceRow = sqlx::query_as(
            "SELECT p.id, p.version, p.slug, p.name, p.street, p.postcode, p.city, p.quarter_id, q.slug AS quarter,
                p.latitude, p.longitude, p.step_free, p.accessible_toilet, t.opening_hours,
                p.organisation_id, g.slug AS organisation
             FROM places p JOIN quarters q ON q.id = p.quarter_id
             LEFT JOIN place_texts t ON t.place_id = p.id AND t.locale = 'de'
             LEFT JOIN organisations g ON g.id = p.organisation_id
             WHERE p.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(DbError::NotFound)?;
        let names: Vec<(String, String)> =
            sqlx::query_as("SELECT locale, name FROM place_names WHERE place_id = $1")
                .bind(id)
                .fetch_all(&self.pool)
                .await?;
        Ok(StoredPlace {
            id: r.id,
            version: r.version,
            scope: Scope {
                organisation: r.organisation_id,
                quarters: vec![r.quarter_id],
                ..Default::default()
            },
            record: PlaceRecord {
                slug: r.slug,
                name: r.name,
                street: r.street,
                postcode: r.postcode,
                city: r.city,
                quarter: r.quarter,
                lat: r.latitude,
                lon: r.longitude,
                step_free: r.step_free != 0,
                accessible_toilet: r.accessible_toilet != 0,
                opening_hours: r.opening_hours,
                name_translations: names.into_iter().collect(),
                organisation: r.organisation,
            },
        })
    }

    /// Creates a place from a checked record; `Duplicate` when the slug is taken.
    pub async fn create_place(&self, p: &PlaceRecord, by: &Actor) -> Result<i64, DbError> {
        let mut tx = self.begin_write().await?;
        ensure_slug_free(&mut tx, "places", &p.slug, None).await?;
        let quarter = id_of(&mut tx, "quarters", &p.quarter).await?;
        let owner = match &p.organisation {
            Some(o) => Some(id_of(&mut tx, "organisations", o).await?),
            None => None,
        };
        let id = insert_place(&mut tx, p, quarter, owner).await?;
        insert_audit(
            &mut tx,
            Some(by),
            Change { entity: Entity::Place, id, action: "create", before: None, after: json(p) },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves `p` over `before` (the version the editor started from).
    pub async fn update_place(
        &self,
        before: &StoredPlace,
        p: &PlaceRecord,
        by: &Actor,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        claim(&mut tx, "places", before.id, before.version).await?;
        ensure_slug_free(&mut tx, "places", &p.slug, Some(before.id)).await?;
        let quarter = id_of(&mut tx, "quarters", &p.quarter).await?;
        let owner = match &p.organisation {
            Some(o) => Some(id_of(&mut tx, "organisations", o).await?),
            None => None,
        };
        sqlx::query(
            "UPDATE places SET slug = $1, name = $2, street = $3, postcode = $4, city = $5, quarter_id = $6,
                latitude = $7, longitude = $8, step_free = $9, accessible_toilet = $10, organisation_id = $11
             WHERE id = $12",
        )
        .bind(&p.slug)
        .bind(&p.name)
        .bind(&p.street)
        .bind(&p.postcode)
        .bind(&p.city)
        .bind(quarter)
        .bind(p.lat)
        .bind(p.lon)
        .bind(i64::from(p.step_free))
        .bind(i64::from(p.accessible_toilet))
        .bind(owner)
        .bind(before.id)
        .execute(&mut *tx)
        .await?;
        write_place_texts(&mut tx, before.id, p).await?;
        let change = Change {
            entity: Entity::Place,
            id: before.id,
            action: "update",
            before: json(&before.record),
            after: json(p),
        };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The organisation with this id; its scope's quarters are those of its offers and places.
    pub async fn get_stored_organisation(&self, id: i64) -> Result<StoredOrganisation, DbError> {
        let r: OrganisationRow = sqlx::query_as(
            "SELECT g.id, g.version, g.slug, g.name, g.kind, g.phone, g.email, g.website, t.description,
                g.editors_publish
             FROM organisations g LEFT JOIN organisation_texts t ON t.organisation_id = g.id AND t.locale = 'de'
             WHERE g.id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(DbError::NotFound)?;
        let quarters: Vec<i64> = sqlx::query_scalar(
            "SELECT oq.quarter_id FROM offers o JOIN offer_quarters oq ON oq.offer_id = o.id WHERE o.organisation_id = $1
             UNION SELECT quarter_id FROM places WHERE organisation_id = $1",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        Ok(StoredOrganisation {
            id: r.id,
            version: r.version,
            scope: Scope {
                organisation: Some(r.id),
                quarters,
                published: false,
                editors_publish: r.editors_publish != 0,
            },
            record: OrganisationRecord {
                slug: r.slug,
                name: r.name,
                kind: decode("kind", &r.kind)?,
                phone: r.phone,
                email: r.email,
                website: r.website,
                description: r.description.unwrap_or_default(),
                editors_publish: r.editors_publish != 0,
            },
        })
    }

    /// Creates an organisation; `Duplicate` when the slug is taken.
    pub async fn create_organisation(&self, o: &OrganisationRecord, by: &Actor) -> Result<i64, DbError> {
        let mut tx = self.begin_write().await?;
        ensure_slug_free(&mut tx, "organisations", &o.slug, None).await?;
        let id = insert_organisation(&mut tx, o).await?;
        let change =
            Change { entity: Entity::Organisation, id, action: "create", before: None, after: json(o) };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Saves `o` over `before`.
    pub async fn update_organisation(
        &self,
        before: &StoredOrganisation,
        o: &OrganisationRecord,
        by: &Actor,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        claim(&mut tx, "organisations", before.id, before.version).await?;
        ensure_slug_free(&mut tx, "organisations", &o.slug, Some(before.id)).await?;
        sqlx::query(
            "UPDATE organisations SET slug = $1, name = $2, kind = $3, phone = $4, email = $5, website = $6,
                editors_publish = $7 WHERE id = $8",
        )
        .bind(&o.slug)
        .bind(&o.name)
        .bind(o.kind.code())
        .bind(&o.phone)
        .bind(&o.email)
        .bind(&o.website)
        .bind(i64::from(o.editors_publish))
        .bind(before.id)
        .execute(&mut *tx)
        .await?;
        write_organisation_texts(&mut tx, before.id, o).await?;
        let change = Change {
            entity: Entity::Organisation,
            id: before.id,
            action: "update",
            before: json(&before.record),
            after: json(o),
        };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Places, organisations and quarters for the staff list: (kind, id, slug, name, scope).
    pub async fn list_directory_records(&self) -> Result<Vec<(Entity, i64, String, String, Scope)>, DbError> {
        let mut out = Vec::new();
        let places: Vec<(i64, String, String, i64, Option<i64>)> =
            sqlx::query_as("SELECT id, slug, name, quarter_id, organisation_id FROM places ORDER BY name")
                .fetch_all(&self.pool)
                .await?;
        for (id, slug, name, q, org) in places {
            out.push((
                Entity::Place,
                id,
                slug,
                name,
                Scope { organisation: org, quarters: vec![q], ..Default::default() },
            ));
        }
        let orgs: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, slug, name FROM organisations ORDER BY name")
                .fetch_all(&self.pool)
                .await?;
        let org_quarters: Vec<(i64, i64)> = sqlx::query_as(
            "SELECT o.organisation_id, oq.quarter_id FROM offers o JOIN offer_quarters oq ON oq.offer_id = o.id
             UNION SELECT organisation_id, quarter_id FROM places WHERE organisation_id IS NOT NULL",
        )
        .fetch_all(&self.pool)
        .await?;
        for (id, slug, name) in orgs {
            let quarters = org_quarters.iter().filter(|(o, _)| *o == id).map(|(_, q)| *q).collect();
            out.push((
                Entity::Organisation,
                id,
                slug,
                name,
                Scope { organisation: Some(id), quarters, ..Default::default() },
            ));
        }
        let quarters: Vec<(i64, String, String)> = sqlx::query_as(
            "SELECT q.id, q.slug, t.name FROM quarters q JOIN quarter_texts t ON t.quarter_id = q.id AND t.locale = 'de'
             ORDER BY t.name",
        )
        .fetch_all(&self.pool)
        .await?;
        for (id, slug, name) in quarters {
            out.push((Entity::Quarter, id, slug, name, Scope { quarters: vec![id], ..Default::default() }));
        }
        Ok(out)
    }
}
