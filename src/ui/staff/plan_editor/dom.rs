//! The few DOM calls of the plan editor: which grid cell lies under the pointer, pointer capture,
//! the browser's "leave page?" question while a change is not saved. No-ops on the server.

/// (day index 0–6, minutes since midnight) of the grid cell at the viewport point, if any.
pub fn cell_at(x: f64, y: f64) -> Option<(i64, u32)> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let doc = web_sys::window()?.document()?;
        let hits = doc.elements_from_point(x as f32, y as f32);
        for i in 0..hits.length() {
            let Some(el) = hits.get(i).dyn_into::<web_sys::Element>().ok() else { continue };
            if el.class_list().contains("plan-cell") {
                let day = el.get_attribute("data-day")?.parse().ok()?;
                let min = el.get_attribute("data-min")?.parse().ok()?;
                return Some((day, min));
            }
        }
        None
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (x, y);
        None
    }
}

/// Keeps the pointer's events with the element that started a drag.
pub fn capture(ev: &leptos::ev::PointerEvent) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = el.set_pointer_capture(ev.pointer_id());
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// Asks before leaving the page while `unsaved()` is true.
pub fn guard_leaving(unsaved: impl Fn() -> bool + 'static) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::{closure::Closure, JsCast};
        let handler =
            Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(move |ev: web_sys::BeforeUnloadEvent| {
                if unsaved() {
                    ev.prevent_default();
                    ev.set_return_value("unsaved");
                }
            });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
        }
        handler.forget();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = unsaved;
}
