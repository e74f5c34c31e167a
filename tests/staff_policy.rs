//! The permission matrix: every mutating staff server function, called directly (as a forged
//! request would), by anonymous, guide, editor of A, editor of B, coordinator of quarter X and
//! administrator, on objects of organisation A (in X) and B (outside X). The expectations are
//! written out here, independently of `domain::policy`; a denied call must change nothing.

mod common;

use axum::http::StatusCode;
use common::staff::*;
use leptos::config::get_configuration;
use leptos::server_fn::ServerFn;
use quartiersboard::db::Db;
use quartiersboard::domain::offer_form::OfferForm;
use quartiersboard::serverfns::offers::{
    ApproveOffer, ConfirmOffers, RestoreOffer, SaveOffer, SetOfferStatus,
};
use quartiersboard::serverfns::users::{InviteUser, ResetLink, SetRoleTotp, SetUserDisabled};

const ACTORS: [Option<&str>; 6] =
    [None, Some(GUIDE), Some(EDITOR_A), Some(EDITOR_B), Some(COORDINATOR_X), Some(ADMIN)];

/// Allowed for: anonymous, guide, editor A, editor B, coordinator X, admin.
type Row = [bool; 6];
const ADMIN_ONLY: Row = [false, false, false, false, false, true];
const FOR_A: Row = [false, false, true, false, true, true];
const FOR_B: Row = [false, false, false, true, false, true];
const MANAGE_A: Row = [false, false, false, false, true, true];

async fn app(kind: common::Kind) -> (axum::Router, common::TestDb) {
    let t = common::with_demo(kind).await;
    seed_staff(&t.db).await;
    let conf = get_configuration(Some("Cargo.toml")).unwrap();
    let app =
        quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default()).await.unwrap();
    (app, t)
}

/// Everything in the database except sessions, as text.
async fn snapshot(db: &Db) -> String {
    let raw = sqlx::AnyPool::connect(db.url()).await.unwrap();
    let tables_sql = match db.backend {
        quartiersboard::db::Backend::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'staff_sessions'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'offer_search%' AND name NOT LIKE '_sqlx%' ORDER BY name"
        }
        quartiersboard::db::Backend::Postgres => {
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'
             AND table_name NOT IN ('staff_sessions') AND table_name NOT LIKE '_sqlx%' ORDER BY 1"
        }
    };
    let tables: Vec<String> = sqlx::query_scalar(tables_sql).fetch_all(&raw).await.unwrap();
    let mut out = String::new();
    for t in tables {
        let rows = match db.backend {
            quartiersboard::db::Backend::Sqlite => sqlite_rows(&raw, &t).await,
            quartiersboard::db::Backend::Postgres => {
                let sql = format!(
                    "SELECT COALESCE(string_agg(r, '|' ORDER BY r), '') FROM (SELECT row_to_json(x)::text AS r FROM {t} x) y"
                );
                sqlx::query_scalar::<_, String>(&sql).fetch_one(&raw).await.unwrap()
            }
        };
        out.push_str(&format!("{t}: {rows}\n"));
    }
    out
}

/// The rows of a SQLite table, each column quoted.
async fn sqlite_rows(raw: &sqlx::AnyPool, t: &str) -> String {
    let columns: Vec<String> = sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{t}')"))
        .fetch_all(raw)
        .await
        .unwrap();
    let row = columns.iter().map(|c| format!("quote({c})")).collect::<Vec<_>>().join(" || '|' || ");
    let rows: Vec<String> =
        sqlx::query_scalar(&format!("SELECT {row} FROM {t} ORDER BY rowid")).fetch_all(raw).await.unwrap();
    rows.join("\n")
}

/// Ids the requests name: an offer of A and of B, the editor-B account.
struct Targets {
    offer_a: (i64, i64),
    offer_b: (i64, i64),
    user_b: i64,
}

async fn targets(db: &Db) -> Targets {
    let doc: quartiersboard::domain::document::CityDocument =
        serde_json::from_str(include_str!("../src/demo/demo_city.json")).unwrap();
    let mut of = Vec::new();
    for org in [ORG_A, ORG_B] {
        let slug = &doc.offers.iter().find(|o| o.organisation == org).unwrap().slug;
        let s = db.get_stored_offer(db.get_offer_id(slug).await.unwrap()).await.unwrap();
        of.push((s.id, s.version));
    }
    let user_b = db.get_account_by_email(EDITOR_B).await.unwrap().unwrap().actor.user_id;
    Targets { offer_a: of[0], offer_b: of[1], user_b }
}

