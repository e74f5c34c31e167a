//! Staff see per offer which languages are translated and which are stale: a change to the German
//! text makes every translation written before it stale; rewriting one makes that one current.

mod common;

use axum::http::StatusCode;
use common::staff::*;
use common::Kind;
use leptos::config::get_configuration;
use quartiersboard::domain::offer_form::OfferForm;
use quartiersboard::domain::staff_offer::Translation;
use quartiersboard::serverfns::offers::{GetStaffOffers, SaveOffer, StaffOffers};

async fn states(c: &mut Client, slug: &str) -> Vec<(String, Translation)> {
    let r = c.call(path_of::<GetStaffOffers>(), &format!("query=q%3D{slug}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let page: StaffOffers = serde_json::from_str(&r.body).unwrap();
    page.rows.into_iter().find(|r| r.slug == slug).unwrap().translations
}

fn body(id: i64, form: &OfferForm) -> String {
    #[derive(serde::Serialize)]
    struct Args<'a> {
        id: i64,
        form: &'a OfferForm,
    }
    serde_qs::to_string(&Args { id, form }).unwrap()
}

async fn german_change_makes_translations_stale(kind: Kind) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap();
    let mut editor = Client::new(&app);
    editor.sign_in(EDITOR_A).await;
    let slug = "krabbelcafe-sonnenblume";
    let before = states(&mut editor, slug).await;
    assert!(before.iter().any(|(l, _)| l == "ru"));
    assert!(before.iter().all(|(_, s)| *s == Translation::Current), "{before:?}");

    // Texts carry their write time to the second: let the demo's second pass first.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let id = t.db.get_offer_id(slug).await.unwrap();
    let r = editor
        .call(path_of::<SaveOffer>(), &retitle_body(&t.db, id, "Krabbelcafé mit Spielecke").await)
        .await;
    assert!(r.status.is_success(), "{}", r.body);
    let after = states(&mut editor, slug).await;
    assert!(after.iter().all(|(_, s)| *s == Translation::Stale), "{after:?}");

    // A second later the Russian text is rewritten: Russian is current again, the rest stay stale.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let s = t.db.get_stored_offer(id).await.unwrap();
    let mut form = OfferForm::from_record(&s.record, s.version);
    form.texts.get_mut("ru").unwrap().title = "Кафе для малышей с игровым уголком".into();
    let r = editor.call(path_of::<SaveOffer>(), &body(id, &form)).await;
    assert!(r.status.is_success(), "{}", r.body);
    let now = states(&mut editor, slug).await;
    for (lang, state) in &now {
        let want = if lang == "ru" { Translation::Current } else { Translation::Stale };
        assert_eq!(*state, want, "{lang}");
    }
    let page = editor.get(&format!("/de/staff?q={slug}")).await.body;
    assert!(page.contains(r#"<li class="lang-current">ru"#), "{page}");
    assert!(page.contains(r#"<li class="lang-stale">ar"#));
}

on_both!(german_change_makes_translations_stale);
