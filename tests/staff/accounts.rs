//! Accounts over their life: disabling, reset links, invitations, and the second factor.

use super::*;

/// Disabling an account ends its sessions at once; a reset link replaces the password and
/// ends the sessions too.
async fn disabling_and_resetting_end_sessions(kind: common::Kind) {
    use quartiersboard::serverfns::users::{ResetLink, SetUserDisabled};
    let (app, t) = app(kind).await;
    let editor = t.db.get_account_by_email(EDITOR_A).await.unwrap().unwrap().actor.user_id;
    let mut ed = Client::new(&app);
    ed.sign_in(EDITOR_A).await;
    let mut admin = Client::new(&app);
    admin.sign_in(ADMIN).await;
    let r = admin.call(path_of::<SetUserDisabled>(), &format!("user={editor}&disabled=true")).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(ed.get("/de/staff").await.location.as_deref(), Some("/de/staff/sign-in"));
    let again = ed.call(&sign_in_path(), &format!("email={EDITOR_A}&password={}", enc(PASSWORD))).await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED, "disabled account signed in");
    admin.call(path_of::<SetUserDisabled>(), &format!("user={editor}&disabled=false")).await;
    ed.sign_in(EDITOR_A).await;
    // A reset link, handed over and used, ends the running session and sets the new password.
    admin.submit(path_of::<ResetLink>(), &format!("user={editor}"), "/de/staff/users").await;
    let users = admin.get("/de/staff/users").await.body;
    let link =
        users.split("/de/staff/link/").nth(1).expect("link shown once").split('<').next().unwrap().to_owned();
    let mut anon = Client::new(&app);
    let form = format!("token={link}&name=&password={0}&repeat={0}", enc("Ein ganz neues Passwort"));
    let r = anon.call(path_of::<quartiersboard::serverfns::account::AcceptLink>(), &form).await;
    assert!(r.status.is_success(), "{}", r.body);
    assert_eq!(ed.get("/de/staff").await.location.as_deref(), Some("/de/staff/sign-in"));
    let used_again = anon.call(path_of::<quartiersboard::serverfns::account::AcceptLink>(), &form).await;
    assert_eq!(used_again.status, StatusCode::NOT_FOUND, "a link works once");
    let new = ed
        .call(&sign_in_path(), &format!("email={EDITOR_A}&password={}", enc("Ein ganz neues Passwort")))
        .await;
    assert!(new.status.is_success());
}

/// An invitation creates the account with the role and scope the administrator chose.
async fn invitation_creates_an_editor(kind: common::Kind) {
    use quartiersboard::serverfns::users::InviteUser;
    let (app, t) = app(kind).await;
    let mut admin = Client::new(&app);
    admin.sign_in(ADMIN).await;
    let r = admin
        .submit(
            path_of::<InviteUser>(),
            &format!("email=neu%40example.de&role=editor&organisation={ORG_B}"),
            "/de/staff/users",
        )
        .await;
    assert_eq!(r.status, StatusCode::FOUND);
    let users = admin.get("/de/staff/users").await.body;
    let token = users.split("/de/staff/link/").nth(1).unwrap().split('<').next().unwrap().to_owned();
    assert!(
        !users.contains("?token") && !r.location.unwrap().contains(&token),
        "the link is not put in an address"
    );
    let mut neu = Client::new(&app);
    let page = neu.get(&format!("/de/staff/link/{token}")).await;
    assert!(page.body.contains("neu@example.de"));
    let form = format!("token={token}&name=Neu&password={0}&repeat={0}", enc(PASSWORD));
    let r = neu
        .submit(path_of::<quartiersboard::serverfns::account::AcceptLink>(), &form, "/de/staff/link/x")
        .await;
    assert_eq!(r.location.as_deref(), Some("/de/staff/sign-in?welcome=1"));
    // A token with a control character is refused with a clean answer, not a failed request.
    let bad = format!("token={}%0A&name=X&password={1}&repeat={1}", &token[1..], enc(PASSWORD));
    let r = Client::new(&app)
        .submit(path_of::<quartiersboard::serverfns::account::AcceptLink>(), &bad, "/de/staff/link/x")
        .await;
    assert_eq!(r.location.as_deref(), Some("/de/staff/link/-"), "{} {}", r.status, r.body);
    neu.sign_in("neu@example.de").await;
    let account = t.db.get_account_by_email("neu@example.de").await.unwrap().unwrap();
    assert_eq!(account.actor.role, quartiersboard::domain::staff::Role::Editor);
    assert_eq!(account.actor.organisation, Some(t.db.get_organisation_id(ORG_B).await.unwrap()));
}