async fn edit_body(db: &Db, id: i64, org: &str) -> String {
    let s = db.get_stored_offer(id).await.unwrap();
    let mut form = OfferForm::from_record(&s.record, s.version);
    form.texts.get_mut("de").unwrap().title = "Geänderter Titel".into();
    form.organisation = org.into();
    #[derive(serde::Serialize)]
    struct Args {
        id: i64,
        form: OfferForm,
    }
    serde_qs::to_string(&Args { id, form }).unwrap()
}

fn new_body(org: &str, quarter: &str) -> String {
    new_body_in(org, &[quarter])
}

fn new_body_in(org: &str, quarters: &[&str]) -> String {
    let mut form = OfferForm {
        slug: format!("neu-{org}"),
        organisation: org.into(),
        place: "quartiersbuero-welheim".into(),
        quarters: quarters.iter().map(|q| q.to_string()).collect(),
        category: "meeting".into(),
        ..Default::default()
    };
    form.texts.insert(
        "de".into(),
        quartiersboard::domain::offer_form::TextForm {
            title: "Neues Angebot".into(),
            description: "Beschreibung".into(),
            easy: String::new(),
        },
    );
    #[derive(serde::Serialize)]
    struct Args {
        form: OfferForm,
    }
    serde_qs::to_string(&Args { form }).unwrap()
}

async fn run(
    kind: common::Kind,
    name: &str,
    expected: Row,
    body: impl Fn(&Targets) -> String,
    path: &'static str,
) {
    // Denied calls share one database and must leave it as it was.
    let (shared, t) = app(kind).await;
    let tg = targets(&t.db).await;
    for (i, actor) in ACTORS.iter().enumerate().filter(|(i, _)| !expected[*i]) {
        let before = snapshot(&t.db).await;
        let mut c = Client::new(&shared);
        if let Some(a) = actor {
            c.sign_in(a).await;
        }
        let r = c.call(path, &body(&tg)).await;
        let want = if actor.is_none() { StatusCode::UNAUTHORIZED } else { StatusCode::FORBIDDEN };
        assert_eq!(r.status, want, "{name} as {:?} (#{i}): {}", actor, r.body);
        assert_eq!(snapshot(&t.db).await, before, "{name} as {actor:?} changed the database");
    }
    // Allowed calls each get a fresh database.
    for actor in ACTORS.iter().enumerate().filter(|(i, _)| expected[*i]).map(|(_, a)| a) {
        let (fresh, t) = app(kind).await;
        let tg = targets(&t.db).await;
        let mut c = Client::new(&fresh);
        if let Some(a) = actor {
            c.sign_in(a).await;
        }
        let r = c.call(path, &body(&tg)).await;
        assert!(r.status.is_success(), "{name} as {actor:?}: {} {}", r.status, r.body);
    }
}

/// The snapshot sees a changed title (so "unchanged" means something).
async fn snapshot_sees_changes(kind: common::Kind) {
    let (_app, t) = app(kind).await;
    let before = snapshot(&t.db).await;
    let tg = targets(&t.db).await;
    let stored = t.db.get_stored_offer(tg.offer_a.0).await.unwrap();
    let mut record = stored.record.clone();
    record.title.push('!');
    t.db.update_offer(&stored, &record, None, "update").await.unwrap();
    assert_ne!(snapshot(&t.db).await, before);
}

async fn save_existing_offer(kind: common::Kind) {
    let (_app, t) = app(kind).await;
    let tg = targets(&t.db).await;
    let body_a = edit_body(&t.db, tg.offer_a.0, ORG_A).await;
    let body_b = edit_body(&t.db, tg.offer_b.0, ORG_B).await;
    run(kind, "save A", FOR_A, move |_| body_a.clone(), SaveOffer::PATH).await;
    run(kind, "save B", FOR_B, move |_| body_b.clone(), SaveOffer::PATH).await;
}

