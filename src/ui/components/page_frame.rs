//! The frame of every page: `<html lang dir>`, title, header with language switcher, footer.

use super::language_switcher::LanguageSwitcher;
use crate::i18n::*;
use crate::ui::DemoNotice;
use leptos::prelude::*;
use leptos_meta::{Html, Title};

#[component]
pub fn PageFrame(#[prop(into)] title: String, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let demo = use_context::<DemoNotice>().is_some_and(|d| d.0);
    view! {
        <Html {..} lang=locale.as_str() dir=locale.direction().as_str()/>
        <Title text=title/>
        <a class="skip-link" href="#main">{t!(i18n, site.skip)}</a>
        <header class="site-header">
            <a class="brand" href=format!("/{}", locale.as_str())>{t!(i18n, site.name)}</a>
            <LanguageSwitcher/>
        </header>
        <main id="main">{children()}</main>
        <footer class="site-footer">
            {demo.then(|| view! { <p class="demo-notice">{t!(i18n, site.demo_notice)}</p> })}
            <p>{t!(i18n, site.tagline)}</p>
        </footer>
    }
}
