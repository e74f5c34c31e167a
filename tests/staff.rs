//! The staff area over HTTP, in-process on a real SQLite file: signing in and out, rate limits,
//! sessions ending, no-JS form posts, conflicts, validation, audit log, cross-site requests.

mod common;

use axum::http::StatusCode;
use common::staff::*;
use leptos::config::get_configuration;
use quartiersboard::serverfns::account::SignOut;
use quartiersboard::serverfns::offers::{SaveOffer, SetOfferStatus};

async fn app(kind: common::Kind) -> (axum::Router, common::TestDb) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap();
    (app, t)
}

/// An offer of organisation A (in Welheim), by id.
async fn offer_of(db: &quartiersboard::db::Db, org: &str) -> quartiersboard::db::StoredOffer {
    let doc: quartiersboard::domain::document::CityDocument =
        serde_json::from_str(include_str!("../src/demo/demo_city.json")).unwrap();
    let slug = &doc.offers.iter().find(|o| o.organisation == org).unwrap().slug;
    db.get_stored_offer(db.get_offer_id(slug).await.unwrap()).await.unwrap()
}

/// The offer form as posted, built from the stored offer with `change` applied.
fn form_body(id: i64, form: &quartiersboard::domain::offer_form::OfferForm) -> String {
    #[derive(serde::Serialize)]
    struct Args<'a> {
        id: i64,
        form: &'a quartiersboard::domain::offer_form::OfferForm,
    }
    serde_qs::to_string(&Args { id, form }).unwrap()
}

/// Wrong password and unknown account get the same answer; the right one a session cookie.
async fn sign_in_answers_alike_and_sets_a_session(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let mut c = Client::new(&app);
    let wrong = c.call(&sign_in_path(), &format!("email={EDITOR_A}&password=wrong-password-1")).await;
    let unknown =
        c.call(&sign_in_path(), &format!("email=nobody@example.de&password={}", enc(PASSWORD))).await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert_eq!((wrong.status, &wrong.body), (unknown.status, &unknown.body));
    assert!(c.cookie.is_none(), "no cookie for failed attempts");
    c.sign_in(EDITOR_A).await;
    let page = c.get("/de/staff").await;
    assert_eq!(page.status, StatusCode::OK, "{:?}", page.location);
    assert!(page.body.contains("Angemeldet als editor-a"));
}

/// Without a session the staff pages send you to the sign-in page.
async fn staff_pages_need_sign_in(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let mut c = Client::new(&app);
    let r = c.get("/de/staff").await;
    assert_eq!(r.status, StatusCode::FOUND);
    assert_eq!(r.location.as_deref(), Some("/de/staff/sign-in"));
    assert_eq!(c.get("/de/staff/sign-in").await.status, StatusCode::OK);
}

/// Signing out deletes the session: the old cookie no longer opens anything.
async fn sign_out_ends_the_session(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let mut c = Client::new(&app);
    c.sign_in(ADMIN).await;
    let old = c.clone();
    let r = c.submit(path_of::<SignOut>(), "", "/de/staff").await;
    assert_eq!(r.status, StatusCode::FOUND);
    let mut replay = old;
    let r = replay.get("/de/staff").await;
    assert_eq!(r.location.as_deref(), Some("/de/staff/sign-in"), "old cookie still works");
}

/// After five failures the account is blocked, even for the right password.
async fn sign_in_is_rate_limited_per_account(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let mut c = Client::new(&app);
    for _ in 0..6 {
        c.call(&sign_in_path(), &format!("email={EDITOR_B}&password=wrong-password-1")).await;
    }
    let r = c.call(&sign_in_path(), &format!("email={EDITOR_B}&password={}", enc(PASSWORD))).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    c.sign_in(EDITOR_A).await;
}

/// Failures slow guessing but lock nobody out: one client failing on an account is refused
/// there, while the same account signs in from another client with the right password; many
/// failures from one address (a shared network) do not stop a right password from it either.
async fn failures_lock_out_nobody_else(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let mut attacker = Client::at(&app, "192.0.2.66");
    let wrong = format!("email={EDITOR_B}&password=wrong-password-1");
    for _ in 0..6 {
        attacker.call(&sign_in_path(), &wrong).await;
    }
    let right = format!("email={EDITOR_B}&password={}", enc(PASSWORD));
    assert_eq!(attacker.call(&sign_in_path(), &right).await.status, StatusCode::TOO_MANY_REQUESTS);
    let mut owner = Client::at(&app, "198.51.100.7");
    let r = owner.call(&sign_in_path(), &right).await;
    assert!(r.status.is_success(), "the owner signs in from elsewhere: {} {}", r.status, r.body);
    // 6 + 26 = 32 failures from this address, past its burst of 30.
    for i in 0..26 {
        attacker
            .call(&sign_in_path(), &format!("email=nobody{i}%40example.de&password=wrong-password-1"))
            .await;
    }
    let mut colleague = Client::at(&app, "192.0.2.66");
    colleague.sign_in(EDITOR_A).await;
}

