use super::*;
use crate::domain::age::AgeRange;
use crate::domain::category::Category;
use crate::domain::schedule::{HolidayMode, Occurrence, Rule, Schedule, Status, Times};
use chrono::NaiveTime;
use leptos::prelude::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn offer() -> OfferSummary {
    let times = Times::Timed {
        start: NaiveTime::from_hms_opt(15, 0, 0).unwrap(),
        end: NaiveTime::from_hms_opt(16, 30, 0).unwrap(),
    };
    OfferSummary {
        id: 1,
        slug: "hausaufgaben".into(),
        lang: "de".into(),
        title: "Lesen & <b>Rechnen</b> \"für alle\"".into(),
        category: Category::Learning,
        ages: AgeRange { min: Some(6), max: Some(10) },
        is_free: true,
        place_name: "Schule <Nord>".into(),
        place_quarter: None,
        audiences: vec![],
        languages: vec!["de".into(), "ar".into()],
        step_free: false,
        registration_required: false,
        schedules: vec![Schedule {
            start_date: day("2026-01-01"),
            times,
            rule: Rule::Weekly { interval: 1, days: vec![chrono::Weekday::Wed] },
            end: None,
            holidays: HolidayMode::NotInSchoolHolidays,
            on_public_holidays: false,
            place: None,
            exceptions: vec![],
            extra_dates: vec![],
        }],
        next: Some(Occurrence { date: day("2026-11-25"), times, status: Status::Regular, place: None }),
        cancelled_this_week: None,
        facts: Default::default(),
    }
}

/// The card in `locale`, rendered with the i18n context a page has.
fn card(offer: &OfferSummary, locale: Locale, saved: bool) -> String {
    // The i18n context starts an effect; a page has an executor for it, a test needs one.
    let _ = any_spawner::Executor::init_futures_executor();
    Owner::new().with(|| {
        provide_context(leptos_i18n::context::init_i18n_subcontext::<Locale>(Some(Signal::stored(locale))));
        let mut buf = String::new();
        let cx = CardContext::new(day("2026-11-23"));
        let links = CardLinks { offer_query: "?list=a", save_href: "?list=a&q=\"x\"#o-hausaufgaben" };
        offer_card_html(&mut buf, &cx, offer, saved, &links);
        buf
    })
}

/// Every element opened is closed, in order (the card is written by hand).
fn assert_balanced(html: &str) {
    let mut open = Vec::new();
    for tag in html.split('<').skip(1) {
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '/').collect();
        if let Some(closing) = name.strip_prefix('/') {
            assert_eq!(open.pop().as_deref(), Some(closing), "in {html}");
        } else {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "left open {open:?} in {html}");
}

