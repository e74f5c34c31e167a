//! The language menu: one control in the header (a disclosure, so it opens without JavaScript),
//! listing the same page in every language, each named in its own language and script. The
//! links go through `/language/<code>`, which remembers the choice (see `src/language.rs`).

use crate::i18n::*;
use crate::ui::icons::{Icon, IconView};
use crate::ui::locale::encode_query_value;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// `path` and `search` (with or without its `?`) as one local address.
pub fn path_with_query(path: &str, search: &str) -> String {
    let search = search.trim_start_matches('?');
    if search.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{search}")
    }
}

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let i18n = use_i18n();
    let current = i18n.get_locale_untracked();
    let location = use_location();
    let here = path_with_query(&location.pathname.get_untracked(), &location.search.get_untracked());
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
                        dir=l.direction().as_str()
                        aria-current=(l == current).then_some("page")
                    >
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="lang-menu">
            <summary>
                <IconView name=Icon::Globe.name()/>
                <span class="visually-hidden">{t!(i18n, site.language)} ": "</span>
                <span>{td_string!(current, meta.autonym)}</span>
                <IconView name=Icon::Chevron.name()/>
            </summary>
            <nav class="languages" aria-label=t_string!(i18n, site.language)>
                <ul>{links}</ul>
            </nav>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::path_with_query;

    /// The board's filter survives the language switch: the query keeps its `?`.
    #[test]
    fn the_query_keeps_its_question_mark() {
        assert_eq!(path_with_query("/de/welheim", "age=7&day=3"), "/de/welheim?age=7&day=3");
        assert_eq!(path_with_query("/de/welheim", "?age=7"), "/de/welheim?age=7");
        assert_eq!(path_with_query("/de/welheim", ""), "/de/welheim");
    }
}
