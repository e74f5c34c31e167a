//! Links to the same page in every language, each named in its own language and script. They go
//! through `/language/<code>`, which remembers the choice (see `src/language.rs`).

use crate::i18n::*;
use crate::ui::locale::encode_query_value;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let current = i18n.get_locale_untracked();
    let location = use_location();
    let here = format!("{}{}", location.pathname.get_untracked(), location.search.get_untracked());
    let here = encode_query_value(&here);
    let links = Locale::get_all()
        .iter()
        .map(|&l| {
            let name = td_string!(l, meta.autonym);
            view! {
                <li>
                    <a
                        href=format!("/language/{}?to={here}", l.as_str())
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
