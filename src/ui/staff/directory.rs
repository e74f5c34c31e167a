//! `/<lang>/staff/directory`: the places, organisations and quarters, with links to edit them.

use super::frame::StaffFrame;
use crate::i18n::*;
use crate::serverfns::records::{get_staff_directory, DirectoryRow};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    if route_locale().is_none() {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    let data = OnceResource::new(get_staff_directory());
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(d) => view! {
                    <section aria-labelledby="places-heading">
                        <h2 id="places-heading">{t!(i18n, staff.places_heading)}</h2>
                        {d.can_create_place.then(|| view! { <p><a class="button" href=format!("/{lang}/staff/places/new")>{t!(i18n, staff.new_place)}</a></p> })}
                        <Rows rows=d.places kind="places"/>
                    </section>
                    <section aria-labelledby="orgs-heading">
                        <h2 id="orgs-heading">{t!(i18n, staff.organisations_heading)}</h2>
                        {d.can_create_organisation.then(|| view! { <p><a class="button" href=format!("/{lang}/staff/organisations/new")>{t!(i18n, staff.new_organisation)}</a></p> })}
                        <Rows rows=d.organisations kind="organisations"/>
                    </section>
                    <section aria-labelledby="quarters-heading">
                        <h2 id="quarters-heading">{t!(i18n, staff.quarters_heading)}</h2>
                        <Rows rows=d.quarters kind="quarters"/>
                    </section>
                }
                .into_any(),
                Err(crate::error::AppError::Unauthorized) => ().into_any(),
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, staff.directory_title)>
            <h1>{t!(i18n, staff.directory_title)}</h1>
            <Suspense fallback=|| ()>{page}</Suspense>
        </StaffFrame>
    }
    .into_any()
}

#[component]
fn Rows(rows: Vec<DirectoryRow>, kind: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    let items = rows
        .into_iter()
        .map(|r| {
            let label = format!("{}: {}", t_string!(i18n, staff.edit), r.name);
            view! {
                <li data-slug=r.slug.clone()>
                    {r.name.clone()}
                    {r.can_edit.then(|| view! {
                        " " <a class="button small secondary" href=format!("/{lang}/staff/{kind}/{}", r.id) aria-label=label>{t!(i18n, staff.edit)}</a>
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="record-list">{items}</ul> }
}
