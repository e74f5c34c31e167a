//! Staff accounts: sign-in lookups, the user list, disabling, passwords and second factors.

use super::audit::{insert_audit, Change};
use super::error::decode;
use super::write::now_text;
use super::{Db, DbError};
use crate::domain::audit::Entity;
use crate::domain::staff::{Actor, Role, StaffUser};
use sqlx::{AnyConnection, FromRow};

/// A staff account with what signing in needs. Deliberately not `Serialize`: the password
/// hash and second-factor secret never leave the server.
#[derive(Clone, Debug)]
pub struct Account {
    pub actor: Actor,
    pub password_hash: String,
    /// Changes whenever every session of the account must end.
    pub session_epoch: i64,
    pub disabled: bool,
    pub totp_secret: Option<String>,
}

/// A new account as an invitation or `create-admin` describes it.
#[derive(Clone, Debug)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub password_hash: String,
    pub role: Role,
    pub organisation: Option<i64>,
    pub quarters: Vec<i64>,
}

#[derive(FromRow)]
struct AccountRow {
    id: i64,
    email: String,
    name: String,
    password_hash: String,
    role: String,
    organisation_id: Option<i64>,
    disabled: i64,
    session_epoch: i64,
    totp_secret: Option<String>,
}

#[derive(FromRow)]
struct UserRow {
    id: i64,
    email: String,
    name: String,
    role: String,
    organisation: Option<String>,
    disabled: i64,
    totp: i64,
}

const ACCOUNT_COLUMNS: &str =
    "id, email, name, password_hash, role, organisation_id, disabled, session_epoch, totp_secret";

