//! The small "only in German" note next to content that has no translation yet.

use crate::i18n::*;
use leptos::prelude::*;

/// Renders the note when `lang` (the language the content is in) is not the page language.
#[component]
pub fn UntranslatedMark(#[prop(into)] lang: String) -> impl IntoView {
    let i18n = use_i18n();
    let page = i18n.get_locale_untracked();
    (lang != page.as_str())
        .then(|| view! { <span class="untranslated">{t!(i18n, content.only_in_german)}</span> })
}
