//! `/<lang>/staff/print`: pick the languages, then open a quarter's flyer, sticker or printed
//! board (public print pages made from the live data).

use super::frame::StaffFrame;
use crate::i18n::*;
use crate::serverfns::list_quarters;
use crate::ui::locale::{find_locale, route_locale};
use crate::ui::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The languages of the model city's flyers.
const DEFAULT_LANGS: &[&str] = &["de", "ru", "ar", "fa"];

#[component]
pub fn PrintProductsPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let i18n = use_i18n();
    let lang = locale.as_str();
    let chosen: Vec<String> = use_query_map()
        .get_untracked()
        .get_all("langs")
        .unwrap_or_default()
        .into_iter()
        .flat_map(|v| v.split(',').map(str::to_owned).collect::<Vec<_>>())
        .filter(|l| find_locale(l).is_some())
        .collect();
    let chosen =
        if chosen.is_empty() { DEFAULT_LANGS.iter().map(|s| (*s).to_owned()).collect() } else { chosen };
    let langs = chosen.join(",");
    let chosen = StoredValue::new(chosen);
    let boxes = move || {
        Locale::get_all()
        .iter()
        .map(|l| {
            let code = l.as_str();
            let checked = chosen.with_value(|c| c.iter().any(|c| c == code));
            view! {
                <label class="check"><input type="checkbox" name="langs" value=code checked=checked/> " " {td_string!(*l, meta.autonym)}</label>
            }
        })
        .collect_view()
    };
    let data = OnceResource::new(list_quarters(lang.to_owned()));
    let langs = StoredValue::new(langs);
    let quarters = move || {
        let langs = langs.get_value();
        Suspend::new(async move {
            let quarters = data.await.unwrap_or_default();
            quarters
                .into_iter()
                .map(|q| {
                    let base = format!("/{lang}/print/{}", q.slug);
                    view! {
                        <li>
                            <h2>{q.name}</h2>
                            <ul class="print-links">
                                <li><a href=format!("{base}/flyer?langs={langs}")>{t!(i18n, print.flyer_a4)}</a></li>
                                <li><a href=format!("{base}/flyer?langs={langs}&size=a5")>{t!(i18n, print.flyer_a5)}</a></li>
                                <li><a href=format!("{base}/sticker?langs={langs}")>{t!(i18n, print.sticker)}</a></li>
                                <li><a href=format!("{base}/board?langs={langs}")>{t!(i18n, print.board_a4)}</a></li>
                                <li><a href=format!("{base}/board?langs={langs}&size=a3&week=this")>{t!(i18n, print.board_a3)}</a></li>
                            </ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <StaffFrame title=t_string!(i18n, print.staff_title)>
            <h1>{t!(i18n, print.staff_title)}</h1>
            <p>{t!(i18n, print.staff_intro)}</p>
            <form method="get" class="staff-filters">
                <fieldset class="checks">
                    <legend>{t!(i18n, print.languages)}</legend>
                    {boxes}
                </fieldset>
                <button type="submit" class="button">{t!(i18n, print.apply)}</button>
            </form>
            <ul class="print-quarters"><Suspense fallback=|| ()>{quarters}</Suspense></ul>
        </StaffFrame>
    }
    .into_any()
}
