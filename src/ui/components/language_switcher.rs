//! Links to the same page in every language, each named in its own language and script.

use crate::i18n::*;
use crate::ui::locale::switch_locale_path;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let current = i18n.get_locale_untracked();
    let path = use_location().pathname.get_untracked();
    let links = Locale::get_all()
        .iter()
        .map(|&l| {
            let name = td_string!(l, meta.autonym);
            view! {
                <li>
                    <a
                        href=switch_locale_path(&path, l)
                        hreflang=l.as_str()
                        lang=l.as_str()
                        aria-current=(l == current).then_some("page")
                    >
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="languages" aria-label=t_string!(i18n, site.language)>
            <ul>{links}</ul>
        </nav>
    }
}
