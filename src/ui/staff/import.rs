//! `/<lang>/staff/import`: offers as a spreadsheet. Download the offers one may edit, change them
//! (or add lines) in Excel or LibreOffice, upload: first checked ("only check" is ticked), every
//! problem listed by line and column; saved only when nothing is wrong, all lines at once.

use super::frame::StaffFrame;
use super::labels::field_error;
use crate::domain::offer_csv::{ImportReport, ImportState, SCHEDULE_EXAMPLE};
use crate::i18n::*;
use crate::serverfns::offers::get_import_report;
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn ImportPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let i18n = use_i18n();
    let lang = locale.as_str();
    let data = OnceResource::new(get_import_report());
    let report = move || Suspend::new(async move { data.await.ok().map(|state| view! { <State state/> }) });
    view! {
        <StaffFrame title=t_string!(i18n, import.title)>
            <h1>{t!(i18n, import.title)}</h1>
            <p>{t!(i18n, import.intro)}</p>
            <p><a class="button secondary" href=format!("/{lang}/staff/offers.csv") download="">{t!(i18n, import.download)}</a></p>
            <h2>{t!(i18n, import.format_title)}</h2>
            <p>{t!(i18n, import.format)}</p>
            <p>{t!(i18n, import.format_dates)} " " <code dir="ltr">{SCHEDULE_EXAMPLE}</code></p>
            <form method="post" action=format!("/{lang}/staff/import") enctype="multipart/form-data" class="staff-form">
                <p>
                    <label for="import-file">{t!(i18n, import.file)}</label>
                    <input id="import-file" type="file" name="file" accept=".csv,text/csv" required/>
                </p>
                <p><label class="check"><input type="checkbox" name="dry_run" checked/> " " {t!(i18n, import.dry_run)}</label></p>
                <button type="submit" class="button">{t!(i18n, import.submit)}</button>
            </form>
            <Suspense fallback=|| ()>{report}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

/// A large file still being checked (with a link to look again), a lost one, or the report.
#[component]
fn State(state: ImportState) -> impl IntoView {
    let i18n = use_i18n();
    let progress =
        move |done, total| t_string!(i18n, import.progress, done = done, total = total).to_string();
    let lang = i18n.get_locale_untracked().as_str();
    let background =
        Background { running: state.running, lost: state.lost, message: t_string!(i18n, import.running) };
    match background.view(progress, format!("/{lang}/staff/import")) {
        Some(v) => v,
        None => state.report.map(|report| view! { <Report report/> }).into_any(),
    }
}

/// An import running in the background, as its page shows it until the report is there.
pub struct Background {
    /// Records done and in all (`0, 0`: running on another instance).
    pub running: Option<(usize, usize)>,
    pub lost: bool,
    /// What is happening, in the reader's language.
    pub message: &'static str,
}

impl Background {
    /// How far it got (with a link to `page` to look again), that it was lost, or `None` when
    /// it is done. `progress(done, total)` says how far in words.
    pub fn view(self, progress: impl Fn(usize, usize) -> String, page: String) -> Option<AnyView> {
        let i18n = use_i18n();
        if let Some((done, total)) = self.running {
            let bar = (total > 0).then(|| {
                let text = progress(done, total);
                view! { <p><progress max=total value=done aria-label=text.clone()></progress> " " {text.clone()}</p> }
            });
            return Some(
                view! {
                    <section class="import-report" aria-labelledby="import-result">
                        <h2 id="import-result">{t!(i18n, import.result)}</h2>
                        <p class="notice" role="status">{self.message}</p>
                        {bar}
                        <p><a class="button secondary" href=page>{t!(i18n, import.look_again)}</a></p>
                    </section>
                }
                .into_any(),
            );
        }
        self.lost.then(|| {
            view! { <p class="notice problem" role="alert">{field_error(i18n, "csv_failed")}</p> }.into_any()
        })
    }
}

/// The result of the last upload: what was (or would be) done, or every problem.
#[component]
fn Report(report: ImportReport) -> impl IntoView {
    let i18n = use_i18n();
    let counts = t_string!(
        i18n,
        import.counts,
        lines = report.lines,
        created = report.created.len(),
        updated = report.updated.len(),
        unchanged = report.unchanged
    )
    .to_string();
    if report.problems.is_empty() {
        let done =
            if report.written { t_string!(i18n, import.written) } else { t_string!(i18n, import.checked_ok) };
        return view! {
            <section class="import-report" aria-labelledby="import-result">
                <h2 id="import-result">{t!(i18n, import.result)}</h2>
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
            let line =
                if p.line == 0 { t_string!(i18n, import.whole_file).to_owned() } else { p.line.to_string() };
            let detail = p.issue.detail.map(|d| view! { " " <code dir="ltr">{d}</code> });
            view! {
                <tr>
                    <td>{line}</td>
                    <td>{p.issue.column}</td>
                    <td>{field_error(i18n, &p.issue.reason)} {detail}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="import-report" aria-labelledby="import-result">
            <h2 id="import-result">{t!(i18n, import.result)}</h2>
            <p class="notice problem" role="alert">{t!(i18n, import.nothing_written)}</p>
            <table class="staff-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, import.line)}</th>
                        <th scope="col">{t!(i18n, import.column)}</th>
                        <th scope="col">{t!(i18n, import.problem)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {more}
        </section>
    }
    .into_any()
}