/// With a second factor enrolled, the password alone does not sign in; password and code do.
async fn second_factor(kind: common::Kind) {
    use quartiersboard::serverfns::account::{ConfirmTotp, VerifyCode};
    let (app, _t) = app(kind).await;
    let mut c = Client::new(&app);
    c.sign_in(COORDINATOR_X).await;
    let page = c.get("/de/staff/account").await.body;
    let secret = page.split("class=\"secret\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
    let code = quartiersboard::auth::totp::current_code(&secret).unwrap();
    let r = c.call(path_of::<ConfirmTotp>(), &format!("code={code}")).await;
    assert!(r.status.is_success(), "{}", r.body);
    let mut again = Client::new(&app);
    let r = again
        .submit(
            &sign_in_path(),
            &format!("email={COORDINATOR_X}&password={}", enc(PASSWORD)),
            "/de/staff/sign-in",
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/de/staff/two-factor"));
    assert_eq!(
        again.get("/de/staff").await.location.as_deref(),
        Some("/de/staff/sign-in"),
        "not signed in yet"
    );
    let wrong = again.call(path_of::<VerifyCode>(), "code=000000").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let code = quartiersboard::auth::totp::current_code(&secret).unwrap();
    let r = again.submit(path_of::<VerifyCode>(), &format!("code={code}"), "/de/staff/two-factor").await;
    assert_eq!(r.location.as_deref(), Some("/de/staff"));
    assert_eq!(again.get("/de/staff").await.status, StatusCode::OK);
    // The same code does not sign in a second time (no replay within its 30 seconds).
    let mut replay = Client::new(&app);
    let r = replay
        .submit(
            &sign_in_path(),
            &format!("email={COORDINATOR_X}&password={}", enc(PASSWORD)),
            "/de/staff/sign-in",
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/de/staff/two-factor"));
    let r = replay.call(path_of::<VerifyCode>(), &format!("code={code}")).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "replayed code accepted");
}

/// When a role must use a second factor, its members can do nothing until they set one up.
async fn required_second_factor_must_be_set_up_first(kind: common::Kind) {
    use quartiersboard::serverfns::account::ConfirmTotp;
    use quartiersboard::serverfns::users::SetRoleTotp;
    let (app, t) = app(kind).await;
    let mut admin = Client::new(&app);
    admin.sign_in(ADMIN).await;
    assert!(admin.call(path_of::<SetRoleTotp>(), "role=editor&required=true").await.status.is_success());
    let mut ed = Client::new(&app);
    ed.sign_in(EDITOR_A).await;
    assert_eq!(ed.get("/de/staff").await.location.as_deref(), Some("/de/staff/account"));
    let stored = offer_of(&t.db, ORG_A).await;
    let body = format!("id={}&version={}&status=archived", stored.id, stored.version);
    assert_eq!(ed.call(path_of::<SetOfferStatus>(), &body).await.status, StatusCode::FORBIDDEN);
    let page = ed.get("/de/staff/account").await.body;
    let secret = page.split("class=\"secret\">").nth(1).unwrap().split('<').next().unwrap().to_owned();
    let again = ed.get("/de/staff/account").await.body;
    assert!(
        again.contains(&secret),
        "same QR code on reload: {secret} vs {}",
        again.split("class=\"secret\">").nth(1).unwrap_or("none").chars().take(60).collect::<String>()
    );
    let code = quartiersboard::auth::totp::current_code(&secret).unwrap();
    assert!(ed.call(path_of::<ConfirmTotp>(), &format!("code={code}")).await.status.is_success());
    assert_eq!(ed.get("/de/staff").await.status, StatusCode::OK);
}

on_both!(
    disabling_and_resetting_end_sessions,
    invitation_creates_an_editor,
    second_factor,
    required_second_factor_must_be_set_up_first,
);
