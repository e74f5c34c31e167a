//! The demo city: a plausible, clearly fictional Bottrop with four quarters, loaded on request.

use crate::db::Db;
use crate::domain::document::{validate, CityDocument};
use crate::server::StartError;

/// The demo data set, compiled into the binary.
const DEMO_CITY: &str = include_str!("demo/demo_city.json");

/// Parses and checks the demo document.
pub fn demo_city() -> Result<CityDocument, StartError> {
    let doc: CityDocument = serde_json::from_str(DEMO_CITY).map_err(|e| StartError::Demo(e.to_string()))?;
    validate(&doc).map_err(|errors| {
        StartError::Demo(
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok(doc)
}

/// Loads the demo city unless it is there already. Returns whether it was loaded now.
pub async fn seed_demo(db: &Db) -> Result<bool, StartError> {
    let loaded = db.insert_demo_document(&demo_city()?).await?;
    if loaded {
        tracing::info!("demo city loaded");
    }
    Ok(loaded)
}
