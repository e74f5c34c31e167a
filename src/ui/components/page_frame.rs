//! The frame of every public page: `<html lang dir>`, title and link preview, a compact header
//! (the site's name and the language menu), the footer, and the pictograms' sprite.

use super::language_switcher::{path_with_query, LanguageSwitcher};
use super::share_button::ShareButton;
use crate::i18n::*;
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
    /// Path of the link preview image (the page's QR code, `/qr/…png`); none for pages without one.
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
    let image = image.map(|path| view! { <Meta property="og:image" content=format!("{base}{path}")/> });
    let share_url = format!(
        "{base}{}",
        path_with_query(&location.pathname.get_untracked(), &location.search.get_untracked())
    );
    let share_title = title.clone();
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
        <header class="site-header">
            <a class="brand" href=format!("/{}", locale.as_str())>{t!(i18n, site.name)}</a>
            <LanguageSwitcher/>
        </header>
        <main id="main">
            {children()}
            {share.then(|| view! { <ShareButton url=share_url title=share_title label=t_string!(i18n, offer.share_button).to_string() copied_note=t_string!(i18n, offer.link_copied).to_string()/> })}
        </main>
        <footer class="site-footer">
            {demo.then(|| view! { <p class="demo-notice">{t!(i18n, site.demo_notice)}</p> })}
            <p>{t!(i18n, site.tagline)}</p>
            <crate::ui::pages::LegalLinks/>
        </footer>
    }
}
