//! Storage layer against a real SQLite file: migrations, the demo city, board and offer queries.

mod common;

use quartiersboard::db::DbError;
use quartiersboard::demo::demo_city;

/// Migrations apply to an empty file and a second run is a no-op.
async fn migrations_apply_twice(kind: common::Kind) {
    let t = common::empty(kind).await;
    t.db.migrate().await.expect("second migrate");
    assert!(t.db.list_quarters("de").await.unwrap().is_empty());
}

/// Seeding loads the four quarters once; seeding again changes nothing.
async fn seed_demo_is_idempotent(kind: common::Kind) {
    let t = common::with_demo(kind).await;
    let names: Vec<_> = t.db.list_quarters("de").await.unwrap().into_iter().map(|q| q.name).collect();
    assert_eq!(names, ["Altstadt", "Batenbrock-Süd", "Nord-Ost", "Welheim"]);
    assert!(!quartiersboard::demo::seed_demo(&t.db, common::today()).await.unwrap());
    assert_eq!(t.db.list_quarters("de").await.unwrap().len(), 4);
    assert_eq!(t.db.get_flag("demo").await.unwrap().as_deref(), Some("1"));
}

/// The board lists exactly the published offers of the quarter, with their schedules.
async fn board_lists_published_offers_of_quarter(kind: common::Kind) {
    let t = common::with_demo(kind).await;
    let doc = demo_city().unwrap();
    let expected: std::collections::BTreeSet<_> = doc
        .offers
        .iter()
        .filter(|o| o.quarters.iter().any(|q| q == "welheim"))
        .filter(|o| o.status == quartiersboard::domain::category::OfferStatus::Published)
        .map(|o| o.slug.clone())
        .collect();
    let (quarter, offers, places) = t.db.get_board_parts("de", "welheim").await.unwrap();
    assert_eq!(quarter.name, "Welheim");
    let got: std::collections::BTreeSet<_> = offers.iter().map(|o| o.slug.clone()).collect();
    assert_eq!(got, expected);
    assert!(expected.len() >= 10);
    for o in &offers {
        let record = doc.offers.iter().find(|r| r.slug == o.slug).unwrap();
        assert_eq!(o.schedules.len(), record.schedules.len(), "{}", o.slug);
    }
    assert!(places.iter().any(|p| p.offer_count > 0));
}

/// Drafts and archived offers are not shown, neither on boards nor as pages.
async fn unpublished_offers_are_hidden(kind: common::Kind) {
    let t = common::with_demo(kind).await;
    let doc = demo_city().unwrap();
    let hidden: Vec<_> = doc
        .offers
        .iter()
        .filter(|o| o.status != quartiersboard::domain::category::OfferStatus::Published)
        .collect();
    assert!(!hidden.is_empty());
    for o in hidden {
        assert!(matches!(t.db.get_offer("de", &o.slug).await, Err(DbError::NotFound)), "{}", o.slug);
        for q in &o.quarters {
            let (_, offers, _) = t.db.get_board_parts("de", q).await.unwrap();
            assert!(offers.iter().all(|b| b.slug != o.slug));
        }
    }
}

/// An offer page returns what was written, with translation where there is one and German otherwise.
async fn offer_detail_round_trips_with_translation_fallback(kind: common::Kind) {
    let t = common::with_demo(kind).await;
    let doc = demo_city().unwrap();
    let translated = doc.offers.iter().find(|o| o.translations.contains_key("en")).unwrap();
    let detail = t.db.get_offer("en", &translated.slug).await.unwrap();
    assert_eq!(detail.lang, "en");
    assert_eq!(detail.title, translated.translations["en"].title);
    assert_eq!(detail.schedules.len(), translated.schedules.len());
    assert_eq!(detail.ages.min, translated.age_min);
    assert_eq!(detail.place.slug, translated.place);
    assert_eq!(detail.organisation.slug, translated.organisation);

    let plain = doc
        .offers
        .iter()
        .find(|o| {
            o.translations.is_empty() && o.status == quartiersboard::domain::category::OfferStatus::Published
        })
        .unwrap();
    let detail = t.db.get_offer("en", &plain.slug).await.unwrap();
    assert_eq!(detail.lang, "de");
    assert_eq!(detail.title, plain.title);
    assert_eq!(detail.description, plain.description);
}

/// Unknown slugs are `NotFound`, not errors.
async fn unknown_slugs_are_not_found(kind: common::Kind) {
    let t = common::with_demo(kind).await;
    assert!(matches!(t.db.get_board_parts("de", "atlantis").await, Err(DbError::NotFound)));
    assert!(matches!(t.db.get_offer("de", "no-such-offer").await, Err(DbError::NotFound)));
}

