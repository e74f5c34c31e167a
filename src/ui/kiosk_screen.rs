//! The kiosk screen: an island (lazy, its own WebAssembly chunk) that runs all day without
//! anyone touching it. A clock in the server's time zone, "now" and "later today", this week; it
//! rotates pages and languages, refreshes its data with a cheap conditional GET, keeps showing
//! the last data when the server is away (saying since when), catches up when it is back, reloads
//! itself when a new version is deployed, rests outside its hours and shifts against burn-in.

#[cfg(feature = "hydrate")]
mod browser;

use crate::domain::kiosk::{
    burn_in_shift, is_quiet, rotation, today_view, week_of, KioskData, KioskEntry, KioskLang, KioskOptions,
    View,
};
use leptos::prelude::*;

#[cfg_attr(feature = "islands", island(lazy))]
#[cfg_attr(not(feature = "islands"), component)]
pub fn KioskScreen(
    data: KioskData,
    now: chrono::NaiveDateTime,
    options: KioskOptions,
    quarter: String,
) -> impl IntoView {
    let now = RwSignal::new(now);
    let data = RwSignal::new(data);
    let elapsed = RwSignal::new(0u64);
    let offline_since = RwSignal::new(None::<String>);
    let options = StoredValue::new(options);
    #[cfg(feature = "hydrate")]
    start(data, now, elapsed, offline_since, options, quarter);
    #[cfg(not(feature = "hydrate"))]
    let _ = quarter;

    let lang = move || {
        let (i, _) = rotation(&options.read_value(), elapsed.get());
        data.with(|d| d.langs.get(i).or(d.langs.first()).cloned())
    };
    let screen = move || {
        let Some(l) = lang() else { return ().into_any() };
        let t = now.get();
        let quiet = options.with_value(|o| is_quiet(o, t.time()));
        let (_, view) = rotation(&options.read_value(), elapsed.get());
        let (x, y) = burn_in_shift(t.time());
        let orientation = options.with_value(|o| match o.orientation {
            Some(crate::domain::kiosk::Orientation::Portrait) => "kiosk portrait",
            Some(crate::domain::kiosk::Orientation::Landscape) => "kiosk landscape",
            None => "kiosk",
        });
        let qr = data.with(|d| d.qr_svg.clone());
        let offline = offline_since.get().map(|time| l.words.offline_since.replace("{{ time }}", &time));
        let body = if quiet {
            view! { <p class="kiosk-quiet">{l.words.quiet.clone()}</p> }.into_any()
        } else if view == View::Today {
            today(&l, t).into_any()
        } else {
            week(&l, t).into_any()
        };
        view! {
            <div
                class=orientation
                class:quiet=quiet
                lang=l.lang.clone()
                dir=if l.rtl { "rtl" } else { "ltr" }
                style=format!("transform: translate({x}px, {y}px)")
            >
                <header class="kiosk-head">
                    <h1>{l.quarter_name.clone()}</h1>
                    <p class="kiosk-clock"><time>{t.format("%H:%M").to_string()}</time></p>
                    {offline.map(|text| view! { <p class="kiosk-offline" role="status">{text}</p> })}
                </header>
                <main class="kiosk-main" id="main">{body}</main>
                <aside class="kiosk-side">
                    <div class="kiosk-qr" inner_html=qr></div>
                    <p>{l.words.scan.clone()}</p>
                    <h2>{l.words.office.clone()}</h2>
                    <p dir="auto">{l.office_name.clone()}</p>
                    <p class="kiosk-hours" dir="auto">{l.office_hours.clone()}</p>
                </aside>
            </div>
        }
        .into_any()
    };
    view! { <div class="kiosk-frame">{screen}</div> }
}

