//! `/<lang>/<quarter>`: a quarter's board with its offers, places and quarter office.

use super::NotFoundPage;
use crate::domain::board::Board;
use crate::i18n::*;
use crate::serverfns::get_board;
use crate::ui::components::board_cards::{cards_html, waiting_src, Which, INLINE_WAITING};
use crate::ui::components::filter_form::{FilterForm, ShortlistLink};
use crate::ui::components::filter_live::{LiveFilter, LiveTexts};
use crate::ui::components::filter_texts::filter_texts;
use crate::ui::components::offer_card::CardContext;
use crate::ui::components::page_frame::PageFrame;
use crate::ui::icons::{Icon, IconView};
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
    // A plain form sends its empty fields too: the address the resident sees and shares is the
    // clean one (the browser keeps the `#offers` the form added).
    if let Some(clean) = crate::domain::filter::without_empty(&query) {
        let path = use_location().pathname.get_untracked();
        crate::ui::status::redirect_page(&crate::ui::components::language_switcher::path_with_query(
            &path, &clean,
        ));
        return ().into_any();
    }
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
    let query = crate::domain::filter::to_query(&board.filter);
    let week_href = format!(
        "/{}/{}/week{}",
        locale.as_str(),
        board.quarter.slug,
        if query.is_empty() { String::new() } else { format!("?{query}") }
    );
    let title = format!("{} – {}", board.quarter.name, t_string!(i18n, site.name));
    let image = format!("/qr/q/{}/{}.png", board.quarter.slug, locale.as_str());
    let shortlist = ShortlistLink {
        href: format!("/{}/list?list={}", locale.as_str(), crate::domain::shortlist::list_value(&board.list)),
        count: board.list.len(),
    };
    let offers_view = if board.offers.is_empty() {
        view! { <p class="empty">{t!(i18n, board.no_offers)}</p> }.into_any()
    } else {
        let offer_count = board.offers.len();
        let facts = board.facts_code.clone();
        let mut languages: Vec<String> =
            board.offers.iter().flat_map(|o| o.languages.iter().cloned()).collect();
        languages.sort();
        languages.dedup();
        let cx = CardContext::new(board.today);
        // The shown cards go in the list; the others wait in a template (inert: no style, layout
        // or hit testing) for the filter island, which moves cards between the two. Many waiting
        // cards are not written here: the island fetches them (`data-src`) after the page loaded.
        let (cards, shown_count) = cards_html(&cx, &board, Which::Shown);
        let (waiting, src) = if board.offers.len() - shown_count <= INLINE_WAITING {
            (cards_html(&cx, &board, Which::Waiting).0, None)
        } else {
            (String::new(), Some(waiting_src(locale.as_str(), &board.quarter.slug, &board)))
        };
        let quarter = board.quarter.slug.clone();
        let texts = filter_texts(i18n, &languages, &board.not_understood, offer_count);
        let live_texts = LiveTexts {
            matching: texts.matching.clone(),
            widen: texts.widen.clone(),
            save: t_string!(i18n, shortlist.add).to_owned(),
            saved: t_string!(i18n, shortlist.saved).to_owned(),
        };
        let count = board.matching();
        view! {
            <FilterForm filter=board.filter.clone() count texts shortlist>
                <ul class="offers" id="offers" inner_html=cards></ul>
                <template class="offers-waiting" data-src=src inner_html=waiting></template>
            </FilterForm>
            <LiveFilter filter=query.clone() facts today_bit quarter texts=live_texts/>
        }
        .into_any()
    };
    let Board { quarter, places, .. } = board;
    let place_items = places
        .into_iter()
        .map(|p| {
            view! {
                <li>
                    <span class="place-name">{p.name}</span>
                    ", "
                    <bdi>{p.street}</bdi>
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
            <div class="page-head">
                <h1 lang=quarter.lang.clone() dir="auto">{quarter.name.clone()}</h1>
                <a class="chip head-link" href=week_href.clone()>
                    <IconView name=Icon::Calendar.name()/>
                    <span>{t!(i18n, board.week_plan_short)}</span>
                </a>
            </div>
            <section class="board" aria-labelledby="offers-heading">
                <h2 id="offers-heading" class="visually-hidden">{t!(i18n, board.offers_heading)}</h2>
                {offers_view}
            </section>
            // The quarter's intro comes after its offers: on a phone, the offers are the first screen.
            <section class="quarter-intro" aria-labelledby="about-heading">
                <h2 id="about-heading">{t_string!(i18n, board.about, quarter = quarter.name.clone()).to_string()}</h2>
                <p lang=quarter.lang dir="auto">{quarter.description}</p>
                <ul class="link-list">
                    <li><a href=week_href>{t!(i18n, board.week_plan_link)}</a></li>
                    <li><a href=format!("/{}/{}/network", locale.as_str(), quarter.slug)>{t!(i18n, directory.link)}</a></li>
                </ul>
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
                {office.phone.map(|phone| view! { <p><a class="phone" href=tel_href(&phone) dir="ltr">{phone.clone()}</a></p> })}
            </section>
        </PageFrame>
    }
}
