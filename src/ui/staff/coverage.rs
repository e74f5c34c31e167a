//! `/<lang>/staff/coverage`: weekly offer-hours by age band and weekday for every quarter side by
//! side, with the gaps in words; `/<lang>/staff/coverage/<quarter>`: one quarter as a printable
//! one-page report. Both take the period and category from the URL (a GET form, no JavaScript).

use super::frame::StaffFrame;
use super::labels::field_error;
use crate::domain::category::Category;
use crate::domain::coverage::{band_range, format_hours, gaps, CoverageReport, Period, QuarterCoverage};
use crate::domain::schedule::validate::FieldIssue;
use crate::error::AppError;
use crate::i18n::*;
use crate::serverfns::get_coverage;
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use crate::ui::{date_format, labels};
use chrono::Weekday;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

const DAYS: [Weekday; 7] =
    [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

#[component]
pub fn CoveragePage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let i18n = use_i18n();
    let only = use_params_map().read_untracked().get("quarter");
    let search = use_location().search.get_untracked().trim_start_matches('?').to_owned();
    let data = OnceResource::new(get_coverage(locale.as_str().to_owned(), search));
    let only = StoredValue::new(only);
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(mut report) => {
                    if let Some(slug) = only.get_value() {
                        report.quarters.retain(|q| q.slug == slug);
                        if report.quarters.is_empty() {
                            return view! { <NotFoundPage/> }.into_any();
                        }
                    }
                    view! { <Report report single=only.get_value().is_some()/> }.into_any()
                }
                Err(AppError::Fields(issues)) => view! { <Choices issues/> }.into_any(),
                Err(AppError::Forbidden) => {
                    crate::ui::status::set_status(403);
                    view! { <p class="notice problem" role="alert">{t!(i18n, coverage.forbidden)}</p> }
                        .into_any()
                }
                Err(AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, coverage.title)>
            <div class="coverage-page">
                <h1>{t!(i18n, coverage.title)}</h1>
                <p>{t!(i18n, coverage.intro)}</p>
                <Suspense fallback=|| ()>{page}</Suspense>
            </div>
        </StaffFrame>
    }
    .into_any()
}

/// Period and category, as a GET form; problems shown next to their field.
#[component]
fn Choices(#[prop(optional)] issues: Vec<FieldIssue>) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let value = |k: &str| query.get(k).unwrap_or_default();
    let problem = |field: &str| issues.iter().find(|i| i.field == field).map(|i| i.reason.clone());
    let category = value("category");
    let date_field = |field: &'static str, label: &'static str| {
        let reason = problem(field);
        let error_id = format!("coverage-{field}-error");
        view! {
            <div class="field">
                <label for=format!("coverage-{field}")>{label}</label>
                <input type="date" id=format!("coverage-{field}") name=field value=value(field)
                    aria-invalid=reason.is_some().then_some("true")
                    aria-describedby=reason.is_some().then(|| error_id.clone())/>
                {reason.map(|r| view! { <p class="field-error" id=error_id>{field_error(i18n, &r)}</p> })}
            </div>
        }
    };
    let category_problem = problem("category");
    view! {
        <form method="get" class="staff-filters coverage-choices no-print">
            <fieldset>
                <legend>{t!(i18n, coverage.period)}</legend>
                <p class="hint">{t!(i18n, coverage.period_hint)}</p>
                {date_field("from", t_string!(i18n, coverage.from))}
                {date_field("to", t_string!(i18n, coverage.to))}
            </fieldset>
            <div class="field">
                <label for="coverage-category">{t!(i18n, filter.category)}</label>
                <select id="coverage-category" name="category" aria-invalid=category_problem.is_some().then_some("true")>
                    <option value="">{t!(i18n, coverage.all_categories)}</option>
                    {Category::ALL.iter().map(|c| view! {
                        <option value=c.code() selected=category == c.code()>{labels::category(i18n, *c)}</option>
                    }).collect_view()}
                </select>
                {category_problem.map(|r| view! { <p class="field-error">{field_error(i18n, &r)}</p> })}
            </div>
            <button type="submit" class="button">{t!(i18n, coverage.show)}</button>
        </form>
    }
}

