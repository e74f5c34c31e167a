//! Staff test helpers: accounts of every role on the demo city, and a tiny HTTP client that keeps
//! the session cookie and calls server functions the way a browser form or a script would.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use quartiersboard::db::{Db, NewUser};
use quartiersboard::domain::staff::Role;
use tower::ServiceExt;

/// The password of every test account.
pub const PASSWORD: &str = "Kaffee mit Milch 7";

/// The demo organisations the tests use: A runs offers only in Welheim (quarter X),
/// B only in Altstadt (quarter Y).
pub const ORG_A: &str = "familienzentrum-sonnenblume";
pub const ORG_B: &str = "schachfreunde-altstadt";
pub const QUARTER_X: &str = "welheim";

/// Who signs in as what.
pub const ADMIN: &str = "admin@example.de";
pub const EDITOR_A: &str = "editor-a@example.de";
pub const EDITOR_B: &str = "editor-b@example.de";
pub const COORDINATOR_X: &str = "coordinator-x@example.de";
pub const GUIDE: &str = "guide@example.de";

/// Creates one account per role (editors of A and B, coordinator of X).
pub async fn seed_staff(db: &Db) {
    let hash = password_auth::generate_hash(PASSWORD);
    let org = |slug: &'static str| {
        let db = db.clone();
        async move { db.get_organisation_id(slug).await.unwrap() }
    };
    let x = db.get_quarter_id(QUARTER_X).await.unwrap();
    for (email, role, organisation, quarters) in [
        (ADMIN, Role::Admin, None, vec![]),
        (EDITOR_A, Role::Editor, Some(org(ORG_A).await), vec![]),
        (EDITOR_B, Role::Editor, Some(org(ORG_B).await), vec![]),
        (COORDINATOR_X, Role::Coordinator, None, vec![x]),
        (GUIDE, Role::Guide, None, vec![]),
    ] {
        let new = NewUser {
            email: email.into(),
            name: email.split('@').next().unwrap().into(),
            password_hash: hash.clone(),
            role,
            organisation,
            quarters,
        };
        db.create_user(&new, None).await.unwrap();
    }
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub location: Option<String>,
    pub body: String,
}

/// One browser (or script): a cookie jar of one session cookie.
#[derive(Clone)]
pub struct Client {
    pub app: axum::Router,
    pub cookie: Option<String>,
    /// The address the requests come from, as the server's listener would see it.
    pub peer: Option<std::net::SocketAddr>,
}

impl Client {
    pub fn new(app: &axum::Router) -> Self {
        Self { app: app.clone(), cookie: None, peer: None }
    }

    /// A client at `ip` (port 40000).
    pub fn at(app: &axum::Router, ip: &str) -> Self {
        Self { peer: Some(std::net::SocketAddr::new(ip.parse().unwrap(), 40000)), ..Self::new(app) }
    }

    pub async fn send(&mut self, req: axum::http::request::Builder, body: Body) -> Reply {
        let req = match &self.cookie {
            Some(c) => req.header(header::COOKIE, c),
            None => req,
        };
        let req = match self.peer {
            Some(p) => req.extension(axum::extract::ConnectInfo(p)),
            None => req,
        };
        let res = self.app.clone().oneshot(req.body(body).unwrap()).await.unwrap();
        if let Some(set) = res.headers().get(header::SET_COOKIE) {
            let pair = set.to_str().unwrap().split(';').next().unwrap().to_owned();
            let expired = set.to_str().unwrap().contains("Max-Age=0") || pair.ends_with('=');
            self.cookie = if expired { None } else { Some(pair) };
        }
        let status = res.status();
        let headers = res.headers().clone();
        let location = res.headers().get(header::LOCATION).map(|v| v.to_str().unwrap().to_owned());
        let body = String::from_utf8_lossy(&res.into_body().collect().await.unwrap().to_bytes()).into_owned();
        Reply { status, headers, location, body }
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        self.send(Request::get(path).header("accept", "text/html"), Body::empty()).await
    }

    /// Calls a server function as a script would (JSON answer, real status codes).
    pub async fn call(&mut self, path: &str, form: &str) -> Reply {
        let req = Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        self.send(req, Body::from(form.to_owned())).await
    }

    /// Posts a form as a browser without JavaScript does (asks for HTML, names the page it was on).
    pub async fn submit(&mut self, path: &str, form: &str, from_page: &str) -> Reply {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, format!("http://127.0.0.1:3000{from_page}"));
        self.send(req, Body::from(form.to_owned())).await
    }

    /// Signs in with the test password; panics unless it worked.
    pub async fn sign_in(&mut self, email: &str) {
        let r = self.call(&sign_in_path(), &format!("email={email}&password={}", enc(PASSWORD))).await;
        assert!(r.status.is_success(), "sign-in of {email}: {} {}", r.status, r.body);
        assert!(self.cookie.is_some(), "no session cookie for {email}");
    }
}

/// Makes `org`'s editors wait for a coordinator's approval.
pub async fn require_approval(db: &quartiersboard::db::Db, org: &str) {
    let raw = sqlx::AnyPool::connect(db.url()).await.unwrap();
    sqlx::query("UPDATE organisations SET editors_publish = 0 WHERE slug = $1")
        .bind(org)
        .execute(&raw)
        .await
        .unwrap();
}

pub fn sign_in_path() -> String {
    use leptos::server_fn::ServerFn;
    quartiersboard::serverfns::account::SignIn::PATH.to_owned()
}

/// Percent-encodes a form value.
pub fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The path of a server function.
pub fn path_of<T: leptos::server_fn::ServerFn>() -> &'static str {
    T::PATH
}

/// The arguments of `save_offer` creating a new draft offer of organisation A in Welheim.
pub fn new_offer_body(slug: &str, title: &str) -> String {
    use quartiersboard::domain::offer_form::{OfferForm, TextForm};
    let mut form = OfferForm {
        slug: slug.into(),
        organisation: ORG_A.into(),
        place: "quartiersbuero-welheim".into(),
        quarters: vec![QUARTER_X.into()],
        category: "meeting".into(),
        ..Default::default()
    };
    form.texts.insert(
        "de".into(),
        TextForm { title: title.into(), description: "Beschreibung".into(), easy: String::new() },
    );
    #[derive(serde::Serialize)]
    struct Args {
        form: OfferForm,
    }
    serde_qs::to_string(&Args { form }).unwrap()
}

/// The arguments of `save_offer` giving stored offer `id` the German title `title`.
pub async fn retitle_body(db: &Db, id: i64, title: &str) -> String {
    use quartiersboard::domain::offer_form::OfferForm;
    let s = db.get_stored_offer(id).await.unwrap();
    let mut form = OfferForm::from_record(&s.record, s.version);
    form.texts.get_mut("de").unwrap().title = title.into();
    #[derive(serde::Serialize)]
    struct Args {
        id: i64,
        form: OfferForm,
    }
    serde_qs::to_string(&Args { id, form }).unwrap()
}

/// The path of `save_offer`.
pub fn save_offer_path() -> &'static str {
    path_of::<quartiersboard::serverfns::offers::SaveOffer>()
}
