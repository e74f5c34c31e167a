//! What the kiosk screen needs from the browser: the wall-clock time in the server's time zone
//! (the browser's Intl knows every zone and its DST rules, so the device's own zone does not
//! matter), waiting, fetching, its service worker, reloading.

use chrono::NaiveDateTime;

/// Local time now in `tz` (e.g. `Europe/Berlin`).
pub fn local_now(tz: &str) -> Option<NaiveDateTime> {
    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let opts = Object::new();
    for (k, v) in [
        ("timeZone", tz),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("second", "2-digit"),
    ] {
        Reflect::set(&opts, &k.into(), &v.into()).ok()?;
    }
    let format = Intl::DateTimeFormat::new(&Array::of1(&JsValue::from_str("en-GB")), &opts);
    let parts = format.format_to_parts(&js_sys::Date::new_0());
    let mut n = [0u32; 6];
    for part in parts.iter() {
        let get =
            |k: &str| Reflect::get(&part, &k.into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
        let i = match get("type").as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        n[i] = get("value").parse().ok()?;
    }
    let _ = parts.dyn_ref::<Array>();
    chrono::NaiveDate::from_ymd_opt(n[0] as i32, n[1], n[2])?.and_hms_opt(n[3] % 24, n[4], n[5])
}

/// Waits `secs` seconds (a browser timer, so a test's fake clock drives it).
pub async fn sleep(secs: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, (secs * 1000) as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Registers the kiosk service worker, which keeps the page and its files for offline starts.
pub fn register_service_worker() {
    if let Some(w) = web_sys::window() {
        let options = web_sys::RegistrationOptions::new();
        options.set_scope("/kiosk/");
        let _ = w.navigator().service_worker().register_with_options("/kiosk-sw.js", &options);
    }
}

/// Keeps this page and the files it loaded in the service worker's cache (the page was loaded
/// before the worker existed, so the worker has not seen it yet).
pub async fn keep_for_offline() {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let Some(w) = web_sys::window() else { return };
    let Ok(caches) = w.caches() else { return };
    let mut urls = vec![w.location().href().unwrap_or_default()];
    if let Some(p) = w.performance() {
        for entry in p.get_entries_by_type("resource").iter() {
            let name = entry.unchecked_into::<web_sys::PerformanceEntry>().name();
            if ["/pkg/", "/assets/", "/styles/", "/media/"].iter().any(|p| name.contains(p)) {
                urls.push(name);
            }
        }
    }
    let Ok(cache) = JsFuture::from(caches.open(KIOSK_CACHE)).await else { return };
    let cache: web_sys::Cache = cache.unchecked_into();
    for url in urls {
        let _ = JsFuture::from(cache.add_with_str(&url)).await;
    }
}

/// The cache the service worker (`public/kiosk-sw.js`) keeps the kiosk's page and files in.
const KIOSK_CACHE: &str = "quartiersboard-kiosk-1";

/// Loads the page again (a new version of the app is deployed).
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}