#[test]
fn everything_from_the_database_is_escaped() {
    let html = card(&offer(), Locale::de, false);
    assert!(html.contains("Lesen &amp; &lt;b&gt;Rechnen&lt;/b&gt; \"für alle\""), "{html}");
    assert!(html.contains("Schule &lt;Nord&gt;"), "{html}");
    assert!(html.contains(r#"href="?list=a&amp;q=&quot;x&quot;#o-hausaufgaben""#), "{html}");
    assert!(!html.contains("<b>Rechnen"), "{html}");
    assert_balanced(&html);
}

#[test]
fn a_card_says_what_the_board_needs_in_the_page_language() {
    let html = card(&offer(), Locale::de, false);
    assert!(
        html.starts_with(r#"<li class="offer" data-slug="hausaufgaben" id="o-hausaufgaben"><article class="offer-card cat-learning">"#),
        "{html}"
    );
    // The title is the card's link, and it keeps the shortlist.
    assert!(html.contains(r#"<a href="/de/offers/hausaufgaben?list=a" lang="de" dir="auto">"#), "{html}");
    for words in [
        "6–10 Jahre",
        "kostenlos",
        "jeden Mittwoch",
        "Deutsch, Arabisch",
        "Merken",
        "Lernen &amp; Hausaufgaben",
    ] {
        assert!(html.contains(words), "{words} in {html}");
    }
    // 25 November is two days after "today" (the 23rd): the weekday, not the date, and the time
    // once (not again after the rule), isolated left to right.
    assert!(html.contains(r#"<b>Mittwoch</b> <bdi class="time" dir="ltr">15:00–16:30 Uhr</bdi>"#), "{html}");
    assert_eq!(html.matches("15:00").count(), 1, "{html}");
    assert!(!html.contains("25.11.") && !html.contains("Nächster Termin"), "{html}");
    assert!(html.contains(r##"<use href="#i-book-open">"##), "{html}");
    assert!(!html.contains("untranslated"), "German content on a German page: {html}");
    assert!(!html.contains("<!>"), "no hydration markers: {html}");

    let arabic = card(&offer(), Locale::ar, false);
    assert!(arabic.contains(r#"<a href="/ar/offers/hausaufgaben?list=a" lang="de" dir="auto">"#), "{arabic}");
    assert!(arabic.contains(r#"<span class="untranslated">"#), "German content on an Arabic page: {arabic}");
    assert!(arabic.contains("الألمانية، العربية"), "Arabic comma: {arabic}");
    assert!(!arabic.contains("Merken") && !arabic.contains("Jahre"), "{arabic}");
    assert_balanced(&arabic);
}

/// The next date in words of the coming week: today, tomorrow, a weekday, then a short date.
#[test]
fn the_next_date_in_words() {
    let mut o = offer();
    let words = |o: &OfferSummary| card(o, Locale::de, false);
    o.next.as_mut().unwrap().date = day("2026-11-23");
    assert!(words(&o).contains("<b>Heute</b>"), "{}", words(&o));
    o.next.as_mut().unwrap().date = day("2026-11-24");
    assert!(words(&o).contains("<b>Morgen</b>"));
    o.next.as_mut().unwrap().date = day("2026-12-02");
    assert!(words(&o).contains("<b>Mi 02.12.</b>"), "{}", words(&o));
    // Only German spoken: no languages line.
    o.languages = vec!["de".into()];
    assert!(!words(&o).contains("offer-languages"));
    // Without a next date the rule carries its times.
    o.next = None;
    assert!(
        words(&o)
            .contains(r#"<span>jeden Mittwoch</span> · <bdi class="time" dir="ltr">15:00–16:30 Uhr</bdi>"#),
        "{}",
        words(&o)
    );
}

/// A place in another quarter is named with that quarter; the board's own quarter is not said.
#[test]
fn a_place_elsewhere_names_its_quarter() {
    let mut o = offer();
    assert!(!card(&o, Locale::de, false).contains("place-quarter"));
    o.place_quarter = Some("Batenbrock-Süd".into());
    let html = card(&o, Locale::de, false);
    assert!(
        html.contains(r#"Schule &lt;Nord&gt;</bdi>, <bdi class="place-quarter">Batenbrock-Süd</bdi>"#),
        "{html}"
    );
    let arabic = card(&o, Locale::ar, false);
    assert!(arabic.contains(r#"</bdi>، <bdi class="place-quarter">"#), "{arabic}");
    assert_balanced(&html);
}

#[test]
fn saved_and_cancelled_cards() {
    let mut o = offer();
    o.schedules.clear();
    o.languages.clear();
    o.is_free = false;
    o.cancelled_this_week = o.next.clone();
    let html = card(&o, Locale::de, true);
    assert!(html.contains(r#"rel="nofollow" aria-current="true">"#), "{html}");
    assert!(html.contains("Gemerkt"), "{html}");
    assert!(html.contains(r#"<p class="status cancelled">"#), "{html}");
    assert!(html.contains(r#"<p class="when none">"#), "{html}");
    assert!(!html.contains("offer-languages") && !html.contains(r#"class="free""#), "{html}");
    let unsaved = card(&o, Locale::de, false);
    assert!(!unsaved.contains("aria-current") && unsaved.contains("Merken"), "{unsaved}");
    assert_balanced(&html);
}

mod slices {
    use super::*;
    use crate::ui::components::board_cards::card_slices;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whatever the offers say (even a card's own start as a title or place), the cards are
        /// cut only where one starts: each slice is whole cards, at most `per`, in order.
        #[test]
        fn cut_only_where_a_card_starts(
            titles in proptest::collection::vec(
                prop_oneof![Just(CARD_START.to_owned()), Just("<li class=\"offer\"".to_owned()), ".{0,12}"],
                0..12,
            ),
            per in 0usize..5,
        ) {
            let cards = titles
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let mut o = offer();
                    o.slug = format!("o{i}");
                    o.title = t.clone();
                    o.place_name = t.clone();
                    card(&o, Locale::de, false)
                })
                .collect::<Vec<_>>();
            let html = cards.concat();
            let slices = card_slices(&html, per);
            let per = per.max(1);
            prop_assert_eq!(slices.concat(), html.clone());
            prop_assert_eq!(slices.len(), cards.len().div_ceil(per));
            for (n, slice) in slices.iter().enumerate() {
                let whole = cards.iter().skip(n * per).take(per).cloned().collect::<String>();
                prop_assert_eq!(*slice, whole.as_str());
            }
        }
    }
}
