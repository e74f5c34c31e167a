//! "Share": the phone's share sheet (Web Share API) where there is one, else copy the link.
//! Hidden until the page is interactive; without JavaScript the link and QR code next to it do.

use crate::ui::dom;
use leptos::prelude::*;

/// `label` and `copied_note` are the button's words and the note after copying, in the page language.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn ShareButton(url: String, title: String, label: String, copied_note: String) -> impl IntoView {
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
            <button type="button" class="button" on:click=share>{label}</button>
            " "
            <span role="status" hidden=move || !copied.get()>{copied_note}</span>
        </p>
    }
}