async fn create_offer(kind: common::Kind) {
    run(kind, "create in A/X", FOR_A, |_| new_body(ORG_A, QUARTER_X), SaveOffer::PATH).await;
    run(kind, "create in B/Y", FOR_B, |_| new_body(ORG_B, "altstadt"), SaveOffer::PATH).await;
}

async fn archive_offer(kind: common::Kind) {
    let body = |o: (i64, i64)| format!("id={}&version={}&status=archived", o.0, o.1);
    run(kind, "archive A", FOR_A, move |t| body(t.offer_a), SetOfferStatus::PATH).await;
    run(kind, "archive B", FOR_B, move |t| body(t.offer_b), SetOfferStatus::PATH).await;
}

async fn confirm_offers(kind: common::Kind) {
    run(kind, "confirm A", FOR_A, |t| format!("ids[]={}", t.offer_a.0), ConfirmOffers::PATH).await;
    run(kind, "confirm B", FOR_B, |t| format!("ids[]={}", t.offer_b.0), ConfirmOffers::PATH).await;
}

async fn approve_and_restore(kind: common::Kind) {
    // Approving needs a submission: the allowed callers get past the policy (404 without one is
    // fine here); denied callers must get 403 either way.
    let (app, t) = app(kind).await;
    let tg = targets(&t.db).await;
    for (i, actor) in ACTORS.iter().enumerate() {
        let mut c = Client::new(&app);
        if let Some(a) = actor {
            c.sign_in(a).await;
        }
        let before = snapshot(&t.db).await;
        let r = c.call(ApproveOffer::PATH, &format!("id={}", tg.offer_a.0)).await;
        if MANAGE_A[i] {
            assert_eq!(r.status, StatusCode::NOT_FOUND, "approve as {actor:?}: nothing to approve");
        } else {
            assert!(
                matches!(r.status, StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN),
                "approve as {actor:?}"
            );
            assert_eq!(snapshot(&t.db).await, before);
        }
    }
    run(kind, "restore A", ADMIN_ONLY, |t| format!("id={}", t.offer_a.0), RestoreOffer::PATH).await;
}

async fn user_administration(kind: common::Kind) {
    run(kind, "invite", ADMIN_ONLY, |_| "email=new%40example.de&role=guide".into(), InviteUser::PATH).await;
    run(kind, "reset link", ADMIN_ONLY, |t| format!("user={}", t.user_b), ResetLink::PATH).await;
    run(kind, "disable", ADMIN_ONLY, |t| format!("user={}&disabled=true", t.user_b), SetUserDisabled::PATH)
        .await;
    run(kind, "role totp", ADMIN_ONLY, |_| "role=editor&required=true".into(), SetRoleTotp::PATH).await;
}

fn qs<T: serde::Serialize>(id: i64, form: T) -> String {
    #[derive(serde::Serialize)]
    struct Args<T> {
        id: i64,
        form: T,
    }
    serde_qs::to_string(&Args { id, form }).unwrap()
}

async fn place_body(db: &Db, slug: &str) -> String {
    use quartiersboard::domain::place_form::PlaceForm;
    let id: i64 = list_id(db, "places", slug).await;
    let s = db.get_stored_place(id).await.unwrap();
    let mut form = PlaceForm::from_record(&s.record, s.version);
    form.opening_hours = "Mo–Fr 9–12 Uhr".into();
    qs(id, form)
}

async fn list_id(db: &Db, table: &str, slug: &str) -> i64 {
    let raw = sqlx::AnyPool::connect(db.url()).await.unwrap();
    sqlx::query_scalar(&format!("SELECT id FROM {table} WHERE slug = $1"))
        .bind(slug)
        .fetch_one(&raw)
        .await
        .unwrap()
}

async fn edit_places(kind: common::Kind) {
    use quartiersboard::serverfns::records::SavePlace;
    let (_app, t) = app(kind).await;
    let x = place_body(&t.db, "kita-sonnenblume").await;
    let y = place_body(&t.db, "nachbarschaftshaus-altstadt").await;
    // Places without an owning organisation: their quarter's coordinator and administrators.
    run(kind, "place in X", MANAGE_A, move |_| x.clone(), SavePlace::PATH).await;
    run(kind, "place in Y", ADMIN_ONLY, move |_| y.clone(), SavePlace::PATH).await;
}

