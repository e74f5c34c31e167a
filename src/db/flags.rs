//! Site flags: small facts about the installation, such as "the demo city is loaded".

use super::{Db, DbError};

impl Db {
    /// Reads a flag; `None` when it was never set.
    pub async fn get_flag(&self, key: &str) -> Result<Option<String>, DbError> {
        let value = sqlx::query_scalar("SELECT value FROM site_flags WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(value)
    }
}
