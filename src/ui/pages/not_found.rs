//! The 404 page: says so plainly and links to the quarters that exist.

use crate::i18n::*;
use crate::serverfns::list_quarters;
use crate::ui::components::page_frame::PageFrame;
use crate::ui::status::set_status;
use leptos::prelude::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    set_status(404);
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let data = OnceResource::new(list_quarters(locale.as_str().to_owned()));
    let quarters = move || {
        Suspend::new(async move {
            let list = data.await.unwrap_or_default();
            let items = list
                .into_iter()
                .map(|q| {
                    let href = format!("/{}/{}", locale.as_str(), q.slug);
                    view! { <li><a href=href>{q.name}</a></li> }
                })
                .collect_view();
            view! { <ul class="quarter-links">{items}</ul> }
        })
    };
    view! {
        <PageFrame title=t_string!(i18n, not_found.title) share=false>
            <h1>{t!(i18n, not_found.title)}</h1>
            <p>{t!(i18n, not_found.text)}</p>
            <h2>{t!(i18n, not_found.quarters)}</h2>
            <Suspense fallback=|| ()>{quarters}</Suspense>
        </PageFrame>
    }
}
