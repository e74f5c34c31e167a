//! "Print / save as PDF" on the print products: the browser's print dialog. Hidden until the page
//! is interactive; without JavaScript the hint next to it names Ctrl+P.

use leptos::prelude::*;

#[cfg_attr(feature = "islands", island(lazy))]
#[cfg_attr(not(feature = "islands"), component)]
pub fn PrintButton(label: String) -> impl IntoView {
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! { <button type="button" class="button" hidden=move || !ready.get() on:click=print>{label}</button> }
}
