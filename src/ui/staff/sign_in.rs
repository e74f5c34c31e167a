//! `/<lang>/staff/sign-in` and `/<lang>/staff/two-factor`: plain forms, no JavaScript needed.

use super::frame::StaffFrame;
use crate::i18n::*;
use crate::serverfns::account::{SignIn, VerifyCode};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let message = match query.get("failed").as_deref() {
        Some("limit") => Some(t_string!(i18n, staff.sign_in_limit)),
        Some(_) => Some(t_string!(i18n, staff.sign_in_failed)),
        None => None,
    };
    let info = if query.get("signed_out").is_some() {
        Some(t_string!(i18n, staff.signed_out))
    } else if query.get("welcome").is_some() {
        Some(t_string!(i18n, staff.welcome))
    } else {
        None
    };
    view! {
        <StaffFrame title=t_string!(i18n, staff.sign_in_title) signed_in=false>
            <h1>{t!(i18n, staff.sign_in_title)}</h1>
            <p>{t!(i18n, staff.sign_in_intro)}</p>
            {message.map(|m| view! { <p class="notice problem" role="alert">{m}</p> })}
            {info.map(|m| view! { <p class="notice ok" role="status">{m}</p> })}
            <form method="post" action={super::action::<SignIn>()} class="staff-form narrow">
                <div class="field">
                    <label for="email">{t!(i18n, staff.email)}</label>
                    <input id="email" name="email" type="email" autocomplete="username" required/>
                </div>
                <div class="field">
                    <label for="password">{t!(i18n, staff.password)}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required/>
                </div>
                <button type="submit" class="button">{t!(i18n, staff.sign_in_button)}</button>
            </form>
        </StaffFrame>
    }
    .into_any()
}

#[component]
pub fn TwoFactorPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let failed = use_query_map().get_untracked().get("failed").is_some();
    view! {
        <StaffFrame title=t_string!(i18n, staff.two_factor_title) signed_in=false>
            <h1>{t!(i18n, staff.two_factor_title)}</h1>
            <p>{t!(i18n, staff.two_factor_intro)}</p>
            {failed.then(|| view! { <p class="notice problem" role="alert">{t!(i18n, staff.code_failed)}</p> })}
            <form method="post" action={super::action::<VerifyCode>()} class="staff-form narrow">
                <div class="field">
                    <label for="code">{t!(i18n, staff.code)}</label>
                    <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" required/>
                </div>
                <button type="submit" class="button">{t!(i18n, staff.verify_button)}</button>
            </form>
        </StaffFrame>
    }
    .into_any()
}
