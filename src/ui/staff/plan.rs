//! `/<lang>/staff/plan`: the weekly plan of a quarter, place or organisation as a grid to edit
//! by dragging, with the keyboard, or with each block's form (the editor is a lazily loaded island).

use super::frame::StaffFrame;
use super::plan_editor::PlanEditor;
use super::plan_texts::{fill, PlanTexts};
use crate::i18n::*;
use crate::serverfns::plan::{get_plan, PlanPage as Page};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn PlanPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let i18n = use_i18n();
    let query = use_location().search.get_untracked().trim_start_matches('?').to_owned();
    let data = OnceResource::new(get_plan(query));
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(page) => view! { <PlanView page locale/> }.into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, plan.title)>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

#[component]
fn PlanView(page: Page, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let Page { data, scopes } = page;
    let scope = data.scope.clone();
    let week_link = |week: &str| format!("?{}&week={week}", scope.query());
    let monday = data.monday.format(t_string!(i18n, formats.date)).to_string();
    let choice = scope.choice();
    let group = |label: &'static str, kind: &'static str, list: Vec<crate::domain::offer_form::Choice>| {
        let choice = choice.clone();
        view! {
            <optgroup label=label>
                {list.into_iter().map(|c| {
                    let value = format!("{kind}:{}", c.slug);
                    view! { <option value=value.clone() selected=value == choice>{c.name}</option> }
                }).collect_view()}
            </optgroup>
        }
    };
    let query = format!("{}&week={}", scope.query(), data.week);
    view! {
        <h1>{t!(i18n, plan.title)} ": " {data.scope_name.clone()}</h1>
        <form method="get" class="staff-filters plan-choose">
            <div class="field">
                <label for="plan-scope-choice">{t!(i18n, plan.nav)}</label>
                <select id="plan-scope-choice" name="scope">
                    {group(t_string!(i18n, plan.scope_quarter), "quarter", scopes.quarters)}
                    {group(t_string!(i18n, plan.scope_place), "place", scopes.places)}
                    {group(t_string!(i18n, plan.scope_organisation), "organisation", scopes.organisations)}
                </select>
            </div>
            <input type="hidden" name="week" value=data.week.clone()/>
            <button type="submit" class="button secondary">{t!(i18n, plan.show)}</button>
        </form>
        <nav class="week-nav" aria-label=t_string!(i18n, plan.nav)>
            <a href=week_link(&data.previous_week)>{t!(i18n, plan.previous_week)}</a>
            <span class="week-range">{fill(&t_string!(i18n, plan.week_of, date = "{{ date }}").to_string(), &[("date", &monday)])}</span>
            <a href=week_link(&data.next_week)>{t!(i18n, plan.next_week)}</a>
        </nav>
        <noscript><p class="notice">{t!(i18n, plan.needs_js)}</p></noscript>
        <PlanEditor data texts=PlanTexts::new(i18n) query rtl=locale.direction().as_str() == "rtl"/>
    }
}