/// "Now" and "later today".
fn today(l: &KioskLang, t: chrono::NaiveDateTime) -> impl IntoView {
    let v = today_view(&l.days, t);
    let heading = v.day.map(|d| d.heading.clone()).unwrap_or_default();
    let list = |entries: Vec<&KioskEntry>, empty: &str| {
        if entries.is_empty() {
            view! { <p class="kiosk-empty">{empty.to_owned()}</p> }.into_any()
        } else {
            view! { <ul class="kiosk-list">{entries.into_iter().map(|e| entry(l, e)).collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        <p class="kiosk-day">{heading}</p>
        <section class="kiosk-now">
            <h2>{l.words.now.clone()}</h2>
            {list(v.now, &l.words.nothing_now)}
        </section>
        <section class="kiosk-later">
            <h2>{l.words.later.clone()}</h2>
            {list(v.later, &l.words.nothing_later)}
        </section>
    }
}

/// Monday to Sunday of this week, today marked.
fn week(l: &KioskLang, t: chrono::NaiveDateTime) -> impl IntoView {
    let today = t.date();
    let days = week_of(&l.days, today)
        .into_iter()
        .map(|d| {
            let entries = if d.entries.is_empty() {
                view! { <p class="kiosk-empty">{l.words.nothing_day.clone()}</p> }.into_any()
            } else {
                view! { <ul class="kiosk-list">{d.entries.iter().map(|e| entry(l, e)).collect_view()}</ul> }
                    .into_any()
            };
            view! {
                <li class="kiosk-weekday" class:today=d.date == today>
                    <h3>{d.heading.clone()}</h3>
                    {entries}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="kiosk-week">
            <h2>{l.words.this_week.clone()}</h2>
            <ol>{days}</ol>
        </section>
    }
}

fn entry(l: &KioskLang, e: &KioskEntry) -> impl IntoView {
    let time = match e.times {
        Some((a, b)) => format!("{}–{}", a.format("%H:%M"), b.format("%H:%M")),
        None => l.words.all_day.clone(),
    };
    let mark = if e.cancelled {
        Some(l.words.cancelled.clone())
    } else if e.changed {
        Some(l.words.changed.clone())
    } else {
        None
    };
    view! {
        <li class="kiosk-entry" class:cancelled=e.cancelled>
            <span class="kiosk-time">{time}</span>
            <span class="kiosk-title" lang=e.lang.clone() dir="auto">{e.title.clone()}</span>
            <span class="kiosk-place" dir="auto">{e.place.clone()}</span>
            {mark.map(|m| view! { <strong class="kiosk-mark">{m}</strong> })}
        </li>
    }
}

/// Starts the clock, the rotation and the refreshing (in the browser only).
#[cfg(feature = "hydrate")]
fn start(
    data: RwSignal<KioskData>,
    now: RwSignal<chrono::NaiveDateTime>,
    elapsed: RwSignal<u64>,
    offline_since: RwSignal<Option<String>>,
    options: StoredValue<KioskOptions>,
    quarter: String,
) {
    let version = data.with_untracked(|d| d.version.clone());
    let tz = data.with_untracked(|d| d.tz.clone());
    browser::register_service_worker();
    leptos::task::spawn_local(browser::keep_for_offline());
    let tick_tz = tz.clone();
    let _ = set_interval_with_handle(
        move || {
            if let Some(t) = browser::local_now(&tick_tz) {
                now.set(t);
            }
            elapsed.update(|e| *e += 1);
        },
        std::time::Duration::from_secs(1),
    );
    leptos::task::spawn_local(async move {
        use crate::domain::kiosk::{covers, monday_of, retry_after};
        let (mut failures, mut waited) = (0u32, 0u32);
        loop {
            browser::sleep(1).await;
            waited += 1;
            let today = now.get_untracked().date();
            // A new week (or a clock far from the data) fetches at once; otherwise on the timer.
            let stale = !covers(data.with_untracked(|d| d.from), today);
            if waited < options.with_value(|o| retry_after(o, failures)) && !(stale && failures == 0) {
                continue;
            }
            waited = 0;
            let query = options.with_value(|o| o.to_query());
            let url = format!("/kiosk/{quarter}/data?{query}&from={}", monday_of(today));
            let fresh = crate::ui::dom::fetch_text(&url)
                .await
                .and_then(|body| serde_json::from_str::<KioskData>(&body).ok());
            match fresh {
                Some(fresh) if fresh.version != version => browser::reload(),
                Some(fresh) => {
                    failures = 0;
                    offline_since.set(None);
                    if data.with_untracked(|d| *d != fresh) {
                        data.set(fresh);
                    }
                }
                None => {
                    failures += 1;
                    if offline_since.get_untracked().is_none() {
                        offline_since.set(Some(now.get_untracked().format("%H:%M").to_string()));
                    }
                }
            }
        }
    });
}
