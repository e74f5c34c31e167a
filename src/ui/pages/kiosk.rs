//! `/kiosk/<quarter>?langs=de,ar&views=today,week&rotate=20&awake=07:00-19:00`: a quarter office's
//! screen. No links (passers-by cannot navigate away); everything it shows comes in one piece of
//! data for all its languages, which the screen island keeps fresh on its own.

use crate::domain::kiosk::KioskOptions;
use crate::serverfns::get_kiosk;
use crate::ui::kiosk_screen::KioskScreen;
use crate::ui::locale::find_locale;
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::hooks::{use_location, use_params_map};

#[component]
pub fn KioskPage() -> impl IntoView {
    let quarter = use_params_map().read_untracked().get("quarter").unwrap_or_default();
    let query = use_location().search.get_untracked().trim_start_matches('?').to_owned();
    let options = KioskOptions::parse(&query, |l| find_locale(l).is_some());
    let data = OnceResource::new(get_kiosk(quarter.clone(), query));
    let page = move || {
        let (options, quarter) = (options.clone(), quarter.clone());
        Suspend::new(async move {
            match data.await {
                Ok((data, now)) => {
                    let first = data.langs.first().cloned();
                    let lang = first.as_ref().map_or("de".to_owned(), |l| l.lang.clone());
                    let dir = if first.as_ref().is_some_and(|l| l.rtl) { "rtl" } else { "ltr" };
                    let title = first
                        .map(|l| l.words.page_title.replace("{{ quarter }}", &l.quarter_name))
                        .unwrap_or_default();
                    view! {
                        <Html {..} lang=lang dir=dir class="kiosk-page"/>
                        <crate::ui::tools_css::ToolsStylesheet/>
                        <Title text=title/>
                        <KioskScreen data now options quarter/>
                    }
                    .into_any()
                }
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{page}</Suspense> }
}
