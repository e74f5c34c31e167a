//! The city's look: its one row of settings and its logos, saved with an audit entry each.

use super::audit::{insert_audit, json, Change};
use super::offer_edit::claim;
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::identity::{Identity, IdentityValues, Image, ImageRole, Rgb};
use crate::domain::staff::Actor;
use sqlx::FromRow;

/// A logo to store: what it is, what it shows, and the files the server made of the upload.
pub struct NewImage<'a> {
    pub role: ImageRole,
    pub alt: &'a str,
    pub files: &'a crate::media::Prepared,
}

#[derive(FromRow)]
struct IdentityRow {
    version: i64,
    name: String,
    accent: String,
    funding_line: String,
    eu_funded: i64,
}

#[derive(FromRow)]
struct ImageRow {
    id: i64,
    role: String,
    alt: String,
    width: i64,
    height: i64,
    hash: String,
}

impl Db {
    /// The city's look with its logos (not their files).
    pub async fn get_identity(&self) -> Result<Identity, DbError> {
        let row: IdentityRow = sqlx::query_as(
            "SELECT version, name, accent, funding_line, eu_funded FROM identity WHERE id = 1",
        )
        .fetch_one(&self.pool)
        .await?;
        let images: Vec<ImageRow> = sqlx::query_as(
            "SELECT id, role, alt, width, height, hash FROM identity_images ORDER BY role, position, id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut identity = Identity {
            name: row.name,
            accent: Rgb::parse(&row.accent),
            funding_line: row.funding_line,
            eu_funded: row.eu_funded != 0,
            version: row.version,
            logo: None,
            partners: Vec::new(),
        };
        for i in images {
            let image = Image {
                id: i.id,
                hash: i.hash,
                alt: i.alt,
                width: u32::try_from(i.width).unwrap_or(0),
                height: u32::try_from(i.height).unwrap_or(0),
            };
            match ImageRole::from_code(&i.role) {
                Some(ImageRole::Logo) => identity.logo = Some(image),
                Some(ImageRole::Partner) => identity.partners.push(image),
                None => return Err(DbError::Corrupt(format!("image role {}", i.role))),
            }
        }
        Ok(identity)
    }

    /// Saves the settings if `version` is still the stored one (else `Conflict`).
    pub async fn save_identity(
        &self,
        actor: &Actor,
        version: i64,
        settings: &IdentityValues,
    ) -> Result<(), DbError> {
        let before = self.get_identity().await?;
        let mut tx = self.begin_write().await?;
        claim(&mut tx, "identity", 1, version).await?;
        sqlx::query(
            "UPDATE identity SET name = $1, accent = $2, funding_line = $3, eu_funded = $4 WHERE id = 1",
        )
        .bind(&settings.name)
        .bind(settings.accent.map(|c| c.hex()).unwrap_or_default())
        .bind(&settings.funding_line)
        .bind(i64::from(settings.eu_funded))
        .execute(&mut *tx)
        .await?;
        let before = IdentityValues {
            name: before.name,
            accent: before.accent,
            funding_line: before.funding_line,
            eu_funded: before.eu_funded,
        };
        let change = Change {
            entity: Entity::Identity,
            id: 1,
            action: "update",
            before: json(&before),
            after: json(settings),
        };
        insert_audit(&mut tx, Some(actor), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a logo: the city's logo replaces the earlier one, a partner's goes last.
    pub async fn add_identity_image(&self, actor: &Actor, image: &NewImage<'_>) -> Result<i64, DbError> {
        let mut tx = self.begin_write().await?;
        if image.role == ImageRole::Logo {
            sqlx::query("DELETE FROM identity_images WHERE role = 'logo'").execute(&mut *tx).await?;
        }
        let position: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM identity_images WHERE role = $1")
                .bind(image.role.code())
                .fetch_one(&mut *tx)
                .await?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO identity_images (role, position, alt, width, height, hash, small, large)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(image.role.code())
        .bind(position)
        .bind(image.alt)
        .bind(i64::from(image.files.width))
        .bind(i64::from(image.files.height))
        .bind(&image.files.hash)
        .bind(image.files.small.clone())
        .bind(image.files.large.clone())
        .fetch_one(&mut *tx)
        .await?;
        let after =
            serde_json::json!({ "image": id, "role": image.role.code(), "alt": image.alt }).to_string();
        let change =
            Change { entity: Entity::Identity, id: 1, action: "add_image", before: None, after: Some(after) };
        insert_audit(&mut tx, Some(actor), change).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Gives an installation without a look of its own `values` and `images` (the demo city), in
    /// one transaction; an identity once set is left alone. Returns whether it was set now.
    pub async fn seed_identity(
        &self,
        values: &IdentityValues,
        images: &[NewImage<'_>],
    ) -> Result<bool, DbError> {
        let mut tx = self.begin_write().await?;
        let version: i64 =
            sqlx::query_scalar("SELECT version FROM identity WHERE id = 1").fetch_one(&mut *tx).await?;
        let logos: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM identity_images").fetch_one(&mut *tx).await?;
        if version != 1 || logos > 0 {
            return Ok(false);
        }
        sqlx::query("UPDATE identity SET name = $1, accent = $2, funding_line = $3, eu_funded = $4, version = 2 WHERE id = 1")
            .bind(&values.name)
            .bind(values.accent.map(|c| c.hex()).unwrap_or_default())
            .bind(&values.funding_line)
            .bind(i64::from(values.eu_funded))
            .execute(&mut *tx)
            .await?;
        for (position, image) in images.iter().enumerate() {
            sqlx::query(
                "INSERT INTO identity_images (role, position, alt, width, height, hash, small, large)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(image.role.code())
            .bind(position as i64 + 1)
            .bind(image.alt)
            .bind(i64::from(image.files.width))
            .bind(i64::from(image.files.height))
            .bind(&image.files.hash)
            .bind(image.files.small.clone())
            .bind(image.files.large.clone())
            .execute(&mut *tx)
            .await?;
        }
        let change =
            Change { entity: Entity::Identity, id: 1, action: "update", before: None, after: json(values) };
        insert_audit(&mut tx, None, change).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Removes a logo.
    pub async fn delete_identity_image(&self, actor: &Actor, id: i64) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let gone =
            sqlx::query("DELETE FROM identity_images WHERE id = $1").bind(id).execute(&mut *tx).await?;
        if gone.rows_affected() == 0 {
            return Err(DbError::NotFound);
        }
        let before = serde_json::json!({ "image": id }).to_string();
        let change = Change {
            entity: Entity::Identity,
            id: 1,
            action: "delete_image",
            before: Some(before),
            after: None,
        };
        insert_audit(&mut tx, Some(actor), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A logo's screen (`large` false) or print file, if `hash` is still its name.
    pub async fn get_image_png(&self, id: i64, hash: &str, large: bool) -> Result<Vec<u8>, DbError> {
        let sql = if large {
            "SELECT large FROM identity_images WHERE id = $1 AND hash = $2"
        } else {
            "SELECT small FROM identity_images WHERE id = $1 AND hash = $2"
        };
        sqlx::query_scalar(sql).bind(id).bind(hash).fetch_optional(&self.pool).await?.ok_or(DbError::NotFound)
    }
}