/// A stale version is refused with 409 and changes nothing; the current one saves and is audited.
async fn stale_saves_are_refused(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let mut form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    form.texts.get_mut("de").unwrap().title = "Neuer Titel".into();
    let mut c = Client::new(&app);
    c.sign_in(EDITOR_A).await;
    let ok = c.call(path_of::<SaveOffer>(), &form_body(stored.id, &form)).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    form.texts.get_mut("de").unwrap().title = "Noch ein Titel".into();
    let stale = c.call(path_of::<SaveOffer>(), &form_body(stored.id, &form)).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    let now = t.db.get_stored_offer(stored.id).await.unwrap();
    assert_eq!(now.record.title, "Neuer Titel");
    assert_eq!(now.version, stored.version + 1);
    let audit = t.db.list_audit(quartiersboard::domain::audit::Entity::Offer, stored.id).await.unwrap();
    assert_eq!(audit[0].action, "update");
    assert_eq!(audit[0].actor, EDITOR_A);
    assert!(audit[0].before.as_deref().unwrap().contains(&stored.record.title));
}

/// A form with wrong fields is refused with the fields named; nothing is written.
async fn invalid_forms_name_their_fields(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let mut form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    form.age_min = "zwölf".into();
    form.texts.get_mut("de").unwrap().title = String::new();
    let mut c = Client::new(&app);
    c.sign_in(EDITOR_A).await;
    let r = c.call(path_of::<SaveOffer>(), &form_body(stored.id, &form)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("age_min") && r.body.contains("texts.de.title"), "{}", r.body);
    assert_eq!(t.db.get_stored_offer(stored.id).await.unwrap(), stored);
}

/// Without JavaScript a failed save goes back to the form, which shows the typed values and why.
async fn no_js_form_keeps_what_was_typed(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let mut form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    form.age_min = "zwölf".into();
    let page = format!("/de/staff/offers/{}", stored.id);
    let mut c = Client::new(&app);
    c.sign_in(EDITOR_A).await;
    let r = c.submit(path_of::<SaveOffer>(), &form_body(stored.id, &form), &page).await;
    assert_eq!(r.status, StatusCode::FOUND);
    assert_eq!(r.location, Some(format!("{page}?problem=invalid")));
    let html = c.get(&r.location.unwrap()).await.body;
    assert!(html.contains("value=\"zwölf\""), "typed value lost: {}", &html[..html.len().min(3000)]);
    assert!(html.contains("Bitte eine Zahl eingeben."), "no reason shown");
    assert!(html.contains("aria-invalid=\"true\""));
    // Opened again later (not the failed save's page): the offer as saved, no old problems.
    let html = c.get(&page).await.body;
    assert!(
        !html.contains("zwölf") && !html.contains("aria-invalid=\"true\""),
        "the rejected form came back"
    );
}

/// An editor of B cannot publish A's offer: 403, and nothing changes.
async fn other_organisations_offers_are_forbidden(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let mut c = Client::new(&app);
    c.sign_in(EDITOR_B).await;
    let body = format!("id={}&version={}&status=archived", stored.id, stored.version);
    let r = c.call(path_of::<SetOfferStatus>(), &body).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(t.db.get_stored_offer(stored.id).await.unwrap(), stored);
}

/// A post from another origin is refused before it reaches the server function.
async fn cross_origin_posts_are_refused(kind: common::Kind) {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    let (app, t) = app(kind).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let mut c = Client::new(&app);
    c.sign_in(ADMIN).await;
    let req = Request::post(path_of::<SetOfferStatus>())
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", c.cookie.clone().unwrap())
        .header("host", "127.0.0.1:3000")
        .header("origin", "http://127.0.0.1:4000")
        .header("sec-fetch-site", "same-site")
        .body(Body::from(format!("id={}&version={}&status=archived", stored.id, stored.version)))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(t.db.get_stored_offer(stored.id).await.unwrap(), stored);
}

/// The audit log refuses changes, even through plain SQL.
async fn audit_log_is_append_only(kind: common::Kind) {
    let (_app, t) = app(kind).await;
    let stored = offer_of(&t.db, ORG_A).await;
    t.db.confirm_offers(
        &[stored.id],
        common::today(),
        &t.db.get_account_by_email(ADMIN).await.unwrap().unwrap().actor,
    )
    .await
    .unwrap();
    let entries = t.db.list_audit(quartiersboard::domain::audit::Entity::Offer, stored.id).await.unwrap();
    assert_eq!(entries.len(), 1);
    let raw = sqlx::AnyPool::connect(t.db.url()).await.unwrap();
    assert!(sqlx::query("UPDATE audit_log SET actor = 'x'").execute(&raw).await.is_err());
    assert!(sqlx::query("DELETE FROM audit_log").execute(&raw).await.is_err());
}

