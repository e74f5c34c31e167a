//! "Share": the phone's share sheet (Web Share API) where there is one, else copy the link.
//! Hidden until the page is interactive; without JavaScript the link and QR code next to it do.

use crate::i18n::*;
use crate::ui::dom;
use leptos::prelude::*;

#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn ShareButton(url: String, title: String) -> impl IntoView {
    let i18n = use_i18n();
    let ready = RwSignal::new(false);
    let copied = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let share = move |_| {
        let (url, title) = (url.clone(), title.clone());
        leptos::task::spawn_local(async move {
            if dom::share_or_copy(&url, &title).await {
                copied.set(true);
            }
        });
    };
    view! {
        <p class="share-actions" hidden=move || !ready.get()>
            <button type="button" class="button" on:click=share>{t!(i18n, offer.share_button)}</button>
            " "
            <span role="status" hidden=move || !copied.get()>{t!(i18n, offer.link_copied)}</span>
        </p>
    }
}