async fn edit_organisations_and_quarters(kind: common::Kind) {
    use quartiersboard::domain::organisation_form::OrganisationForm;
    use quartiersboard::domain::quarter_form::QuarterForm;
    use quartiersboard::serverfns::records::{SaveOrganisation, SaveQuarter};
    let (_app, t) = app(kind).await;
    let org = |slug: &'static str| {
        let db = t.db.clone();
        async move {
            let s = db.get_stored_organisation(db.get_organisation_id(slug).await.unwrap()).await.unwrap();
            let mut form = OrganisationForm::from_record(&s.record, s.version);
            form.phone = "02041 555-0199".into();
            qs(s.id, form)
        }
    };
    let (a, b) = (org(ORG_A).await, org(ORG_B).await);
    run(kind, "organisation A", FOR_A, move |_| a.clone(), SaveOrganisation::PATH).await;
    run(kind, "organisation B", FOR_B, move |_| b.clone(), SaveOrganisation::PATH).await;
    let q = t.db.get_stored_quarter(t.db.get_quarter_id(QUARTER_X).await.unwrap()).await.unwrap();
    let mut form = QuarterForm::from_record(&q.record, q.version);
    form.hours = "Mo–Do 9–15 Uhr".into();
    let body = qs(q.id, form);
    run(kind, "quarter X", ADMIN_ONLY, move |_| body.clone(), SaveQuarter::PATH).await;
    let new_org =
        "form[slug]=neuer-verein&form[name]=Neuer+Verein&form[kind]=club&form[editors_publish]=on".to_owned();
    run(
        kind,
        "create organisation",
        [false, false, false, false, true, true],
        move |_| new_org.clone(),
        SaveOrganisation::PATH,
    )
    .await;
}

/// A coordinator refused on organisation B gains nothing by creating a draft for B in their own
/// quarter: B's profile and approval setting stay out of reach, and no offer of theirs reaches
/// another quarter's board.
async fn a_draft_for_b_gives_no_hold_on_b(kind: common::Kind) {
    use quartiersboard::domain::organisation_form::OrganisationForm;
    use quartiersboard::serverfns::records::SaveOrganisation;
    let (app, t) = app(kind).await;
    let mut co = Client::new(&app);
    co.sign_in(COORDINATOR_X).await;
    let r = co.call(SaveOffer::PATH, &new_body(ORG_B, QUARTER_X)).await;
    assert!(r.status.is_success(), "a draft for B on X's board: {}", r.body);
    let s = t.db.get_stored_organisation(t.db.get_organisation_id(ORG_B).await.unwrap()).await.unwrap();
    let mut form = OrganisationForm::from_record(&s.record, s.version);
    form.name = "Übernommen".into();
    form.editors_publish = String::new();
    let before = snapshot(&t.db).await;
    let r = co.call(SaveOrganisation::PATH, &qs(s.id, form)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(snapshot(&t.db).await, before, "organisation B changed");
    // An offer on X's and Y's boards at once is not X's coordinator's to create or publish.
    let r = co.call(SaveOffer::PATH, &new_body_in(ORG_A, &[QUARTER_X, "altstadt"])).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(snapshot(&t.db).await, before);
}

/// An editor may edit their organisation's profile but not decide that their changes skip approval.
async fn editors_cannot_lift_their_own_approval(kind: common::Kind) {
    use quartiersboard::domain::organisation_form::OrganisationForm;
    use quartiersboard::serverfns::records::SaveOrganisation;
    let (app, t) = app(kind).await;
    require_approval(&t.db, ORG_A).await;
    let s = t.db.get_stored_organisation(t.db.get_organisation_id(ORG_A).await.unwrap()).await.unwrap();
    let mut form = OrganisationForm::from_record(&s.record, s.version);
    form.editors_publish = "on".into();
    let mut c = Client::new(&app);
    c.sign_in(EDITOR_A).await;
    let r = c.call(SaveOrganisation::PATH, &qs(s.id, form)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(t.db.get_stored_organisation(s.id).await.unwrap(), s);
}

on_both!(
    snapshot_sees_changes,
    save_existing_offer,
    create_offer,
    archive_offer,
    confirm_offers,
    approve_and_restore,
    user_administration,
    edit_places,
    edit_organisations_and_quarters,
    editors_cannot_lift_their_own_approval,
    a_draft_for_b_gives_no_hold_on_b,
);
