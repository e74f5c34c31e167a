//! The axum-login backend: e-mail and password checked against the Argon2id hash; disabled
//! accounts and ended session epochs count as signed out.

use crate::db::{Account, Db, DbError};
use axum_login::{AuthUser, AuthnBackend, UserId};

/// A signed-in account. Its session hash changes with the password hash and the session epoch,
/// so a password reset or disabling ends every session of the account (axum-login compares it).
#[derive(Clone, Debug)]
pub struct SignedIn {
    pub account: Account,
    auth_hash: Vec<u8>,
}

impl SignedIn {
    pub fn new(account: Account) -> Self {
        let auth_hash = format!("{}:{}", account.password_hash, account.session_epoch).into_bytes();
        Self { account, auth_hash }
    }
}

impl AuthUser for SignedIn {
    type Id = i64;

    fn id(&self) -> i64 {
        self.account.actor.user_id
    }

    fn session_auth_hash(&self) -> &[u8] {
        &self.auth_hash
    }
}

/// E-mail (normalised) and password as typed.
#[derive(Clone)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

#[derive(Clone, Debug)]
pub struct Backend {
    pub db: Db,
}

/// A valid Argon2id hash of a random password, verified against when the account does not
/// exist so that the answer takes as long as for a real account.
fn decoy_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| password_auth::generate_hash(super::tokens::random_token()))
}

impl AuthnBackend for Backend {
    type User = SignedIn;
    type Credentials = Credentials;
    type Error = DbError;

    async fn authenticate(&self, creds: Credentials) -> Result<Option<SignedIn>, DbError> {
        let account = self.db.get_account_by_email(&creds.email).await?;
        let hash = account.as_ref().map_or_else(|| decoy_hash().to_owned(), |a| a.password_hash.clone());
        let verified = tokio::task::spawn_blocking(move || {
            password_auth::verify_password(creds.password, &hash).is_ok()
        })
        .await
        .unwrap_or(false);
        Ok(account.filter(|a| verified && !a.disabled).map(SignedIn::new))
    }

    async fn get_user(&self, id: &UserId<Self>) -> Result<Option<SignedIn>, DbError> {
        Ok(self.db.get_account(*id).await?.filter(|a| !a.disabled).map(SignedIn::new))
    }
}

/// Hashes a new password with Argon2id (slow on purpose: run off the async threads).
pub async fn hash_password(password: String) -> String {
    tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
        .await
        .expect("hashing does not panic")
}
