//! `/<lang>/<quarter>/network`: the quarter's places with opening hours and the organisations
//! active there, each with their offers.

use super::NotFoundPage;
use crate::domain::directory::{Directory, OfferLink};
use crate::i18n::*;
use crate::serverfns::get_directory;
use crate::ui::components::page_frame::PageFrame;
use crate::ui::components::untranslated::UntranslatedMark;
use crate::ui::labels;
use crate::ui::locale::route_locale;
use crate::ui::tel_href;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn DirectoryPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let quarter = use_params_map().read_untracked().get("quarter").unwrap_or_default();
    let data = OnceResource::new(get_directory(locale.as_str().to_owned(), quarter));
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(dir) => view! { <DirectoryView dir locale/> }.into_any(),
                Err(e) => super::load_failed(e),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{page}</Suspense> }.into_any()
}

fn offer_links(links: Vec<OfferLink>, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    if links.is_empty() {
        return view! { <p class="nothing">{t!(i18n, directory.none)}</p> }.into_any();
    }
    let items = links
        .into_iter()
        .map(|l| {
            view! {
                <li>
                    <a href=format!("/{}/offers/{}", locale.as_str(), l.slug) lang=l.lang.clone() dir="auto">{l.title}</a>
                    " "
                    <UntranslatedMark lang=l.lang/>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="offer-links">{items}</ul> }.into_any()
}

#[component]
fn DirectoryView(dir: Directory, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let title = t_string!(i18n, directory.title, quarter = dir.quarter_name.clone()).to_string();
    let board = format!("/{}/{}", locale.as_str(), dir.quarter_slug);
    let places = dir
        .places
        .into_iter()
        .map(|entry| {
            let p = entry.place;
            view! {
                <li class="card">
                    <h3 dir="auto">{p.name}</h3>
                    <p><bdi>{p.address.to_string()}</bdi></p>
                    {p.access.step_free.then(|| view! { <p>{t!(i18n, offer.step_free)}</p> })}
                    {p.access.accessible_toilet.then(|| view! { <p>{t!(i18n, offer.accessible_toilet)}</p> })}
                    {p.opening_hours.map(|h| view! { <p>{t!(i18n, offer.opening_hours)} ": " <span lang="de" dir="auto">{h}</span></p> })}
                    <h4>{t!(i18n, directory.offers)}</h4>
                    {offer_links(entry.offers, locale)}
                </li>
            }
        })
        .collect_view();
    let orgs = dir
        .organisations
        .into_iter()
        .map(|entry| {
            let g = entry.organisation;
            view! {
                <li class="card">
                    <h3 dir="auto">{g.name} " (" {labels::org_kind(i18n, g.kind)} ")"</h3>
                    <p lang="de" dir="auto">{g.description}</p>
                    {g.phone.map(|p| view! { <p><a href=tel_href(&p) dir="ltr">{p.clone()}</a></p> })}
                    {g.email.map(|e| view! { <p><a href=format!("mailto:{e}") dir="ltr">{e.clone()}</a></p> })}
                    {g.website.map(|w| view! { <p><a href=w.clone() rel="noopener" dir="ltr">{w.clone()}</a></p> })}
                    <h4>{t!(i18n, directory.offers)}</h4>
                    {offer_links(entry.offers, locale)}
                </li>
            }
        })
        .collect_view();
    view! {
        <PageFrame title=format!("{title} – {}", t_string!(i18n, site.name))
            image=format!("/qr/q/{}/network/{}.png", dir.quarter_slug, locale.as_str())>
            <h1>{title}</h1>
            <p><a href=board>{t!(i18n, week.back_to_board)}</a></p>
            <section aria-labelledby="places-heading">
                <h2 id="places-heading">{t!(i18n, directory.places)}</h2>
                <ul class="cards">{places}</ul>
            </section>
            <section aria-labelledby="orgs-heading">
                <h2 id="orgs-heading">{t!(i18n, directory.organisations)}</h2>
                <ul class="cards">{orgs}</ul>
            </section>
        </PageFrame>
    }
}
