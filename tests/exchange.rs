//! The documented import format end to end: the demo city exported, checked against the JSON
//! Schema in `docs/`, imported into an empty database of the other kind (SQLite ↔ PostgreSQL) with
//! every record in the audit log, and exported again to the very same document.

mod common;

use common::Kind;
use quartiersboard::domain::audit::Entity;
use quartiersboard::domain::exchange;

const TZ: &str = "Europe/Berlin";

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string("docs/import-format.schema.json").unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
}

async fn export_text(db: &quartiersboard::db::Db) -> String {
    serde_json::to_string_pretty(&exchange::export(db.export_document().await.unwrap(), TZ)).unwrap()
}

/// export → import into an empty database of the other kind → export gives the same document.
async fn round_trip(kind: Kind) {
    let source = common::with_demo(kind).await;
    let first = export_text(&source.db).await;
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    let problems: Vec<String> =
        schema().iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(problems.is_empty(), "{problems:#?}");

    let other = match kind {
        Kind::Sqlite => Kind::Postgres,
        Kind::Postgres => Kind::Sqlite,
    };
    let target = common::empty(other).await;
    let doc = exchange::parse(&first, TZ).unwrap();
    assert!(target.db.find_taken_slugs(&doc).await.unwrap().is_empty());
    let mut seen = Vec::new();
    target.db.import_document(&doc, None, &mut |done, total| seen.push((done, total))).await.unwrap();
    let records = doc.quarters.len() + doc.organisations.len() + doc.places.len() + doc.offers.len();
    assert_eq!(seen.last(), Some(&(records, records)), "progress reaches the end");
    assert_eq!(export_text(&target.db).await, first);

    let id = target.db.get_offer_id(&doc.offers[0].slug).await.unwrap();
    let audit = target.db.list_audit(Entity::Offer, id).await.unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!((audit[0].action.as_str(), audit[0].actor.as_str()), ("import", "cli"));

    // Importing the same document again adds nothing: every slug is named as taken.
    let taken = target.db.find_taken_slugs(&doc).await.unwrap();
    assert_eq!(taken.len(), records);
    assert!(taken.iter().any(|e| e.path == format!("offers/{}", doc.offers[0].slug)));
}

on_both!(round_trip);

/// The schema refuses what the importer refuses: a wrong category, a negative age, an unknown field.
#[tokio::test]
async fn schema_refuses_nonsense() {
    let t = common::sqlite_with_demo().await;
    let mut value: serde_json::Value = serde_json::from_str(&export_text(&t.db).await).unwrap();
    value["offers"][0]["category"] = "bowling".into();
    value["offers"][1]["age_min"] = (-3).into();
    value["offers"][2]["schedules"][0]["rrules"] = "FREQ=WEEKLY".into();
    let paths: Vec<String> = schema().iter_errors(&value).map(|e| e.instance_path().to_string()).collect();
    for path in ["/offers/0/category", "/offers/1/age_min", "/offers/2/schedules/0"] {
        assert!(paths.iter().any(|p| p == path), "{path} not in {paths:?}");
    }
    assert!(exchange::parse(&value.to_string(), TZ).is_err());
}
