//! The board's filters, text search, shortlist and the cards a page leaves out, from the server.

use super::*;

/// Slugs of the offers a board page shows (in its list, not waiting in the template after it),
/// in page order.
fn shown_slugs(html: &str) -> Vec<String> {
    let shown = html.split("<template class=\"offers-waiting\"").next().unwrap_or(html);
    shown
        .split("<li ")
        .skip(1)
        .filter_map(|li| {
            let head = &li[..li.find('>').unwrap_or(li.len())];
            if !head.contains("class=\"offer\"") {
                return None;
            }
            let slug = head.split("data-slug=\"").nth(1)?.split('"').next()?;
            Some(slug.to_owned())
        })
        .collect()
}

/// Age 7 + Wednesday shows exactly the offers for a 7-year-old with a Wednesday occurrence this
/// week — the expected set computed from the storage and schedule layers, not from titles.
async fn filter_age_and_weekday(kind: common::Kind) {
    use chrono::Datelike;
    use quartiersboard::domain::schedule::expand::merged;
    let (app, t) = app(kind).await;
    let settings = quartiersboard::config::CalendarSettings::default();
    let today = common::today();
    let cal = quartiersboard::service::holiday_calendar(&t.db, &settings, today).await.unwrap();
    let monday = today - chrono::Duration::days(i64::from(today.weekday().num_days_from_monday()));
    let (_, offers, _) = t.db.get_board_parts("de", "welheim").await.unwrap();
    let mut expected: Vec<String> = offers
        .iter()
        .filter(|o| o.ages.contains(7))
        .filter(|o| {
            merged(&o.schedules, &cal, monday, monday + chrono::Duration::days(6))
                .iter()
                .any(|occ| !occ.is_cancelled() && occ.date.weekday() == chrono::Weekday::Wed)
        })
        .map(|o| o.slug.clone())
        .collect();
    expected.sort();
    assert!(!expected.is_empty() && expected.len() < offers.len());
    let (status, html) = get(&app, "/de/welheim?age=7&day=3").await;
    assert_eq!(status, StatusCode::OK);
    let mut shown = shown_slugs(&html);
    shown.sort();
    assert_eq!(shown, expected);
    // Every offer is still in the page (waiting in the template), so the browser can widen the
    // filter at once.
    assert_eq!(html.matches("class=\"offer\"").count(), offers.len());
}

/// Text search finds an offer by a word of its description, with and without umlauts typed.
async fn text_search_with_and_without_umlauts(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    for q in ["M%C3%BCtter", "Mutter", "kaffee"] {
        let (status, html) = get(&app, &format!("/de/welheim?q={q}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(shown_slugs(&html).contains(&"muettercafe-welheim".to_owned()), "q={q}");
    }
    let (_, html) = get(&app, "/de/welheim?q=xylophonorchester").await;
    assert!(shown_slugs(&html).is_empty());
    assert!(html.contains("Leider passt kein Angebot"));
}

/// Nonsense in the query never causes a 5xx; the page says what it ignored.
async fn nonsense_query_is_reported(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let long = "x".repeat(10_000);
    let (status, html) = get(&app, &format!("/de/welheim?age=-3&day=9&category=nope&q={long}&age=abc")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("nicht verstanden und weggelassen: age, day, category"), "notice");
    let (status, _) = get(&app, "/de/welheim/week?age=abc&day=3").await;
    assert_eq!(status, StatusCode::OK);
}

/// A shortlist lives in the URL: junk is dropped, known offers are shown with a QR code of the
/// cleaned list's address; the board carries the list along.
async fn shortlist_from_the_url(kind: common::Kind) {
    let (app, _t) = app(kind).await;
    let (status, html) =
        get(&app, "/de/list?list=muettercafe-welheim,krabbelcafe-sonnenblume,no-such-offer,Bad%20Slug").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html.matches("class=\"shortlist-item\"").count(), 2);
    assert!(html.contains("/de/list?list=muettercafe-welheim,krabbelcafe-sonnenblume"));
    assert!(html.contains("<svg role=\"img\""));
    let (_, html) = get(&app, "/de/welheim?age=7&list=muettercafe-welheim").await;
    assert!(html.contains(r#"<span class="shortlist-count">1<"#), "the result bar counts the list");
    assert!(html.contains("href=\"/de/list?list=muettercafe-welheim\""));
    assert!(html.contains("?age=7&amp;list=muettercafe-welheim,"), "save links keep filter and list");
    let (status, html) = get(&app, "/de/list").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Die Merkliste ist leer"));
}

/// The cards a board page leaves out are the ones its `cards` address answers with: together
/// every offer of the board once, each part in board order, the save links keeping filter and list.
async fn waiting_cards_complete_the_board(kind: common::Kind) {
    let (app, t) = app(kind).await;
    let settings = quartiersboard::config::CalendarSettings::default();
    for query in ["", "day=3", "age=7&list=muettercafe-welheim", "q=caf%C3%A9", "all=1"] {
        let board =
            quartiersboard::service::board_for_query(&t.db, &settings, "de", "welheim", query).await.unwrap();
        let place =
            |slug: &String| board.offers.iter().position(|o| &o.slug == slug).expect("an offer of the board");
        let sep = if query.is_empty() { "" } else { "?" };
        let (_, page) = get(&app, &format!("/de/welheim{sep}{query}")).await;
        let (status, cards) = get(&app, &format!("/de/welheim/cards{sep}{query}")).await;
        assert_eq!(status, StatusCode::OK, "{query}");
        let (shown, waiting) = (shown_slugs(&page), shown_slugs(&cards));
        for part in [&shown, &waiting] {
            let places = part.iter().map(place).collect::<Vec<_>>();
            assert!(places.windows(2).all(|w| w[0] < w[1]), "board order for {query:?}: {part:?}");
        }
        let mut all = [shown.clone(), waiting.clone()].concat();
        all.sort_by_key(place);
        assert_eq!(all, board.offers.iter().map(|o| o.slug.clone()).collect::<Vec<_>>(), "{query:?}");
        if query == "day=3" {
            assert!(!waiting.is_empty() && !shown.is_empty(), "a weekday leaves some offers out");
        }
        if query.contains("list=") && !waiting.is_empty() {
            assert!(
                cards.contains("?age=7&amp;list=muettercafe-welheim,"),
                "save links keep filter and list"
            );
        }
    }
    let (status, _) = get(&app, "/de/atlantis/cards").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = get(&app, "/de/Bad%20Slug/cards").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

on_both!(
    filter_age_and_weekday,
    text_search_with_and_without_umlauts,
    nonsense_query_is_reported,
    shortlist_from_the_url,
    waiting_cards_complete_the_board,
);