/// Markup and script links typed into a description reach residents as plain text.
async fn descriptions_are_plain_text_with_safe_links(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let mut form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    form.texts.get_mut("de").unwrap().description =
        "<img src=x onerror=alert(1)>\n<script>alert(2)</script> javascript:alert(3)\nhttps://example.org/info".into();
    let mut c = Client::new(&app);
    c.sign_in(EDITOR_A).await;
    assert!(c.call(path_of::<SaveOffer>(), &form_body(stored.id, &form)).await.status.is_success());
    let html = Client::new(&app).get(&format!("/de/offers/{}", stored.record.slug)).await.body;
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "markup not escaped");
    // The JSON-LD block holds the text as JSON data, with `</` escaped so it cannot end the script.
    let (before, rest) = html.split_once("<script type=\"application/ld+json\">").unwrap();
    let (json_ld, after) = rest.split_once("</script>").unwrap();
    assert!(!json_ld.contains("</"), "JSON-LD could close its script element");
    for part in [before, after] {
        assert!(!part.contains("<img src=x") && !part.contains("<script>alert(2)"), "markup got through");
    }
    assert!(!html.contains("href=\"javascript:"));
    assert!(html.contains("href=\"https://example.org/info\""), "address not linked");
}

/// In an organisation that needs approval, an editor's change to a live offer waits; the
/// public page keeps the approved text until the coordinator approves.
async fn approval_workflow(kind: common::Kind) {
    use quartiersboard::serverfns::offers::ApproveOffer;
    let (app, t) = app(kind).await;
    require_approval(&t.db, ORG_A).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let mut form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    form.texts.get_mut("de").unwrap().title = "Wartet auf Freigabe".into();
    let mut ed = Client::new(&app);
    ed.sign_in(EDITOR_A).await;
    assert!(ed.call(path_of::<SaveOffer>(), &form_body(stored.id, &form)).await.status.is_success());
    let public = format!("/de/offers/{}", stored.record.slug);
    assert!(!Client::new(&app).get(&public).await.body.contains("Wartet auf Freigabe"));
    let mut co = Client::new(&app);
    co.sign_in(COORDINATOR_X).await;
    assert!(co.get("/de/staff?pending=1").await.body.contains(&stored.record.title));
    let r = co.call(path_of::<ApproveOffer>(), &format!("id={}", stored.id)).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert!(Client::new(&app).get(&public).await.body.contains("Wartet auf Freigabe"));
}

/// Approving never undoes a change made after the submission: it is refused (409) and the
/// later change stays; a confirmation in between does not count as a change.
async fn approval_after_a_later_edit_is_refused(kind: common::Kind) {
    use quartiersboard::serverfns::offers::{ApproveOffer, ConfirmOffers};
    let (app, t) = app(kind).await;
    require_approval(&t.db, ORG_A).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let mut form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    form.texts.get_mut("de").unwrap().title = "Vom Verein eingereicht".into();
    let mut ed = Client::new(&app);
    ed.sign_in(EDITOR_A).await;
    assert!(ed.call(path_of::<SaveOffer>(), &form_body(stored.id, &form)).await.status.is_success());
    let mut co = Client::new(&app);
    co.sign_in(COORDINATOR_X).await;
    // A confirmation only: approval still goes through afterwards.
    assert!(co.call(path_of::<ConfirmOffers>(), &format!("ids[]={}", stored.id)).await.status.is_success());
    let confirmed = t.db.get_stored_offer(stored.id).await.unwrap();
    // The coordinator then corrects the live offer directly.
    let mut fix =
        quartiersboard::domain::offer_form::OfferForm::from_record(&confirmed.record, confirmed.version);
    fix.texts.get_mut("de").unwrap().description = "Später korrigiert".into();
    assert!(co.call(path_of::<SaveOffer>(), &form_body(stored.id, &fix)).await.status.is_success());
    let r = co.call(path_of::<ApproveOffer>(), &format!("id={}", stored.id)).await;
    assert_eq!(r.status, axum::http::StatusCode::CONFLICT, "{}", r.body);
    let now = t.db.get_stored_offer(stored.id).await.unwrap();
    assert_eq!(now.record.description, "Später korrigiert");
    assert_eq!(now.record.title, stored.record.title);
    assert!(t.db.get_submission(stored.id).await.unwrap().is_some(), "the submission is kept");
    // Submitted again on top of the correction, it is approved with both.
    let mut again = quartiersboard::domain::offer_form::OfferForm::from_record(&now.record, now.version);
    again.texts.get_mut("de").unwrap().title = "Vom Verein eingereicht".into();
    assert!(ed.call(path_of::<SaveOffer>(), &form_body(stored.id, &again)).await.status.is_success());
    let r = co.call(path_of::<ApproveOffer>(), &format!("id={}", stored.id)).await;
    assert!(r.status.is_success(), "{}", r.body);
    let done = t.db.get_stored_offer(stored.id).await.unwrap();
    assert_eq!(
        (done.record.title.as_str(), done.record.description.as_str()),
        ("Vom Verein eingereicht", "Später korrigiert")
    );
}

