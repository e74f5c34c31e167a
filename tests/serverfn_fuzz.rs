//! Property test: random arguments to every server function — as a stranger, as an editor and
//! as an administrator — never get a 5xx, never crash the server and never show internals.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::staff::*;
use leptos::config::get_configuration;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Field names the server functions use, nested the way serde_qs writes forms, plus some
/// that no function knows.
const KEYS: &[&str] = &[
    "id",
    "version",
    "form",
    "locale",
    "lang",
    "quarter",
    "offer",
    "offers[0]",
    "slug",
    "email",
    "password",
    "code",
    "token",
    "user",
    "role",
    "required",
    "disabled",
    "organisation",
    "quarters[0]",
    "ids",
    "ids[0]",
    "week",
    "query",
    "age",
    "day",
    "kind",
    "status",
    "scope",
    "name",
    "form[version]",
    "form[slug]",
    "form[texts][de][title]",
    "form[texts][xx][title]",
    "form[schedules][0][kind]",
    "form[schedules][0][weekday]",
    "form[schedules][0][start]",
    "form[min_age]",
    "form[max_age]",
    "form[place]",
    "form[organisation]",
    "form[quarters][0]",
    "form[email]",
    "form[phone]",
    "form[website]",
    "form[latitude]",
    "form[longitude]",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("0".to_owned()),
        Just("1".to_owned()),
        Just("-1".to_owned()),
        Just("9223372036854775807".to_owned()),
        Just("99999999999999999999999".to_owned()),
        Just("true".to_owned()),
        Just("de".to_owned()),
        Just("ar".to_owned()),
        Just("welheim".to_owned()),
        Just("krabbelcafe-sonnenblume".to_owned()),
        Just("admin".to_owned()),
        Just("1.5e308".to_owned()),
        Just("NaN".to_owned()),
        Just("x".repeat(5000)),
        ".{0,40}",
        "[0-9:-]{0,12}",
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![4 => proptest::sample::select(KEYS).prop_map(str::to_owned), 1 => "[a-z\\[\\]0-9_]{1,16}"]
}

/// A request body: a form (the usual encoding), raw bytes, or JSON.
#[derive(Clone, Debug)]
enum Input {
    Form(Vec<(String, String)>),
    Raw(Vec<u8>),
    Json(serde_json::Value),
}

fn json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        ".{0,20}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            proptest::collection::vec((key(), inner), 0..6)
                .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        4 => proptest::collection::vec((key(), value()), 0..10).prop_map(Input::Form),
        1 => proptest::collection::vec(any::<u8>(), 0..200).prop_map(Input::Raw),
        2 => json().prop_map(Input::Json),
    ]
}

fn request(path: &str, input: &Input) -> (axum::http::request::Builder, Body) {
    let req = Request::post(path);
    match input {
        Input::Form(pairs) => {
            let body = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish();
            (req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded"), Body::from(body))
        }
        Input::Raw(bytes) => {
            (req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded"), Body::from(bytes.clone()))
        }
        Input::Json(v) => (req.header(header::CONTENT_TYPE, "application/json"), Body::from(v.to_string())),
    }
}

const INTERNALS: &[&str] = &["sqlx", "SELECT ", "INSERT ", "/root/", "src/", ".rs:", "panicked", "backtrace"];

/// The server functions in the source (`#[server…]` on a function), counted to be sure the
/// registry the test walks is complete.
fn declared_server_functions() -> usize {
    fn walk(dir: &std::path::Path, n: &mut usize) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, n);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                *n += text
                    .lines()
                    .filter(|l| l.trim_start().starts_with("#[server"))
                    .filter(|l| !l.contains("(default)"))
                    .count();
            }
        }
    }
    let mut n = 0;
    walk(std::path::Path::new("src"), &mut n);
    n
}

/// Who calls, in this order: a stranger, an editor of organisation A, an administrator. Signing
/// out and the account-changing functions run last for each, so the session lasts the round.
#[test]
fn random_arguments_never_break_a_server_function() {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let (t, app) = rt.block_on(async {
        let t = common::sqlite_with_demo().await;
        seed_staff(&t.db).await;
        let conf = get_configuration(Some("Cargo.toml")).unwrap();
        let app = quartiersboard::server::router(t.db.clone(), conf.leptos_options, Default::default())
            .await
            .unwrap();
        (t, app)
    });
    let mut paths: Vec<&'static str> = leptos::server_fn::axum::server_fn_paths().map(|(p, _)| p).collect();
    assert_eq!(paths.len(), declared_server_functions(), "registered server functions: {paths:?}");
    let last = |p: &str| ["sign_out", "set_role_totp", "set_user_disabled"].iter().any(|n| p.contains(n));
    paths.sort_by_key(|p| (last(p), *p));
    let cases = std::env::var("FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(24);
    for who in [None, Some(EDITOR_A), Some(ADMIN)] {
        let statuses = std::cell::RefCell::new(std::collections::BTreeMap::<u16, u32>::new());
        let mut client = Client::new(&app);
        if let Some(email) = who {
            rt.block_on(client.sign_in(email));
        }
        for path in &paths {
            let config = Config { cases, failure_persistence: None, ..Config::default() };
            let mut runner = TestRunner::new_with_rng(
                config,
                proptest::test_runner::TestRng::deterministic_rng(
                    proptest::test_runner::RngAlgorithm::ChaCha,
                ),
            );
            let client = std::cell::RefCell::new(client.clone());
            let result = runner.run(&input(), |input| {
                let (req, body) = request(path, &input);
                let r = rt.block_on(client.borrow_mut().send(req, body));
                *statuses.borrow_mut().entry(r.status.as_u16()).or_default() += 1;
                prop_assert!(!r.status.is_server_error(), "{path} as {who:?}: {} {}", r.status, r.body);
                for bad in INTERNALS {
                    if r.body.contains(bad) {
                        return Err(TestCaseError::fail(format!("{path} shows {bad}: {}", r.body)));
                    }
                }
                Ok(())
            });
            if let Err(e) = result {
                panic!("{e}");
            }
        }
        // Some random calls must get through: otherwise the test only saw the front door.
        let statuses = statuses.into_inner();
        println!("{who:?}: {statuses:?}");
        assert!(statuses.get(&200).copied().unwrap_or(0) >= 20, "{who:?}: {statuses:?}");
        if who.is_some() {
            let signed_out = statuses.get(&401).copied().unwrap_or(0);
            assert!(signed_out < 24 * 3, "{who:?} lost the session early: {statuses:?}");
        }
    }
    // The server still answers normally afterwards.
    let r = rt.block_on(Client::new(&app).get("/de/welheim"));
    assert_eq!(r.status, StatusCode::OK);
    drop(t);
}
