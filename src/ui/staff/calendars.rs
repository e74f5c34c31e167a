//! `/<lang>/staff/calendars`: administrators enter an organisation's calendar address (the
//! server reads it regularly and takes its events over as offers), read one now or only check
//! it, or upload an .ics file; every problem is listed by event and property.

use super::fields::{Field, IssueSummary, Issues, Select};
use super::frame::StaffFrame;
use super::labels::field_error;
use crate::domain::calendar_source::{CalendarReport, CalendarSource};
use crate::domain::category::Category;
use crate::domain::offer_form::Choice;
use crate::i18n::*;
use crate::serverfns::calendars::{
    get_calendars, CalendarsPage, ReadCalendarNow, RemoveCalendar, SaveCalendar,
};
use crate::ui::labels;
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn CalendarsPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let data = OnceResource::new(get_calendars());
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(page) => view! { <Calendars page/> }.into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, calendars.title)>
            <h1>{t!(i18n, calendars.title)}</h1>
            <p>{t!(i18n, calendars.intro)}</p>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

fn pairs(list: &[Choice]) -> Vec<(String, String)> {
    list.iter().map(|c| (c.slug.clone(), c.name.clone())).collect()
}

#[component]
fn Calendars(page: CalendarsPage) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    let name_of = |slug: &str| {
        page.options.organisations.iter().find(|o| o.slug == slug).map_or(slug.to_owned(), |o| o.name.clone())
    };
    let last = page.last.map(|(org, report)| {
        let heading = t_string!(i18n, calendars.result_of, organisation = name_of(&org)).to_string();
        view! {
            <section class="import-report" aria-labelledby="calendar-result">
                <h2 id="calendar-result">{heading}</h2>
                <ReportView report/>
            </section>
        }
    });
    let categories: Vec<(String, String)> =
        Category::ALL.iter().map(|c| (c.code().to_owned(), labels::category(i18n, *c).to_owned())).collect();
    let (orgs, places) = (pairs(&page.options.organisations), pairs(&page.options.places));
    let issues = Issues(std::sync::Arc::new(page.issues));
    let f = page.form;
    let list = if page.sources.is_empty() {
        view! { <p>{t!(i18n, calendars.none)}</p> }.into_any()
    } else {
        let rows = page.sources.into_iter().map(|s| view! { <SourceRow source=s/> }).collect_view();
        view! {
            <div class="table-scroll">
                <table class="staff-table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, staff.organisation)}</th>
                        <th scope="col">{t!(i18n, calendars.url)}</th>
                        <th scope="col">{t!(i18n, calendars.place)}</th>
                        <th scope="col">{t!(i18n, calendars.category)}</th>
                        <th scope="col">{t!(i18n, calendars.last_read)}</th>
                        <th scope="col">{t!(i18n, staff.col_actions)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let choose = t_string!(i18n, staff.choose);
    let options = |list: &[(String, String)]| {
        let items =
            list.iter().map(|(v, l)| view! { <option value=v.clone()>{l.clone()}</option> }).collect_view();
        view! { <option value="">{choose}</option> {items} }
    };
    view! {
        {last}
        <section aria-labelledby="calendars-heading">
            <h2 id="calendars-heading">{t!(i18n, calendars.configured)}</h2>
            {list}
        </section>
        <section aria-labelledby="calendar-form-heading">
            <h2 id="calendar-form-heading">{t!(i18n, calendars.set_heading)}</h2>
            <p>{t!(i18n, calendars.set_intro)}</p>
            <IssueSummary issues=issues.clone()/>
            <form method="post" action={super::action::<SaveCalendar>()} class="staff-form narrow">
                <Select path="organisation" label=t_string!(i18n, staff.organisation) value=f.organisation options=orgs.clone() issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
                <Field path="url" label=t_string!(i18n, calendars.url) value=f.url issues=issues.clone() kind="url" required=true hint=t_string!(i18n, calendars.url_hint)/>
                <Select path="place" label=t_string!(i18n, calendars.place) value=f.place options=places.clone() issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
                <Select path="category" label=t_string!(i18n, calendars.category) value=f.category options=categories.clone() issues=issues.clone() blank=t_string!(i18n, staff.choose)/>
                <button type="submit" class="button">{t!(i18n, staff.save)}</button>
            </form>
        </section>
        <section aria-labelledby="calendar-upload-heading">
            <h2 id="calendar-upload-heading">{t!(i18n, calendars.upload_heading)}</h2>
            <p>{t!(i18n, calendars.upload_intro)}</p>
            <form method="post" action=format!("/{lang}/staff/calendars/upload") enctype="multipart/form-data" class="staff-form narrow">
                <div class="field"><label for="upload-organisation">{t!(i18n, staff.organisation)}</label>
                    <select id="upload-organisation" name="organisation" required>{options(&orgs)}</select></div>
                <div class="field"><label for="upload-place">{t!(i18n, calendars.place)}</label>
                    <select id="upload-place" name="place" required>{options(&places)}</select></div>
                <div class="field"><label for="upload-category">{t!(i18n, calendars.category)}</label>
                    <select id="upload-category" name="category" required>{options(&categories)}</select></div>
                <div class="field"><label for="upload-file">{t!(i18n, calendars.file)}</label>
                    <input id="upload-file" type="file" name="file" accept=".ics,text/calendar" required/></div>
                <p><label class="check"><input type="checkbox" name="dry_run" checked/> " " {t!(i18n, import.dry_run)}</label></p>
                <button type="submit" class="button">{t!(i18n, import.submit)}</button>
            </form>
        </section>
    }
}

/// One configured calendar: its settings, how the last reading went, and what one can do.
#[component]
fn SourceRow(source: CalendarSource) -> impl IntoView {
    let i18n = use_i18n();
    let last = match (&source.checked_at, &source.report) {
        (Some(at), Some(r)) => format!("{at} – {}", summary(i18n, r)),
        _ => t_string!(i18n, calendars.never).to_owned(),
    };
    let org = source.organisation.clone();
    let button = |dry: bool, text: &'static str| {
        let label = format!("{text}: {}", source.organisation_name);
        view! {
            <form method="post" action={super::action::<ReadCalendarNow>()}>
                <input type="hidden" name="organisation" value=org.clone()/>
                {dry.then(|| view! { <input type="hidden" name="dry_run" value="on"/> })}
                <button type="submit" class="button small secondary" aria-label=label>{text}</button>
            </form>
        }
    };
    let remove = format!("{}: {}", t_string!(i18n, calendars.remove), source.organisation_name);
    view! {
        <tr data-organisation=source.organisation.clone()>
            <th scope="row">{source.organisation_name.clone()}</th>
            <td><code dir="ltr" class="calendar-url">{source.url.clone()}</code></td>
            <td>{source.place_name.clone()}</td>
            <td>{labels::category(i18n, source.category)}</td>
            <td>{last}</td>
            <td class="row-actions">
                {button(true, t_string!(i18n, calendars.check))}
                {button(false, t_string!(i18n, calendars.read_now))}
                <form method="post" action={super::action::<RemoveCalendar>()}>
                    <input type="hidden" name="organisation" value=source.organisation.clone()/>
                    <button type="submit" class="button small secondary" aria-label=remove>{t!(i18n, calendars.remove)}</button>
                </form>
            </td>
        </tr>
    }
}

/// "3 new, 1 changed, 5 unchanged", or that nothing was taken over.
fn summary(i18n: leptos_i18n::I18nContext<Locale>, r: &CalendarReport) -> String {
    if r.problems.is_empty() {
        t_string!(
            i18n,
            calendars.counts,
            created = r.created.len(),
            updated = r.updated.len(),
            unchanged = r.unchanged
        )
        .to_string()
    } else {
        t_string!(i18n, calendars.problems, n = r.problems.len()).to_string()
    }
}

/// A report: what was (or would be) done, or every problem by event and property.
#[component]
fn ReportView(report: CalendarReport) -> impl IntoView {
    let i18n = use_i18n();
    if report.problems.is_empty() {
        let done = if report.written {
            t_string!(i18n, import.written)
        } else {
            t_string!(i18n, calendars.checked_ok)
        };
        return view! { <p class="notice ok" role="status">{done} " " {summary(i18n, &report)}</p> }
            .into_any();
    }
    let rows = report
        .problems
        .into_iter()
        .map(|p| {
            let event =
                if p.event.is_empty() { t_string!(i18n, import.whole_file).to_owned() } else { p.event };
            let detail = p.detail.map(|d| view! { " " <code dir="ltr">{d}</code> });
            view! {
                <tr>
                    <td>{event}</td>
                    <td dir="ltr">{p.field}</td>
                    <td>{field_error(i18n, &p.reason)} {detail}</td>
                </tr>
            }
        })
        .collect_view();
    let more = (report.more_problems > 0)
        .then(|| view! { <p>{t_string!(i18n, import.more, n = report.more_problems).to_string()}</p> });
    view! {
        <p class="notice problem" role="alert">{t!(i18n, calendars.nothing_written)}</p>
        <div class="table-scroll">
            <table class="staff-table">
                <thead><tr>
                    <th scope="col">{t!(i18n, calendars.event)}</th>
                    <th scope="col">{t!(i18n, calendars.field)}</th>
                    <th scope="col">{t!(i18n, import.problem)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {more}
    }
    .into_any()
}
