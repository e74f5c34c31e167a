//! `/<lang>/staff/data`: administrators download the whole city as a Quartiersboard JSON document
//! (`docs/import-format.md`) or add one: checked completely first ("only check" is ticked), every
//! problem named by its place in the document; written only when nothing is wrong, all at once.

use super::frame::StaffFrame;
use super::import::Background;
use super::labels::field_error;
use crate::domain::document_report::{DocumentImportState, DocumentReport};
use crate::i18n::*;
use crate::serverfns::get_data_import;
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn DataPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let i18n = use_i18n();
    let lang = locale.as_str();
    let data = OnceResource::new(get_data_import());
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(state) => view! { <Data lang state/> }.into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, data.title)>
            <h1>{t!(i18n, data.title)}</h1>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

/// The page for an administrator: download, upload, and the last import.
#[component]
fn Data(lang: &'static str, state: DocumentImportState) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p>{t!(i18n, data.intro)}</p>
        <p><a class="button secondary" href=format!("/{lang}/staff/city.json") download="">{t!(i18n, data.download)}</a></p>
        <h2>{t!(i18n, data.import_heading)}</h2>
        <p>{t!(i18n, data.import_intro)}</p>
        <form method="post" action=format!("/{lang}/staff/data/import") enctype="multipart/form-data" class="staff-form">
            <p>
                <label for="data-file">{t!(i18n, data.file)}</label>
                <input id="data-file" type="file" name="file" accept=".json,application/json" required/>
            </p>
            <p><label class="check"><input type="checkbox" name="dry_run" checked/> " " {t!(i18n, import.dry_run)}</label></p>
            <button type="submit" class="button">{t!(i18n, import.submit)}</button>
        </form>
        <State state/>
    }
}

/// A large document still being written (with a link to look again), a lost one, or the report.
#[component]
fn State(state: DocumentImportState) -> impl IntoView {
    let i18n = use_i18n();
    let progress = move |done, total| t_string!(i18n, data.progress, done = done, total = total).to_string();
    let lang = i18n.get_locale_untracked().as_str();
    let background =
        Background { running: state.running, lost: state.lost, message: t_string!(i18n, data.running) };
    match background.view(progress, format!("/{lang}/staff/data")) {
        Some(v) => v,
        None => state.report.map(|report| view! { <Report report/> }).into_any(),
    }
}

#[component]
fn Report(report: DocumentReport) -> impl IntoView {
    let i18n = use_i18n();
    if report.problems.is_empty() {
        let counts = t_string!(
            i18n,
            data.counts,
            quarters = report.quarters,
            organisations = report.organisations,
            places = report.places,
            offers = report.offers
        )
        .to_string();
        let done =
            if report.written { t_string!(i18n, import.written) } else { t_string!(i18n, data.checked_ok) };
        return view! {
            <section class="import-report" aria-labelledby="data-result">
                <h2 id="data-result">{t!(i18n, import.result)}</h2>
                <p class="notice ok" role="status">{done} " " {counts}</p>
            </section>
        }
        .into_any();
    }
    let more = (report.more_problems > 0)
        .then(|| view! { <p>{t_string!(i18n, import.more, n = report.more_problems).to_string()}</p> });
    let rows = report
        .problems
        .into_iter()
        .map(|p| {
            let place = if p.path.is_empty() {
                view! { {t_string!(i18n, import.whole_file)} }.into_any()
            } else {
                view! { <code dir="ltr">{p.path}</code> }.into_any()
            };
            let detail = p.detail.map(|d| view! { " " <code dir="ltr">{d}</code> });
            view! { <tr><td>{place}</td><td>{field_error(i18n, &p.reason)} {detail}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="import-report" aria-labelledby="data-result">
            <h2 id="data-result">{t!(i18n, import.result)}</h2>
            <p class="notice problem" role="alert">{t!(i18n, import.nothing_written)}</p>
            <div class="table-scroll">
                <table class="staff-table">
                    <thead><tr>
                        <th scope="col">{t!(i18n, data.place)}</th>
                        <th scope="col">{t!(i18n, import.problem)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {more}
        </section>
    }
    .into_any()
}