impl Db {
    /// The account with this (normalised) e-mail address.
    pub async fn get_account_by_email(&self, email: &str) -> Result<Option<Account>, DbError> {
        let row: Option<AccountRow> =
            sqlx::query_as(&format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE email = $1"))
                .bind(email)
                .fetch_optional(&self.pool)
                .await?;
        self.account(row).await
    }

    /// The account with this id.
    pub async fn get_account(&self, id: i64) -> Result<Option<Account>, DbError> {
        let row: Option<AccountRow> =
            sqlx::query_as(&format!("SELECT {ACCOUNT_COLUMNS} FROM users WHERE id = $1"))
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        self.account(row).await
    }

    async fn account(&self, row: Option<AccountRow>) -> Result<Option<Account>, DbError> {
        let Some(r) = row else { return Ok(None) };
        let quarters: Vec<i64> =
            sqlx::query_scalar("SELECT quarter_id FROM user_quarters WHERE user_id = $1 ORDER BY quarter_id")
                .bind(r.id)
                .fetch_all(&self.pool)
                .await?;
        Ok(Some(Account {
            actor: Actor {
                user_id: r.id,
                email: r.email,
                name: r.name,
                role: decode("role", &r.role)?,
                organisation: r.organisation_id,
                quarters,
            },
            password_hash: r.password_hash,
            session_epoch: r.session_epoch,
            disabled: r.disabled != 0,
            totp_secret: r.totp_secret,
        }))
    }

    /// Creates an account (by `by`, or the command line); `Duplicate` when the address is taken.
    pub async fn create_user(&self, new: &NewUser, by: Option<&Actor>) -> Result<i64, DbError> {
        let mut tx = self.begin_write().await?;
        let id = insert_user(&mut tx, new, by).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Every account, for administrators.
    pub async fn list_users(&self) -> Result<Vec<StaffUser>, DbError> {
        let rows: Vec<UserRow> = sqlx::query_as(
            "SELECT u.id, u.email, u.name, u.role, o.name AS organisation, u.disabled,
                CASE WHEN u.totp_secret IS NULL THEN 0 ELSE 1 END AS totp
             FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id ORDER BY u.email",
        )
        .fetch_all(&self.pool)
        .await?;
        let pairs: Vec<(i64, String)> = sqlx::query_as(
            "SELECT uq.user_id, t.name FROM user_quarters uq
             JOIN quarter_texts t ON t.quarter_id = uq.quarter_id AND t.locale = 'de' ORDER BY t.name",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(StaffUser {
                    quarters: pairs.iter().filter(|(u, _)| *u == r.id).map(|(_, n)| n.clone()).collect(),
                    id: r.id,
                    email: r.email,
                    name: r.name,
                    role: decode("role", &r.role)?,
                    organisation: r.organisation,
                    disabled: r.disabled != 0,
                    totp: r.totp != 0,
                })
            })
            .collect()
    }

    /// Disables or re-enables an account. Either way its sessions end at once.
    pub async fn set_user_disabled(&self, id: i64, disabled: bool, by: &Actor) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        let n = sqlx::query(
            "UPDATE users SET disabled = $1, session_epoch = session_epoch + 1, version = version + 1
             WHERE id = $2",
        )
        .bind(i64::from(disabled))
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(DbError::NotFound);
        }
        let action = if disabled { "disable" } else { "enable" };
        let change = Change { entity: Entity::User, id, action, before: None, after: None };
        insert_audit(&mut tx, Some(by), change).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that a second-factor code of time step `step` was used; `false` when that step (or
    /// a later one) was used before, so a code cannot be replayed. Atomic against a parallel use.
    pub async fn claim_totp_step(&self, id: i64, step: u64) -> Result<bool, DbError> {
        let step = i64::try_from(step).map_err(|e| DbError::Corrupt(e.to_string()))?;
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE users SET totp_last_step = $1 WHERE id = $2 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(done == 1)
    }

    /// Stores or removes (`None`) the second-factor secret of an account.
    pub async fn set_totp_secret(&self, id: i64, secret: Option<&str>) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE users SET totp_secret = $1, totp_last_step = NULL, session_epoch = session_epoch + 1 WHERE id = $2",
        )
            .bind(secret)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let action = if secret.is_some() { "totp_enrol" } else { "totp_remove" };
        insert_audit(&mut tx, None, Change { entity: Entity::User, id, action, before: None, after: None })
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Whether each role must use a second factor.
    pub async fn list_role_settings(&self) -> Result<Vec<(Role, bool)>, DbError> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT role, require_totp FROM role_settings").fetch_all(&self.pool).await?;
        rows.into_iter().map(|(r, t)| Ok((decode("role", &r)?, t != 0))).collect()
    }

    /// Requires (or stops requiring) a second factor for a role.
    pub async fn set_role_totp(&self, role: Role, required: bool, by: &Actor) -> Result<(), DbError> {
        let mut tx = self.begin_write().await?;
        sqlx::query("UPDATE role_settings SET require_totp = $1 WHERE role = $2")
            .bind(i64::from(required))
            .bind(role.code())
            .execute(&mut *tx)
            .await?;
        let after = Some(serde_json::json!({ "role": role.code(), "require_totp": required }).to_string());
        insert_audit(
            &mut tx,
            Some(by),
            Change { entity: Entity::User, id: 0, action: "role_totp", before: None, after },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Inserts an account inside the caller's transaction.
pub(crate) async fn insert_user(
    conn: &mut AnyConnection,
    new: &NewUser,
    by: Option<&Actor>,
) -> Result<i64, DbError> {
    let taken: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind(&new.email)
        .fetch_optional(&mut *conn)
        .await?;
    if taken.is_some() {
        return Err(DbError::Duplicate("users.email"));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, name, password_hash, role, organisation_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&new.email)
    .bind(&new.name)
    .bind(&new.password_hash)
    .bind(new.role.code())
    .bind(new.organisation)
    .bind(now_text())
    .fetch_one(&mut *conn)
    .await?;
    for q in &new.quarters {
        sqlx::query("INSERT INTO user_quarters (user_id, quarter_id) VALUES ($1, $2)")
            .bind(id)
            .bind(q)
            .execute(&mut *conn)
            .await?;
    }
    let after = Some(serde_json::json!({ "email": new.email, "role": new.role.code() }).to_string());
    insert_audit(conn, by, Change { entity: Entity::User, id, action: "create", before: None, after })
        .await?;
    Ok(id)
}

/// Replaces an account's password hash inside the caller's transaction; its sessions end.
pub(crate) async fn set_password(conn: &mut AnyConnection, id: i64, hash: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET password_hash = $1, session_epoch = session_epoch + 1 WHERE id = $2")
        .bind(hash)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
