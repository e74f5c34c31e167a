//! `/<lang>/<quarter>`: a quarter's board with its offers, places and quarter office.

use super::NotFoundPage;
use crate::domain::board::Board;
use crate::i18n::*;
use crate::serverfns::get_board;
use crate::ui::components::filter_form::FilterForm;
use crate::ui::components::filter_live::{LiveFilter, LiveTexts};
use crate::ui::components::filter_texts::filter_texts;
use crate::ui::components::offer_card::{offer_card_html, CardContext};
use crate::ui::components::page_frame::PageFrame;
use crate::ui::locale::route_locale;
use crate::ui::tel_href;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map};

#[component]
pub fn BoardPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let quarter = use_params_map().read_untracked().get("quarter").unwrap_or_default();
    let query = use_location().search.get_untracked().trim_start_matches('?').to_owned();
    let data = OnceResource::new(get_board(locale.as_str().to_owned(), quarter, query));
    let board = move || {
        Suspend::new(async move {
            match data.await {
                Ok(board) => view! { <BoardView board locale/> }.into_any(),
                Err(e) => super::load_failed(e),
            }
        })
    };
    view! { <Suspense fallback=|| ()>{board}</Suspense> }.into_any()
}

#[component]
fn BoardView(board: Board, locale: Locale) -> impl IntoView {
    let i18n = use_i18n();
    let today_bit = 1u8 << chrono::Datelike::weekday(&board.today).num_days_from_monday();
    let Board { quarter, offers, places, today, filter, not_understood, list } = board;
    let query = crate::domain::filter::to_query(&filter);
    let all = filter.all;
    let week_href = format!(
        "/{}/{}/week{}",
        locale.as_str(),
        quarter.slug,
        if query.is_empty() { String::new() } else { format!("?{query}") }
    );
    let title = format!("{} – {}", quarter.name, t_string!(i18n, site.name));
    let image = format!("/qr/q/{}/{}.png", quarter.slug, locale.as_str());
    let shortlist_bar = (!list.is_empty()).then(|| {
        let href = format!("/{}/list?list={}", locale.as_str(), crate::domain::shortlist::list_value(&list));
        let count = list.len();
        let label = t_string!(i18n, shortlist.view, count = count).to_string();
        view! { <p class="shortlist-bar"><a href=href>{label}</a></p> }
    });
    let offers_view = if offers.is_empty() {
        view! { <p class="empty">{t!(i18n, board.no_offers)}</p> }.into_any()
    } else {
        let facts = offers.iter().map(|o| (o.slug.clone(), o.facts.clone())).collect::<Vec<_>>();
        let offer_count = facts.len();
        let facts = crate::domain::filter::facts_code::encode(&facts);
        let mut languages: Vec<String> = offers.iter().flat_map(|o| o.languages.iter().cloned()).collect();
        languages.sort();
        languages.dedup();
        let filter_query = query.clone();
        let matching = offers.iter().map(|o| o.matches).collect::<Vec<_>>();
        let shown = crate::domain::filter::shown(&matching, all);
        let cx = CardContext::new(today);
        // The shown cards go in the list; the others wait in a template (inert: no style, layout
        // or hit testing) for the filter island, which moves cards between the two.
        let shown_count = shown.iter().filter(|s| **s).count();
        let mut cards = String::with_capacity(shown_count * 1200);
        let mut waiting = String::with_capacity((offers.len() - shown_count) * 1200);
        for (offer, shown) in offers.iter().zip(shown) {
            let saved = list.contains(&offer.slug);
            let toggled = crate::domain::shortlist::toggled(&list, &offer.slug);
            let buf = if shown { &mut cards } else { &mut waiting };
            offer_card_html(buf, &cx, offer, saved, &board_href(&filter_query, &toggled));
        }
        let quarter = quarter.slug.clone();
        let texts = filter_texts(i18n, &languages, &not_understood, offer_count);
        let live_texts = LiveTexts { matching: texts.matching.clone(), widen: texts.widen.clone() };
        let count = matching.iter().filter(|m| **m).count();
        view! {
            <FilterForm filter=filter.clone() count texts>
                <ul class="offers" inner_html=cards></ul>
                <template class="offers-waiting" inner_html=waiting></template>
            </FilterForm>
            <LiveFilter filter=query.clone() facts today_bit quarter texts=live_texts/>
        }
        .into_any()
    };
    let place_items = places
        .into_iter()
        .map(|p| {
            view! {
                <li>
                    <span class="place-name">{p.name}</span>
                    ", "
                    <span>{p.street}</span>
                    {p.step_free.then(|| view! { " · " <span>{t!(i18n, board.step_free)}</span> })}
                    " · "
                    <span>{t!(i18n, board.offers_at_place, count = move || p.offer_count)}</span>
                </li>
            }
        })
        .collect_view();
    let office = quarter.office;
    view! {
        <PageFrame title description=quarter.description.clone() image>
            <section class="quarter-intro">
                <h1 lang=quarter.lang.clone() dir="auto">{quarter.name}</h1>
                <p lang=quarter.lang dir="auto">{quarter.description}</p>
                <p><a class="button-link" href=week_href>{t!(i18n, board.week_plan_link)}</a></p>
                <p><a class="button-link" href=format!("/{}/{}/network", locale.as_str(), quarter.slug)>{t!(i18n, directory.link)}</a></p>
            </section>
            {shortlist_bar}
            <section aria-labelledby="offers-heading">
                <h2 id="offers-heading">{t!(i18n, board.offers_heading)}</h2>
                {offers_view}
            </section>
            <section aria-labelledby="places-heading">
                <h2 id="places-heading">{t!(i18n, board.places_heading)}</h2>
                <ul class="places">{place_items}</ul>
            </section>
            <section class="office" aria-labelledby="office-heading">
                <h2 id="office-heading">{t!(i18n, board.office_heading)}</h2>
                <p class="office-name">{office.name}</p>
                <p><bdi>{office.address.to_string()}</bdi></p>
                <p>{office.opening_hours}</p>
                {office.phone.map(|phone| view! { <p><a href=tel_href(&phone) dir="ltr">{phone.clone()}</a></p> })}
            </section>
        </PageFrame>
    }
}

/// `?<filter>&list=<list>` for the board's own links (the list survives filtering and back).
fn board_href(filter_query: &str, list: &[String]) -> String {
    let list = crate::domain::shortlist::list_value(list);
    match (filter_query.is_empty(), list.is_empty()) {
        (true, true) => "?".to_owned(),
        (false, true) => format!("?{filter_query}"),
        (true, false) => format!("?list={list}"),
        (false, false) => format!("?{filter_query}&list={list}"),
    }
}
