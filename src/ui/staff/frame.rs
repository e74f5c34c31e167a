//! The frame of every staff page: `<html lang dir>`, title, navigation, who is signed in, the
//! notice of the last form post, and a sign-out button. Not signed in: off to the sign-in page.

use super::labels;
use crate::i18n::*;
use crate::serverfns::account::{get_staff_frame, SignOut, StaffFrame};
use crate::ui::components::language_switcher::LanguageSwitcher;
use leptos::prelude::*;
use leptos_meta::{Html, Meta, Title};
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_location, use_query_map};

/// `signed_in`: the page needs a signed-in person (all but sign-in, code and link pages).
#[component]
pub fn StaffFrame(
    #[prop(into)] title: String,
    #[prop(default = true)] signed_in: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let lang = locale.as_str();
    let path = use_location().pathname.get_untracked();
    let children = StoredValue::new(children);
    let data = OnceResource::new(get_staff_frame());
    let path = StoredValue::new(path);
    let frame = move || {
        let path = path.get_value();
        Suspend::new(async move {
            let frame = data.await.unwrap_or(StaffFrame { actor: None, must_enrol: false });
            let account_path = format!("/{lang}/staff/account");
            if signed_in && frame.actor.is_none() {
                return view! { <Redirect path=format!("/{lang}/staff/sign-in")/> }.into_any();
            }
            if signed_in && frame.must_enrol && path != account_path {
                return view! { <Redirect path=account_path/> }.into_any();
            }
            let must_enrol = frame.must_enrol;
            view! {
                <Nav frame/>
                <Notice must_enrol/>
                <main id="main">{children.with_value(|c| c())}</main>
                <footer class="site-footer"><crate::ui::pages::LegalLinks/></footer>
            }
            .into_any()
        })
    };
    view! {
        <Html {..} lang=lang dir=locale.direction().as_str()/>
        <Title text=format!("{title} – {}", t_string!(i18n, staff.area))/>
        <Meta name="robots" content="noindex"/>
        <crate::ui::tools_css::ToolsStylesheet/>
        <crate::ui::icons::IconSprite/>
        <a class="skip-link" href="#main">{t!(i18n, site.skip)}</a>
        <Suspense fallback=|| ()>{frame}</Suspense>
    }
}

#[component]
fn Nav(frame: StaffFrame) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    let Some(actor) = frame.actor else {
        return view! {
            <header class="site-header staff-header">
                <a class="brand" href=format!("/{lang}")>{t!(i18n, site.name)}</a>
                <LanguageSwitcher/>
            </header>
        }
        .into_any();
    };
    let admin = actor.role == crate::domain::staff::Role::Admin;
    let coverage = crate::domain::policy::decide(
        Some(&actor),
        crate::domain::policy::Action::ReadCoverage,
        &Default::default(),
    )
    .allowed();
    let who = t_string!(i18n, staff.signed_in_as, name = actor.name.clone()).to_string();
    view! {
        <header class="site-header staff-header">
            <a class="brand" href=format!("/{lang}/staff")>{t!(i18n, site.name)} " · " {t!(i18n, staff.area)}</a>
            <nav aria-label=t_string!(i18n, staff.area)>
                <ul class="staff-nav">
                    <li><a href=format!("/{lang}/staff")>{t!(i18n, staff.nav_offers)}</a></li>
                    <li><a href=format!("/{lang}/staff/plan")>{t!(i18n, plan.nav)}</a></li>
                    <li><a href=format!("/{lang}/staff/directory")>{t!(i18n, staff.nav_directory)}</a></li>
                    {coverage.then(|| view! { <li><a href=format!("/{lang}/staff/coverage")>{t!(i18n, coverage.nav)}</a></li> })}
                    <li><a href=format!("/{lang}/staff/print")>{t!(i18n, print.nav)}</a></li>
                    <li><a href=format!("/{lang}/staff/import")>{t!(i18n, import.nav)}</a></li>
                    {admin.then(|| view! { <li><a href=format!("/{lang}/staff/users")>{t!(i18n, staff.nav_users)}</a></li> })}
                    {admin.then(|| view! { <li><a href=format!("/{lang}/staff/kiosks")>{t!(i18n, staff.nav_kiosks)}</a></li> })}
                    {admin.then(|| view! { <li><a href=format!("/{lang}/staff/calendars")>{t!(i18n, calendars.nav)}</a></li> })}
                    {admin.then(|| view! { <li><a href=format!("/{lang}/staff/data")>{t!(i18n, data.nav)}</a></li> })}
                    {admin.then(|| view! { <li><a href=format!("/{lang}/staff/identity")>{t!(i18n, identity.nav)}</a></li> })}
                    <li><a href=format!("/{lang}/staff/account")>{t!(i18n, staff.nav_account)}</a></li>
                    <li><a href=format!("/{lang}")>{t!(i18n, staff.nav_public)}</a></li>
                </ul>
            </nav>
            <p class="who">{who} " (" {labels::role(i18n, actor.role)} ")"</p>
            <form method="post" action={super::action::<SignOut>()} class="sign-out">
                <button type="submit" class="button secondary">{t!(i18n, staff.sign_out)}</button>
            </form>
        </header>
    }
    .into_any()
}

/// The notice a form post left in the address (`?done=saved`, `?problem=forbidden`).
#[component]
fn Notice(must_enrol: bool) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let must_enrol =
        must_enrol.then(|| view! { <p class="notice problem" role="alert">{t!(i18n, staff.must_enrol)}</p> });
    let notice = match (query.get("done"), query.get("problem")) {
        (Some(key), _) => {
            labels::notice(i18n, &key).map(|text| view! { <p class="notice ok" role="status">{text}</p> })
        }
        (None, Some(key)) => {
            labels::notice(i18n, &key).map(|text| view! { <p class="notice problem" role="alert">{text}</p> })
        }
        (None, None) => None,
    };
    view! { {must_enrol} {notice} }
}
