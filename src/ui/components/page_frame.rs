//! The frame of every public page: `<html lang dir>`, title and link preview, a compact header
//! (the city's logo and name, the language menu), the footer with the programme's and funders'
//! logos, and the pictograms' sprite. The city's accent colour is set on `<html>`.

use super::language_switcher::{path_with_query, LanguageSwitcher};
use super::share_button::ShareButton;
use crate::domain::identity::Identity;
use crate::i18n::*;
use crate::serverfns::identity::get_identity;
use crate::ui::icons::IconSprite;
use crate::ui::DemoNotice;
use crate::ui::PublicUrl;
use leptos::prelude::*;
use leptos_meta::{Html, Meta, Title};
use leptos_router::hooks::use_location;

#[component]
pub fn PageFrame(
    #[prop(into)] title: String,
    /// One or two sentences for search engines and link previews (OpenGraph).
    #[prop(optional, into)]
    description: Option<String>,
    /// Path of the link preview image (the page's QR code, `/qr/…png`); none (or empty) for pages
    /// without one.
    #[prop(optional, into)]
    image: Option<String>,
    /// Offer a "share" button for this page (pages with their own share section turn it off).
    #[prop(default = true)]
    share: bool,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let demo = use_context::<DemoNotice>().is_some_and(|d| d.0);
    let base = use_context::<PublicUrl>().map(|b| b.0).unwrap_or_default();
    let location = use_location();
    let url = format!("{base}{}", location.pathname.get_untracked());
    let description = description.unwrap_or_else(|| t_string!(i18n, site.tagline).to_owned());
    let image = image
        .filter(|p| !p.is_empty())
        .map(|path| view! { <Meta property="og:image" content=format!("{base}{path}")/> });
    let share_url = format!(
        "{base}{}",
        path_with_query(&location.pathname.get_untracked(), &location.search.get_untracked())
    );
    let share_title = title.clone();
    let identity = OnceResource::new(get_identity());
    view! {
        <Html {..} lang=locale.as_str() dir=locale.direction().as_str()/>
        <Title text=title.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:type" content="website"/>
        <Meta property="og:site_name" content=t_string!(i18n, site.name)/>
        <Meta property="og:title" content=title/>
        <Meta property="og:description" content=description/>
        <Meta property="og:locale" content=locale.as_str()/>
        <Meta property="og:url" content=url/>
        {image}
        <IconSprite/>
        <a class="skip-link" href="#main">{t!(i18n, site.skip)}</a>
        <Suspense fallback=|| ()>{move || Suspend::new(async move { view! { <Brand identity=identity.await.unwrap_or_default()/> } })}</Suspense>
        <main id="main">
            {children()}
            {share.then(|| view! { <ShareButton url=share_url title=share_title label=t_string!(i18n, offer.share_button).to_string() copied_note=t_string!(i18n, offer.link_copied).to_string()/> })}
        </main>
        <footer class="site-footer">
            <Suspense fallback=|| ()>{move || Suspend::new(async move { view! { <Funding identity=identity.await.unwrap_or_default()/> } })}</Suspense>
            {demo.then(|| view! { <p class="demo-notice">{t!(i18n, site.demo_notice)}</p> })}
            <p>{t!(i18n, site.tagline)}</p>
            <crate::ui::pages::LegalLinks/>
        </footer>
    }
}

/// The header: the city's logo and name (or the site's), the language menu; and the accent.
#[component]
fn Brand(identity: Identity) -> impl IntoView {
    let i18n = use_i18n();
    let lang = i18n.get_locale_untracked().as_str();
    let accent = identity.accent.map(|c| format!("--accent: {}", c.hex()));
    let name = (!identity.name.is_empty()).then(|| identity.name.clone());
    let logo = identity.logo.map(|image| {
        // The logo names the city when no name stands beside it.
        let alt = if name.is_some() { String::new() } else { image.alt.clone() };
        view! { <img src=image.src() alt=alt width=image.width height=image.height/> }
    });
    let words = match (&name, &logo) {
        (Some(n), _) => Some(n.clone()),
        (None, None) => Some(t_string!(i18n, site.name).to_owned()),
        (None, Some(_)) => None,
    };
    view! {
        <Html {..} style=accent/>
        <header class="site-header">
            <a class="brand" href=format!("/{lang}")>{logo} {words.map(|w| view! { <span>{w}</span> })}</a>
            <LanguageSwitcher/>
        </header>
    }
}

/// The programme's and funders' logos with the funding line, and the EU emblem with its
/// statement in the page language when the programme is EU-funded.
#[component]
fn Funding(identity: Identity) -> impl IntoView {
    let i18n = use_i18n();
    if identity.partners.is_empty() && identity.funding_line.is_empty() && !identity.eu_funded {
        return ().into_any();
    }
    let logos = identity
        .partners
        .into_iter()
        .map(|image| view! { <li><img src=image.src() alt=image.alt width=image.width height=image.height/></li> })
        .collect_view();
    view! {
        <section class="funding" aria-label=t_string!(i18n, identity.funded_by)>
            {identity.eu_funded.then(|| view! {
                <p class="eu">
                    <img src="/assets/eu-emblem.svg" alt=t_string!(i18n, identity.eu_emblem) width="72" height="48"/>
                    <span>{t!(i18n, identity.eu_line)}</span>
                </p>
            })}
            <ul class="partner-logos">{logos}</ul>
            {(!identity.funding_line.is_empty()).then(|| view! { <p lang="de" dir="auto">{identity.funding_line}</p> })}
        </section>
    }
    .into_any()
}