#[component]
fn Report(report: CoverageReport, single: bool) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    let query = report.query.to_query();
    let suffix = if query.is_empty() { String::new() } else { format!("?{query}") };
    let period = match report.query.period {
        Period::Typical => t_string!(i18n, coverage.typical_week).to_owned(),
        Period::Dates { from, to } => {
            let locale = i18n.get_locale_untracked();
            format!("{} – {}", date_format::date(locale, from), date_format::date(locale, to))
        }
    };
    let category = report.query.category.map(|c| labels::category(i18n, c));
    let links = (!single).then(|| {
        view! {
            <p class="coverage-links no-print">
                <a class="button secondary" href=format!("/{lang}/staff/coverage.csv{suffix}") download="">{t!(i18n, coverage.csv)}</a>
            </p>
        }
    });
    let back = single.then(|| {
        view! {
            <p class="no-print"><a href=format!("/{lang}/staff/coverage{suffix}")>{t!(i18n, coverage.all_quarters)}</a></p>
            <p class="no-print hint">{t!(i18n, coverage.report_hint)}</p>
        }
    });
    let quarters = report
        .quarters
        .into_iter()
        .map(|q| {
            let report_link = (!single).then(|| format!("/{lang}/staff/coverage/{}{suffix}", q.slug));
            view! { <Quarter q report_link/> }
        })
        .collect_view();
    view! {
        {back}
        {(!single).then(|| view! { <Choices/> })}
        <p class="coverage-as-of">
            <strong>{t!(i18n, coverage.as_of)} ": "</strong> {date_format::date(i18n.get_locale_untracked(), report.today)}
            " · " <strong>{t!(i18n, coverage.period)} ": "</strong> {period}
            {category.map(|c| view! { " · " <strong>{t!(i18n, filter.category)} ": "</strong> {c} })}
        </p>
        {links}
        <div class="coverage-quarters" class:single=single>{quarters}</div>
        <Definitions/>
    }
}

