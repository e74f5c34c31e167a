//! `/<lang>/staff/kiosks`: administrators find each quarter's screen address and a ready-to-copy
//! Chromium command line for the device in the quarter office.

use super::frame::StaffFrame;
use crate::i18n::*;
use crate::serverfns::{get_kiosks, KioskLink};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn KiosksPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let i18n = use_i18n();
    let data = OnceResource::new(get_kiosks(locale.as_str().to_owned()));
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(links) => links.into_iter().map(|link| view! { <Kiosk link/> }).collect_view().into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, staff.kiosks_title)>
            <h1>{t!(i18n, staff.kiosks_title)}</h1>
            <p>{t!(i18n, staff.kiosks_intro)}</p>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

#[component]
fn Kiosk(link: KioskLink) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="kiosk-link">
            <h2>{link.quarter}</h2>
            <h3>{t!(i18n, staff.kiosk_address)}</h3>
            <p dir="ltr"><a href=link.address.clone()>{link.address.clone()}</a></p>
            <h3>{t!(i18n, staff.kiosk_command)}</h3>
            <pre dir="ltr" tabindex="0"><code>{link.command}</code></pre>
            <p>{t!(i18n, staff.kiosk_command_hint)}</p>
        </section>
    }
}
