//! School holidays per region: read for the occurrence rules, written by the holiday import.

use super::error::decode;
use super::{Db, DbError};
use crate::domain::holidays::SchoolHoliday;
use sqlx::FromRow;

#[derive(FromRow)]
struct HolidayRow {
    name: String,
    first_day: String,
    last_day: String,
}

impl Db {
    /// School holidays of a region, by first day.
    pub async fn list_school_holidays(&self, region: &str) -> Result<Vec<SchoolHoliday>, DbError> {
        let rows: Vec<HolidayRow> = sqlx::query_as(
            "SELECT name, first_day, last_day FROM school_holidays WHERE region = $1 ORDER BY first_day",
        )
        .bind(region)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(SchoolHoliday {
                    name: r.name,
                    first_day: decode("first_day", &r.first_day)?,
                    last_day: decode("last_day", &r.last_day)?,
                })
            })
            .collect()
    }

    /// Adds school holidays of a region in one transaction; a period with the same first day is
    /// replaced. Returns how many were written.
    pub async fn upsert_school_holidays(
        &self,
        region: &str,
        holidays: &[SchoolHoliday],
    ) -> Result<usize, DbError> {
        let mut tx = self.begin_write().await?;
        for h in holidays {
            sqlx::query(
                "INSERT INTO school_holidays (region, name, first_day, last_day) VALUES ($1, $2, $3, $4)
                 ON CONFLICT (region, first_day) DO UPDATE SET name = excluded.name, last_day = excluded.last_day",
            )
            .bind(region)
            .bind(&h.name)
            .bind(h.first_day.to_string())
            .bind(h.last_day.to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(holidays.len())
    }
}