/// Search finds German words typed without ß or umlauts, and the other way round.
async fn search_folds_german_spellings(kind: common::Kind) {
    let t = common::with_demo(kind).await;
    for typed in ["Fußball", "Fussball", "fussb", "Gespräch", "Gespraech", "Gesprach"] {
        let found = t.db.search_offers("welheim", typed).await.unwrap();
        let wanted =
            if typed.starts_with('G') { "krabbelcafe-sonnenblume" } else { "kinderfussball-tv-welheim" };
        assert!(found.contains(wanted), "{typed}: {found:?}");
    }
    assert!(t.db.search_offers("welheim", "Fussballxyz").await.unwrap().is_empty());
}

/// A document that fails half-way leaves nothing behind: the demo load is one transaction.
async fn failed_load_writes_nothing(kind: common::Kind) {
    let t = common::empty(kind).await;
    let mut doc = demo_city().unwrap();
    let dup = doc.offers[0].clone();
    doc.offers.push(dup); // violates the unique slug at the very end
    assert!(t.db.insert_demo_document(&doc).await.is_err());
    assert!(t.db.list_quarters("de").await.unwrap().is_empty());
    assert_eq!(t.db.get_flag("demo").await.unwrap(), None);
}

/// A database from the foundation (weekly slots) migrates to schedules without losing a slot.
#[tokio::test]
async fn weekly_slots_migrate_to_schedules() {
    use sqlx::any::AnyPoolOptions;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/old.db?mode=rwc", dir.path().display());
    sqlx::any::install_default_drivers();
    let pool = AnyPoolOptions::new().connect(&url).await.unwrap();
    // Apply only the first migration, as a foundation-era installation had it.
    let first = dir.path().join("first");
    std::fs::create_dir(&first).unwrap();
    std::fs::copy("migrations/sqlite/20261121000001_init.sql", first.join("20261121000001_init.sql"))
        .unwrap();
    sqlx::migrate::Migrator::new(first.as_path()).await.unwrap().run(&pool).await.unwrap();
    for sql in [
        "INSERT INTO quarters (id, slug, office_name, office_street, office_postcode, office_city) VALUES (1, 'welheim', 'Büro', 'Str. 1', '46238', 'Bottrop')",
        "INSERT INTO quarter_texts VALUES (1, 'de', 'Welheim', 'Quartier', 'Mo 9-12')",
        "INSERT INTO organisations (id, slug, name, kind) VALUES (1, 'verein', 'Verein', 'club')",
        "INSERT INTO places (id, slug, name, street, postcode, city, quarter_id) VALUES (1, 'halle', 'Halle', 'Str. 2', '46238', 'Bottrop', 1)",
        "INSERT INTO offers (id, slug, organisation_id, place_id, category, is_free, registration_required, status, last_confirmed) VALUES (1, 'turnen', 1, 1, 'sport', 1, 0, 'published', '2026-11-01')",
        "INSERT INTO offer_texts (offer_id, locale, title, description) VALUES (1, 'de', 'Turnen', 'Turnen für Kinder')",
        "INSERT INTO offer_quarters VALUES (1, 1)",
        "INSERT INTO weekly_slots (offer_id, weekday, start_time, end_time) VALUES (1, 2, '15:00', '16:00'), (1, 4, '16:00', '17:00')",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap();
    }
    pool.close().await;
    let db = quartiersboard::db::Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    let offer = db.get_offer("de", "turnen").await.unwrap();
    use quartiersboard::domain::schedule::{Rule, Times};
    let mut got: Vec<_> = offer
        .schedules
        .iter()
        .map(|s| match (&s.rule, s.times) {
            (Rule::Weekly { interval: 1, days }, Times::Timed { start, .. }) => {
                (days.iter().map(|d| d.number_from_monday()).collect::<Vec<_>>(), start.to_string())
            }
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    got.sort();
    assert_eq!(got, [(vec![2], "15:00:00".to_owned()), (vec![4], "16:00:00".to_owned())]);
}

on_both!(
    migrations_apply_twice,
    seed_demo_is_idempotent,
    board_lists_published_offers_of_quarter,
    unpublished_offers_are_hidden,
    offer_detail_round_trips_with_translation_fallback,
    unknown_slugs_are_not_found,
    failed_load_writes_nothing,
    search_folds_german_spellings,
);
