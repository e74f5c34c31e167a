//! Invitation and password-reset links: created by administrators, handed over by hand (no mail
//! server is assumed), used once before they expire. Only a hash of each token is stored.

use super::audit::{insert_audit, Change};
use super::users::{insert_user, set_password, NewUser};
use super::write::now_text;
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::staff::{Actor, Role};
use sqlx::FromRow;

/// What a link is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkPurpose {
    /// A new account with this address, role and scope.
    Invite { email: String, role: Role, organisation: Option<i64>, quarters: Vec<i64> },
    /// A new password for an existing account.
    Reset { user_id: i64 },
}

/// An unused, unexpired link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserLink {
    pub id: i64,
    pub purpose: LinkPurpose,
    pub expires_at: String,
}

#[derive(FromRow)]
struct LinkRow {
    id: i64,
    purpose: String,
    user_id: Option<i64>,
    email: Option<String>,
    role: Option<String>,
    organisation_id: Option<i64>,
    quarter_ids: String,
    expires_at: String,
}

impl Db {
    /// Stores a link whose token hashes to `token_hash`, valid until `expires_at` (RFC 3339 UTC).
    pub async fn create_user_link(
        &self,
        purpose: &LinkPurpose,
        token_hash: &str,
        expires_at: &str,
        by: &Actor,
    ) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let (kind, user, email, role, org, quarters) = match purpose {
            LinkPurpose::Invite { email, role, organisation, quarters } => {
                let q = quarters.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
                ("invite", None, Some(email.clone()), Some(role.code()), *organisation, q)
            }
            LinkPurpose::Reset { user_id } => ("reset", Some(*user_id), None, None, None, String::new()),
        };
        sqlx::query(
            "INSERT INTO user_links (token_hash, purpose, user_id, email, role, organisation_id, quarter_ids,
                created_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(token_hash)
        .bind(kind)
        .bind(user)
        .bind(email)
        .bind(role)
        .bind(org)
        .bind(quarters)
        .bind(by.user_id)
        .bind(now_text())
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        if let Some(user) = user {
            let change =
                Change { entity: Entity::User, id: user, action: "reset_link", before: None, after: None };
            insert_audit(&mut tx, Some(by), change).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The unused, unexpired link with this token hash.
    pub async fn get_user_link(&self, token_hash: &str) -> Result<Option<UserLink>, DbError> {
        let row: Option<LinkRow> = sqlx::query_as(
            "SELECT id, purpose, user_id, email, role, organisation_id, quarter_ids, expires_at
             FROM user_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now_text())
        .fetch_optional(&self.pool)
        .await?;
        row.map(link).transpose()
    }

    /// Uses a link: creates the invited account (with `name`) or replaces the password, and marks
    /// the link used, all in one transaction. `NotFound` when the link is used or expired.
    pub async fn use_user_link(
        &self,
        token_hash: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<i64, DbError> {
        let mut tx = self.begin_write().await?;
        let row: Option<LinkRow> = sqlx::query_as(
            "SELECT id, purpose, user_id, email, role, organisation_id, quarter_ids, expires_at
             FROM user_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(now_text())
        .fetch_optional(&mut *tx)
        .await?;
        let link = row.map(link).transpose()?.ok_or(DbError::NotFound)?;
        let user = match link.purpose {
            LinkPurpose::Invite { email, role, organisation, quarters } => {
                let new = NewUser {
                    email,
                    name: name.to_owned(),
                    password_hash: password_hash.to_owned(),
                    role,
                    organisation,
                    quarters,
                };
                insert_user(&mut tx, &new, None).await?
            }
            LinkPurpose::Reset { user_id } => {
                set_password(&mut tx, user_id, password_hash).await?;
                let change = Change {
                    entity: Entity::User,
                    id: user_id,
                    action: "password",
                    before: None,
                    after: None,
                };
                insert_audit(&mut tx, None, change).await?;
                user_id
            }
        };
        sqlx::query("UPDATE user_links SET used_at = $1 WHERE id = $2")
            .bind(now_text())
            .bind(link.id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(user)
    }
}

fn link(r: LinkRow) -> Result<UserLink, DbError> {
    let purpose = match (r.purpose.as_str(), r.user_id) {
        ("reset", Some(user_id)) => LinkPurpose::Reset { user_id },
        ("invite", None) => LinkPurpose::Invite {
            email: r.email.ok_or_else(|| DbError::Corrupt("invite without e-mail".into()))?,
            role: super::error::decode("role", r.role.as_deref().unwrap_or(""))?,
            organisation: r.organisation_id,
            quarters: r.quarter_ids.split(',').filter_map(|q| q.parse().ok()).collect(),
        },
        _ => return Err(DbError::Corrupt(format!("user link {}", r.id))),
    };
    Ok(UserLink { id: r.id, purpose, expires_at: r.expires_at })
}
