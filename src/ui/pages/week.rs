//! `/<lang>/<quarter>/week[/<2026-W48>]`: what runs on which day this week, with cancellations
//! and changes, and the typical week of the rules. A day-by-day list on phones (also the
//! accessible rendition), a seven-column grid on wide screens.

use super::NotFoundPage;
use crate::domain::schedule::Status;
use crate::domain::week_plan::{not_this_week, DayPlan, TypicalEntry, WeekPage};
use crate::i18n::*;
use crate::serverfns::get_week;
use crate::ui::components::occurrence_text::StatusBadge;
use crate::ui::components::page_frame::PageFrame;
use crate::ui::components::schedule_text::{holidays_text, pattern_text, times_text};
use crate::ui::date_format::{date_long, day_month, day_month_long};
use crate::ui::icons::{Icon, IconView};
use crate::ui::labels;
use crate::ui::locale::route_locale;
use chrono::{Datelike, Duration};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

#[component]
pub fn WeekPlanPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let params = use_params_map().read_untracked();
    let quarter = params.get("quarter").unwrap_or_default();
    let week = params.get("week");
    let query = use_location().search.get_untracked().trim_start_matches('?').to_owned();
    let data = OnceResource::new(get_week(locale.as_str().to_owned(), quarter, week, query));
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(page) => view! { <WeekView page locale/> }.into_any(),
                Err(e) => super::load_failed(e),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{page}</Suspense> }.into_any()
}

#[component]
fn WeekView(page: WeekPage, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let base = format!("/{}/{}", locale.as_str(), page.quarter_slug);
    let keep = if page.query.is_empty() { String::new() } else { format!("?{}", page.query) };
    let title = t_string!(i18n, week.title, quarter = page.quarter_name.clone()).to_string();
    let monday = page.plan.monday;
    let range = t_string!(
        i18n,
        week.range,
        from = day_month_long(locale, monday),
        to = date_long(locale, monday + Duration::days(6))
    )
    .to_string();
    let is_current = page.plan.week == page.current_week;
    let lacking = not_this_week(&page.plan, &page.typical);
    let today = page.today;
    let days = page
        .plan
        .days
        .into_iter()
        .map(|day| {
            let is_today = day.date == today;
            view! { <DayColumn day locale is_today/> }
        })
        .collect_view();
    let normal_week = lacking.iter().all(Vec::is_empty);
    let typical = lacking
        .into_iter()
        .enumerate()
        .filter(|(_, entries)| !entries.is_empty())
        .map(|(i, entries)| {
            let weekday = chrono::Weekday::try_from(i as u8).unwrap_or(chrono::Weekday::Mon);
            view! { <TypicalDay weekday entries locale/> }
        })
        .collect_view();
    let feed = format!("/feeds/{}/quarters/{}.ics", locale.as_str(), page.quarter_slug);
    view! {
        <PageFrame title=format!("{title} – {}", t_string!(i18n, site.name))
            image=format!("/qr/q/{}/{}-week.png", page.quarter_slug, locale.as_str())>
            <a class="back-link" href=format!("{base}{keep}")><IconView name=Icon::Back.name()/> <span>{t!(i18n, week.back_to_board)}</span></a>
            <h1>{title}</h1>
            <nav class="week-nav" aria-label=t_string!(i18n, week.nav_label)>
                <a class="chip" href=format!("{base}/week/{}{keep}", page.previous_week) rel="prev">{t!(i18n, week.previous)}</a>
                {(!is_current).then(|| view! { <a class="chip" href=format!("{base}/week{keep}")>{t!(i18n, week.this_week)}</a> })}
                <a class="chip" href=format!("{base}/week/{}{keep}", page.next_week) rel="next">{t!(i18n, week.next)}</a>
            </nav>
            <h2 class="week-range">{range}</h2>
            <ol class="week-days">{days}</ol>
            <section aria-labelledby="typical-heading">
                <h2 id="typical-heading">{t!(i18n, week.typical_heading)}</h2>
                {if normal_week {
                    view! { <p>{t!(i18n, week.typical_same)}</p> }.into_any()
                } else {
                    view! {
                        <p>{t!(i18n, week.typical_intro)}</p>
                        <ol class="week-days typical">{typical}</ol>
                    }
                    .into_any()
                }}
            </section>
            <p><a href=feed download="">{t!(i18n, week.calendar_feed)}</a></p>
        </PageFrame>
    }
}

#[component]
fn DayColumn(day: DayPlan, locale: Locale, is_today: bool) -> impl IntoView {
    let i18n = use_i18n();
    let heading = format!("{} {}", labels::weekday(i18n, day.date.weekday()), day_month(locale, day.date));
    let entries = if day.entries.is_empty() {
        view! { <p class="nothing">{t!(i18n, week.nothing)}</p> }.into_any()
    } else {
        let items = day
            .entries
            .into_iter()
            .map(|e| {
                let cancelled = matches!(e.status, Status::Cancelled { .. });
                let href = format!("/{}/offers/{}", locale.as_str(), e.offer_slug);
                view! {
                    <li class=format!("entry cat-{}", e.category.code()) class:cancelled=cancelled>
                        <bdi class="entry-time time" dir="ltr">{times_text(i18n, e.times)}</bdi>
                        " "
                        <a class="entry-title" href=href lang=e.lang dir="auto">{e.title}</a>
                        " "
                        <span class="entry-place"><bdi>{e.place_name}</bdi></span>
                        " "
                        <StatusBadge status=e.status/>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="entries">{items}</ul> }.into_any()
    };
    view! {
        <li class="day" class:today=is_today aria-current=is_today.then_some("date")>
            <h3>
                {is_today.then(|| view! { <span class="today-mark">{t!(i18n, when.today)}</span> })}
                <span>{heading}</span>
            </h3>
            {entries}
        </li>
    }
}

#[component]
fn TypicalDay(weekday: chrono::Weekday, entries: Vec<TypicalEntry>, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let items = entries
        .into_iter()
        .map(|e| {
            let pattern = pattern_text(i18n, &e.pattern, weekday);
            let holidays = holidays_text(i18n, e.holidays);
            let href = format!("/{}/offers/{}", locale.as_str(), e.offer_slug);
            view! {
                <li class=format!("entry cat-{}", e.category.code())>
                    <bdi class="entry-time time" dir="ltr">{times_text(i18n, e.times)}</bdi>
                    " "
                    <a class="entry-title" href=href lang=e.lang dir="auto">{e.title}</a>
                    " "
                    <span class="entry-pattern">{pattern}</span>
                    {holidays.map(|h| view! { " · " <span>{h}</span> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <li class="day">
            <h3>{labels::weekday(i18n, weekday)}</h3>
            <ul class="entries">{items}</ul>
        </li>
    }
}
