//! `/<lang>/staff/account`: setting up the second factor (QR code for the authenticator app).

use super::frame::StaffFrame;
use crate::i18n::*;
use crate::serverfns::account::{get_totp_setup, ConfirmTotp};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let data = OnceResource::new(get_totp_setup());
    let setup = move || {
        Suspend::new(async move {
            match data.await {
                Ok(s) => view! {
                    {s.enrolled.then(|| view! { <p class="notice ok">{t!(i18n, staff.totp_active)}</p> })}
                    <p>{t!(i18n, staff.totp_intro)}</p>
                    {s.qr_svg.map(|svg| view! { <div class="qr totp-qr" inner_html=svg></div> })}
                    <p>{t!(i18n, staff.totp_secret)} " " <code dir="ltr" class="secret">{s.secret}</code></p>
                    <form method="post" action={super::action::<ConfirmTotp>()} class="staff-form narrow">
                        <div class="field">
                            <label for="code">{t!(i18n, staff.code)}</label>
                            <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required/>
                        </div>
                        <button type="submit" class="button">{t!(i18n, staff.totp_confirm)}</button>
                    </form>
                }
                .into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, staff.account_title)>
            <h1>{t!(i18n, staff.account_title)}</h1>
            <h2>{t!(i18n, staff.totp_heading)}</h2>
            <Suspense fallback=|| ()>{setup}</Suspense>
        </StaffFrame>
    }
    .into_any()
}