/// An editor who needs approval takes a live offer off the board at once; it files no publish
/// request and leaves their pending edit as it was.
async fn unpublishing_needs_no_approval(kind: common::Kind) {
    use quartiersboard::serverfns::offers::SetOfferStatus;
    let (app, t) = app(kind).await;
    require_approval(&t.db, ORG_A).await;
    let stored = offer_of(&t.db, ORG_A).await;
    assert_eq!(stored.record.status, quartiersboard::domain::category::OfferStatus::Published);
    let mut form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    form.texts.get_mut("de").unwrap().title = "Neuer Titel, wartet".into();
    let mut ed = Client::new(&app);
    ed.sign_in(EDITOR_A).await;
    assert!(ed.call(path_of::<SaveOffer>(), &form_body(stored.id, &form)).await.status.is_success());
    let body = format!("id={}&version={}&status=draft", stored.id, stored.version);
    let r = ed.call(path_of::<SetOfferStatus>(), &body).await;
    assert!(r.status.is_success(), "{}", r.body);
    let now = t.db.get_stored_offer(stored.id).await.unwrap();
    assert_eq!(
        now.record.status,
        quartiersboard::domain::category::OfferStatus::Draft,
        "off the board at once"
    );
    let pending = t.db.get_submission(stored.id).await.unwrap().expect("edit still pending");
    assert_eq!(pending.record.title, "Neuer Titel, wartet");
    assert!(!pending.publish, "no publish request filed");
}

/// Concurrent saves on SQLite wait for the write lock instead of failing with "database is locked".
async fn concurrent_saves_wait_for_each_other(kind: common::Kind) {
    let (_app, t) = app(kind).await;
    let admin = t.db.get_account_by_email(ADMIN).await.unwrap().unwrap().actor;
    let ids: Vec<i64> =
        t.db.list_staff_offers(&["de"]).await.unwrap().iter().map(|r| r.id).take(20).collect();
    let mut tasks = Vec::new();
    for id in ids {
        let (db, admin) = (t.db.clone(), admin.clone());
        tasks.push(tokio::spawn(async move {
            let stored = db.get_stored_offer(id).await.unwrap();
            let mut record = stored.record.clone();
            record.title.push_str(" (neu)");
            db.update_offer(&stored, &record, Some(&admin), "update").await
        }));
    }
    for task in tasks {
        task.await.unwrap().expect("save failed");
    }
}

/// After a form post without JavaScript, the next page says what happened.
async fn notices_show_once_after_a_post(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let stored = offer_of(&t.db, ORG_A).await;
    let form = quartiersboard::domain::offer_form::OfferForm::from_record(&stored.record, stored.version);
    let page = format!("/de/staff/offers/{}", stored.id);
    let mut c = Client::new(&app);
    c.sign_in(EDITOR_A).await;
    let r = c.submit(path_of::<SaveOffer>(), &form_body(stored.id, &form), &page).await;
    let next = r.location.unwrap();
    assert_eq!(next, format!("{page}?done=saved"));
    assert!(c.get(&next).await.body.contains("Gespeichert."), "no notice");
    assert!(!c.get(&page).await.body.contains("Gespeichert."), "notice without asking");
}

#[path = "staff/accounts.rs"]
mod accounts;

on_both!(
    sign_in_answers_alike_and_sets_a_session,
    staff_pages_need_sign_in,
    sign_out_ends_the_session,
    sign_in_is_rate_limited_per_account,
    failures_lock_out_nobody_else,
    stale_saves_are_refused,
    invalid_forms_name_their_fields,
    no_js_form_keeps_what_was_typed,
    other_organisations_offers_are_forbidden,
    cross_origin_posts_are_refused,
    audit_log_is_append_only,
    descriptions_are_plain_text_with_safe_links,
    approval_workflow,
    approval_after_a_later_edit_is_refused,
    unpublishing_needs_no_approval,
    concurrent_saves_wait_for_each_other,
    notices_show_once_after_a_post,
);
