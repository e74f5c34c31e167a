//! `/` and `/<lang>`: choose your quarter (and language).

use super::NotFoundPage;
use crate::i18n::*;
use crate::serverfns::list_quarters;
use crate::ui::components::page_frame::PageFrame;
use crate::ui::locale::route_locale;
use leptos::prelude::*;

#[component]
pub fn StartPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let i18n = use_i18n();
    let data = OnceResource::new(list_quarters(locale.as_str().to_owned()));
    let quarters = move || {
        Suspend::new(async move {
            match data.await {
                Ok(list) => {
                    let items = list
                        .into_iter()
                        .map(|q| {
                            let href = format!("/{}/{}", locale.as_str(), q.slug);
                            view! {
                                <li>
                                    <a href=href>
                                        <span class="quarter-name">{q.name}</span>
                                        <span class="quarter-description" lang=q.lang dir="auto">{q.description}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="quarter-list">{items}</ul> }.into_any()
                }
                Err(e) => super::load_failed(e),
            }
        })
    };
    view! {
        <PageFrame title=t_string!(i18n, start.page_title) image=format!("/qr/start/{}.png", locale.as_str())>
            <h1>{t!(i18n, start.title)}</h1>
            <p class="intro">{t!(i18n, start.intro)}</p>
            <details class="easy-language">
                <summary>{t!(i18n, start.easy_title)}</summary>
                <crate::ui::components::rich_text::RichText text=t_string!(i18n, start.easy_text).to_owned() class="easy" lang=i18n.get_locale_untracked().as_str()/>
            </details>
            <Suspense fallback=|| ()>{quarters}</Suspense>
        </PageFrame>
    }
    .into_any()
}
