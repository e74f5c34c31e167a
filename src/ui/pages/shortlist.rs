//! `/<lang>/list?list=a,b,c`: the shortlist, printable on one A4 page, with a QR code that
//! reopens it. Everything is in the URL; nothing is stored.

use crate::domain::offer::{OfferDetail, Shortlist};
use crate::i18n::*;
use crate::serverfns::get_shortlist;
use crate::ui::components::occurrence_text::OccurrenceList;
use crate::ui::components::page_frame::PageFrame;
use crate::ui::components::print_button::PrintButton;
use crate::ui::components::schedule_text::ScheduleSummary;
use crate::ui::icons::{Icon, IconView};
use crate::ui::locale::route_locale;
use crate::ui::pages::NotFoundPage;
use crate::ui::tel_href;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ShortlistPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let list = use_query_map().read_untracked().get("list").unwrap_or_default();
    let data = OnceResource::new(get_shortlist(locale.as_str().to_owned(), list));
    let page = move || {
        Suspend::new(async move {
            match data.await {
                Ok(shortlist) => view! { <ShortlistView shortlist locale/> }.into_any(),
                Err(e) => super::load_failed(e),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{page}</Suspense> }.into_any()
}

#[component]
fn ShortlistView(shortlist: Shortlist, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let lang = locale.as_str();
    let slugs: Vec<String> = shortlist.offers.iter().map(|o| o.slug.clone()).collect();
    let items = shortlist
        .offers
        .into_iter()
        .map(|o| {
            let without = crate::domain::shortlist::toggled(&slugs, &o.slug);
            let remove = format!("?list={}", crate::domain::shortlist::list_value(&without));
            view! { <Item offer=o locale remove/> }
        })
        .collect_view();
    let empty = slugs.is_empty();
    // An empty list has no code (and no preview image).
    let image = if empty {
        String::new()
    } else {
        format!("/qr/list/{lang}.png?list={}", crate::domain::shortlist::list_value(&slugs))
    };
    let made = crate::ui::date_format::date(locale, shortlist.today);
    let quarter = shortlist.quarter;
    let back = quarter.as_ref().map(|q| {
        let href = format!("/{lang}/{}{}", q.slug, crate::ui::components::board_cards::offer_query(&slugs));
        let words = t_string!(i18n, offer.back_to, quarter = q.name.clone()).to_string();
        view! { <a class="back-link no-print" href=href><IconView name=Icon::Back.name()/> <span>{words}</span></a> }
    });
    let printed_for = quarter.as_ref().map(|q| q.name.clone());
    let office = quarter.map(|q| q.office);
    view! {
        <PageFrame title=format!("{} – {}", t_string!(i18n, shortlist.title), t_string!(i18n, site.name)) image share=false>
            {back}
            <article class="shortlist">
                <div class="page-head">
                    <h1>{t!(i18n, shortlist.title)} {printed_for.map(|n| view! { <span class="print-only-inline">" – " {n}</span> })}</h1>
                    {(!empty).then(|| view! { <PrintButton label=t_string!(i18n, shortlist.print_button).to_string()/> })}
                </div>
                {if empty {
                    view! { <p>{t!(i18n, shortlist.empty)}</p> }.into_any()
                } else {
                    view! {
                        <p class="no-print">{t!(i18n, shortlist.intro)}</p>
                        <p class="print-only">{t!(i18n, shortlist.made_on)} " " <bdi>{made}</bdi></p>
                        <ol class="shortlist-items">{items}</ol>
                        {office.map(|o| view! {
                            <section class="shortlist-office" aria-labelledby="office-heading">
                                <h2 id="office-heading">{t!(i18n, shortlist.questions)}</h2>
                                <p class="office-name">{o.name}</p>
                                <p><bdi>{o.address.to_string()}</bdi></p>
                                {o.phone.map(|p| view! { <p><a class="phone" href=tel_href(&p) dir="ltr">{p.clone()}</a></p> })}
                                <p>{o.opening_hours}</p>
                            </section>
                        })}
                        <figure class="qr">
                            {shortlist.qr_svg.map(|svg| view! { <div inner_html=svg></div> })}
                            <figcaption>{t!(i18n, shortlist.qr)} <br/> <span dir="ltr" class="share-url">{shortlist.url}</span></figcaption>
                        </figure>
                    }
                    .into_any()
                }}
            </article>
        </PageFrame>
    }
}

#[component]
fn Item(offer: OfferDetail, locale: Locale, remove: String) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/{}/offers/{}", locale.as_str(), offer.slug);
    let next: Vec<_> = offer.upcoming.into_iter().take(3).collect();
    let phone = offer.contact.phone.or(offer.organisation.phone);
    // A shortlist may gather offers of several quarters: each says which.
    let quarters = offer
        .quarters
        .iter()
        .map(|q| q.name.clone())
        .collect::<Vec<_>>()
        .join(t_string!(i18n, summary.list_separator));
    view! {
        <li class="shortlist-item">
            <h2><a href=href lang=offer.lang.clone() dir="auto">{offer.title}</a></h2>
            <ScheduleSummary schedules=offer.schedules today=offer.today/>
            <OccurrenceList occurrences=next/>
            <p><bdi>{offer.place.name}</bdi> ", " <bdi>{offer.place.address.to_string()}</bdi> " · " <bdi class="item-quarters">{quarters}</bdi></p>
            {phone.map(|p| view! { <p><a href=tel_href(&p) dir="ltr">{p.clone()}</a></p> })}
            <p class="no-print"><a href=remove>{t!(i18n, shortlist.remove)}</a></p>
        </li>
    }
}