#[component]
fn Quarter(q: QuarterCoverage, report_link: Option<String>) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = format!("coverage-{}", q.slug);
    let labelled_by = heading_id.clone();
    let bands: Vec<String> = (0..q.hours.len()).map(|b| band_label(i18n, b)).collect();
    let caption = t_string!(i18n, coverage.caption, quarter = q.name.clone()).to_string();
    let days: Vec<&'static str> = DAYS.iter().map(|d| labels::weekday_short(i18n, *d)).collect();
    view! {
            <section class="coverage-quarter" aria-labelledby=labelled_by>
                <h2 id=heading_id>{q.name.clone()}</h2>
                <p>{t!(i18n, coverage.offers_counted, count = q.offers)}
                    {report_link.map(|href| view! { " · " <a class="no-print" href=href>{t!(i18n, coverage.report)}</a> })}</p>
                <HeatMap hours=q.hours.clone() bands=bands.clone() days=days.clone()/>
                <p class="hint">{t!(i18n, coverage.legend)}</p>
                <div class="visually-hidden">
    <table>
                    <caption>{caption}</caption>
                    <thead><tr>
                        <th scope="col">{t!(i18n, coverage.band)}</th>
                        {DAYS.iter().map(|d| view! { <th scope="col">{labels::weekday(i18n, *d)}</th> }).collect_view()}
                    </tr></thead>
                    <tbody>
                        {q.hours.iter().zip(&bands).map(|(row, band)| view! {
                            <tr><th scope="row">{band.clone()}</th>
                                {row.iter().map(|h| view! { <td>{format_hours(*h)}</td> }).collect_view()}</tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
                <Gaps q bands/>
            </section>
        }
}

/// The matrix as an inline SVG: darker means more hours, numbers in every cell, empty cells
/// crossed out, so it reads in greyscale and on paper. Days run right to left in right-to-left
/// languages, as in the week plan. Hidden from screen readers, which get the table instead.
#[component]
fn HeatMap(hours: Vec<[f64; 7]>, bands: Vec<String>, days: Vec<&'static str>) -> impl IntoView {
    const W: usize = 44;
    const H: usize = 26;
    const LABEL: usize = 70;
    let rtl = use_i18n().get_locale_untracked().direction().as_str() == "rtl";
    let width = LABEL + 7 * W;
    let height = H * (hours.len() + 1);
    // Left edge of a day's column, and where the band names end (anchor) in this direction.
    let column = move |d: usize| if rtl { (6 - d) * W } else { LABEL + d * W };
    let (label_x, label_anchor) = if rtl { (7 * W + 6, "start") } else { (LABEL - 6, "end") };
    let heads = days
        .into_iter()
        .enumerate()
        .map(|(d, name)| {
            let x = column(d) + W / 2;
            view! { <text x=x y=H - 8 text-anchor="middle" class="coverage-day">{name}</text> }
        })
        .collect_view();
    let rows = hours
        .iter()
        .zip(bands)
        .enumerate()
        .map(|(b, (row, band))| {
            let y = H * (b + 1);
            let cells = row
                .iter()
                .enumerate()
                .map(|(d, h)| {
                    let x = column(d);
                    let (fill, ink) = shade(*h);
                    let cross = (*h <= 0.0).then(|| {
                        view! { <line x1=x + 4 y1=y + H - 4 x2=x + W - 4 y2=y + 4 stroke="#767676" stroke-width="1"/> }
                    });
                    view! {
                        <rect x=x y=y width=W height=H fill=fill stroke="#ffffff" stroke-width="2"/>
                        {cross}
                        <text x=x + W / 2 y=y + H / 2 + 5 text-anchor="middle" fill=ink>{if *h > 0.0 { format_hours(*h) } else { String::new() }}</text>
                    }
                })
                .collect_view();
            view! {
                <text x=label_x y=y + H / 2 + 5 text-anchor=label_anchor>{band}</text>
                {cells}
            }
        })
        .collect_view();
    view! {
        <svg class="coverage-map" viewBox=format!("0 0 {width} {height}") width=width height=height
            direction="ltr" aria-hidden="true" focusable="false">
            {heads}
            {rows}
        </svg>
    }
}

/// Fill and text colour for a number of weekly hours: one blue ramp whose lightness alone tells
/// the steps apart, with text contrast of at least 4.5:1 on every step.
fn shade(h: f64) -> (&'static str, &'static str) {
    match h {
        h if h <= 0.0 => ("#ffffff", "#000000"),
        h if h <= 1.0 => ("#deebf7", "#000000"),
        h if h <= 3.0 => ("#9ecae1", "#000000"),
        h if h <= 6.0 => ("#2171b5", "#ffffff"),
        _ => ("#08306b", "#ffffff"),
    }
}

fn band_label(i18n: leptos_i18n::I18nContext<Locale>, index: usize) -> String {
    match band_range(index) {
        Some((lo, hi)) => format!("{lo}–{hi}"),
        None => t_string!(i18n, filter.band_parents).to_owned(),
    }
}

/// The empty cells in words: a band with nothing all week in one sentence, else one per day.
#[component]
fn Gaps(q: QuarterCoverage, bands: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    let empty = gaps(&q.hours);
    let mut lines = Vec::new();
    for (b, band) in bands.iter().enumerate() {
        let days: Vec<usize> = empty.iter().filter(|(eb, _)| *eb == b).map(|(_, d)| *d).collect();
        if days.len() == 7 {
            lines.push(
                t_string!(i18n, coverage.gap_week, quarter = q.name.clone(), band = band.clone()).to_string(),
            );
        } else {
            for d in days {
                let day = labels::weekday(i18n, DAYS[d]);
                lines.push(
                    t_string!(i18n, coverage.gap, quarter = q.name.clone(), day = day, band = band.clone())
                        .to_string(),
                );
            }
        }
    }
    let heading_id = format!("coverage-gaps-{}", q.slug);
    let labelled_by = heading_id.clone();
    view! {
        <h3 id=heading_id>{t!(i18n, coverage.gaps_heading)}</h3>
        {if lines.is_empty() {
            view! { <p>{t!(i18n, coverage.no_gaps)}</p> }.into_any()
        } else {
            view! { <ul class="coverage-gaps" aria-labelledby=labelled_by>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
        }}
    }
}

#[component]
fn Definitions() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="coverage-definitions" aria-labelledby="coverage-definitions">
            <h2 id="coverage-definitions">{t!(i18n, coverage.definitions)}</h2>
            <p>{t!(i18n, coverage.def_hour)}</p>
            <p>{t!(i18n, coverage.def_ages)}</p>
            <p>{t!(i18n, coverage.def_typical)}</p>
            <p>{t!(i18n, coverage.def_range)}</p>
        </section>
    }
}
