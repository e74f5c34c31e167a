//! `/<lang>/print/<quarter>/flyer|sticker|board?langs=de,ar&size=…`: print products from the live
//! data, one section per chosen language (in that language and direction), each with the QR code
//! of the quarter's short link. Normal pages with print CSS (`@page` named pages per size); the
//! browser shapes Arabic and Farsi. A "print / save as PDF" button; Ctrl+P without JavaScript.

use crate::domain::print::{PaperSize, PrintLang, PrintOptions};
use crate::domain::week_plan::{Pattern, TypicalEntry};
use crate::i18n::*;
use crate::serverfns::get_print;
use crate::ui::components::occurrence_text::StatusBadge;
use crate::ui::components::schedule_text::{
    date_text, holidays_text, pattern_text, times_text, ScheduleSummary,
};
use crate::ui::labels;
use crate::ui::locale::{find_locale, route_locale};
use crate::ui::pages::NotFoundPage;
use chrono::{Datelike, NaiveDate, Weekday};
use leptos::prelude::*;
use leptos_meta::{Html, Meta, Title};
use leptos_router::hooks::{use_location, use_params_map};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Product {
    Flyer,
    Sticker,
    Board,
}

#[component]
pub fn PrintPage() -> impl IntoView {
    let Some(locale) = route_locale() else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let params = use_params_map().read_untracked();
    let quarter = params.get("quarter").unwrap_or_default();
    let product = match params.get("product").as_deref() {
        Some("flyer") => Product::Flyer,
        Some("sticker") => Product::Sticker,
        Some("board") => Product::Board,
        _ => return view! { <NotFoundPage/> }.into_any(),
    };
    let sizes: &[PaperSize] = match product {
        Product::Flyer => &[PaperSize::A4, PaperSize::A5],
        Product::Sticker => &[PaperSize::A5],
        Product::Board => &[PaperSize::A4, PaperSize::A3],
    };
    let query = use_location().search.get_untracked().trim_start_matches('?').to_owned();
    let options = PrintOptions::parse(&query, sizes, |l| find_locale(l).is_some());
    let data = OnceResource::new(get_print(quarter, options.langs.clone()));
    let i18n = use_i18n();
    let page = move || {
        let options = options.clone();
        Suspend::new(async move {
            match data.await {
                Ok(data) => {
                    let today = data.today;
                    let title = data.langs.first().map(|l| l.quarter_name.clone()).unwrap_or_default();
                    if product == Product::Sticker {
                        return view! { <Title text=title/> <Sticker data/> }.into_any();
                    }
                    let sections = data
                        .langs
                        .into_iter()
                        .map(|l| {
                            let locale = find_locale(&l.lang).unwrap_or_default();
                            let options = options.clone();
                            view! {
                                <InLocale locale>
                                    {match product {
                                        Product::Flyer => view! { <Flyer l=l.clone() today size=options.size/> }.into_any(),
                                        Product::Sticker => ().into_any(),
                                        Product::Board => view! { <Board l=l.clone() today options=options.clone()/> }.into_any(),
                                    }}
                                </InLocale>
                            }
                        })
                        .collect_view();
                    view! { <Title text=title/> {sections} }.into_any()
                }
                Err(e) => crate::ui::pages::load_failed(e),
            }
        })
    };
    view! {
        <Html {..} lang=locale.as_str() dir=locale.direction().as_str() class="print-page"/>
        <crate::ui::tools_css::ToolsStylesheet/>
        <Meta name="robots" content="noindex"/>
        <main id="main" class="print-products">
            <div class="print-controls no-print">
                <crate::ui::components::print_button::PrintButton label=t_string!(i18n, print.print_button).to_owned()/>
                <p class="hint">{t!(i18n, print.print_hint)}</p>
            </div>
            <Suspense fallback=|| ()>{page}</Suspense>
        </main>
    }
    .into_any()
}

/// Renders its children with the texts of `locale` (each print section has its own language).
#[component]
fn InLocale(locale: Locale, children: Children) -> impl IntoView {
    let ctx = leptos_i18n::context::init_i18n_subcontext::<Locale>(Some(Signal::stored(locale)));
    let owner = Owner::current().expect("an owner").child();
    let view = owner.with(|| {
        provide_context(ctx);
        children()
    });
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(view, owner)
}

/// The link without its scheme, allowed to break only after a slash.
fn breakable(url: &str) -> impl IntoView {
    let bare = url.trim_start_matches("https://").trim_start_matches("http://");
    let parts: Vec<String> = bare.split_inclusive('/').map(str::to_owned).collect();
    parts.into_iter().map(|p| view! { {p}<wbr/> }).collect_view()
}

fn dir_of(l: &PrintLang) -> &'static str {
    if l.rtl {
        "rtl"
    } else {
        "ltr"
    }
}

/// The QR code and the short link in large type, which never turns around in right-to-left text.
#[component]
fn Code(l: PrintLang) -> impl IntoView {
    view! {
        <div class="print-qr" inner_html=l.qr_svg.clone()></div>
        <p class="print-url" dir="ltr">{breakable(&l.short_url)}</p>
    }
}

#[component]
fn Flyer(l: PrintLang, today: NaiveDate, size: PaperSize) -> impl IntoView {
    let i18n = use_i18n();
    let copies = if size == PaperSize::A5 { 2 } else { 1 };
    let one = move || {
        let l = l.clone();
        let office = l.office.clone();
        view! {
            <article class="flyer" lang=l.lang.clone() dir=dir_of(&l)>
                <h1>{t!(i18n, print.flyer_title, quarter = l.quarter_name.clone())}</h1>
                <p class="flyer-intro">{t!(i18n, print.flyer_intro)}</p>
                <div class="flyer-code">
                    <p>{t!(i18n, print.scan)}</p>
                    <Code l=l.clone()/>
                </div>
                <h2>{t!(i18n, print.typical_heading)}</h2>
                <TypicalOverview days=l.typical.clone()/>
                <h2>{t!(i18n, board.office_heading)}</h2>
                <p class="flyer-office">
                    <strong>{office.name}</strong><br/>
                    <bdi dir="ltr">{format!("{}, {} {}", office.address.street, office.address.postcode, office.address.city)}</bdi><br/>
                    {office.phone.map(|p| view! { <bdi dir="ltr">{p}</bdi><br/> })}
                    {office.opening_hours}
                </p>
                <p class="print-as-of">{t!(i18n, print.as_of, date = date_text(i18n, today))}</p>
            </article>
        }
    };
    view! {
        <section class="print-sheet" class:two-up=copies == 2 class:sheet-a4=copies == 1>
            {(0..copies).map(|_| one()).collect_view()}
        </section>
    }
}

/// How many entries a day shows on a flyer; the rest is counted ("+ 3 more"), so a busy week
/// still fits the sheet (the printed board shows everything).
const FLYER_ENTRIES_PER_DAY: usize = 4;

/// The typical week in a few lines: weekday, then time and title of what recurs.
#[component]
fn TypicalOverview(days: Vec<Vec<TypicalEntry>>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = days
        .into_iter()
        .enumerate()
        .filter(|(_, entries)| !entries.is_empty())
        .map(|(d, entries)| {
            let day = labels::weekday_short(i18n, Weekday::try_from(d as u8).unwrap_or(Weekday::Mon));
            let more = entries.len().saturating_sub(FLYER_ENTRIES_PER_DAY);
            let items = entries
                .into_iter()
                .take(FLYER_ENTRIES_PER_DAY)
                .map(|e| view! { <li><bdi class="entry-time" dir="ltr">{times_text(i18n, e.times)}</bdi> " " <span lang=e.lang dir="auto">{e.title}</span></li> })
                .collect_view();
            let more = (more > 0).then(|| view! { <li class="overview-more">{t!(i18n, print.more, count = more)}</li> });
            view! { <div class="overview-day"><h3>{day}</h3><ul>{items}{more}</ul></div> }
        })
        .collect_view();
    view! { <div class="typical-overview">{rows}</div> }
}

/// One sticker: a line per chosen language and one big code of the language-neutral short link
/// (the phone's language decides where it lands).
#[component]
fn Sticker(data: crate::domain::print::PrintData) -> impl IntoView {
    let lines = data
        .langs
        .iter()
        .map(|l| {
            let locale = find_locale(&l.lang).unwrap_or_default();
            let (lang, dir, quarter) = (l.lang.clone(), dir_of(l), l.quarter_name.clone());
            view! { <InLocale locale><StickerLine lang dir quarter/></InLocale> }
        })
        .collect_view();
    let url = breakable(&data.neutral_url);
    view! {
        <section class="print-sheet sticker">
            {lines}
            <div class="print-qr" inner_html=data.neutral_qr_svg></div>
            <p class="print-url" dir="ltr">{url}</p>
        </section>
    }
}

#[component]
fn StickerLine(lang: String, dir: &'static str, quarter: String) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="sticker-line" lang=lang dir=dir>{t!(i18n, print.sticker_line, quarter = quarter)}</p> }
}

#[component]
fn Board(l: PrintLang, today: NaiveDate, options: PrintOptions) -> impl IntoView {
    let i18n = use_i18n();
    let code = view! { <Code l=l.clone()/> };
    let (lang, dir, quarter_name) = (l.lang.clone(), dir_of(&l), l.quarter_name.clone());
    let days = if options.this_week {
        l.plan
            .days
            .into_iter()
            .map(|day| {
                let heading = format!("{} {}", labels::weekday(i18n, day.date.weekday()), date_text(i18n, day.date));
                let items = day
                    .entries
                    .into_iter()
                    .map(|e| view! {
                        <li><bdi class="entry-time" dir="ltr">{times_text(i18n, e.times)}</bdi> " "
                            <strong lang=e.lang dir="auto">{e.title}</strong> " "
                            <span class="entry-place">{e.place_name}</span> " " <StatusBadge status=e.status/></li>
                    })
                    .collect_view();
                view! { <div class="board-day"><h2>{heading}</h2><ul>{items}</ul></div> }
            })
            .collect_view()
            .into_any()
    } else {
        l.typical
            .into_iter()
            .enumerate()
            .map(|(d, entries)| {
                let heading = labels::weekday(i18n, Weekday::try_from(d as u8).unwrap_or(Weekday::Mon));
                let weekday = Weekday::try_from(d as u8).unwrap_or(Weekday::Mon);
                let items = entries
                    .into_iter()
                    .map(|e| {
                        // Only what is not "every week" is said: a monthly line must not read as weekly.
                        let pattern = (e.pattern != Pattern::Weekly { interval: 1 })
                            .then(|| pattern_text(i18n, &e.pattern, weekday));
                        let holidays = holidays_text(i18n, e.holidays);
                        view! {
                            <li><bdi class="entry-time" dir="ltr">{times_text(i18n, e.times)}</bdi> " "
                                <strong lang=e.lang dir="auto">{e.title}</strong> " "
                                <span class="entry-place">{e.place_name}</span>
                                {pattern.map(|p| view! { " · " <span class="entry-pattern">{p}</span> })}
                                {holidays.map(|h| view! { " · " <span class="entry-pattern">{h}</span> })}</li>
                        }
                    })
                    .collect_view();
                view! { <div class="board-day"><h2>{heading}</h2><ul>{items}</ul></div> }
            })
            .collect_view()
            .into_any()
    };
    let others = (!l.others.is_empty()).then(|| {
        let items = l
            .others
            .into_iter()
            .map(|o| {
                view! {
                    <li><strong lang=o.lang dir="auto">{o.title}</strong> " "
                        <span class="entry-place">{o.place_name}</span>
                        <ScheduleSummary schedules=o.schedules today/></li>
                }
            })
            .collect_view();
        view! { <div class="board-others"><h2>{t!(i18n, print.others_heading)}</h2><ul>{items}</ul></div> }
    });
    let sheet =
        if options.size == PaperSize::A3 { "board-sheet sheet-a3" } else { "board-sheet sheet-a4-landscape" };
    view! {
        <section class=format!("print-sheet {sheet}") lang=lang dir=dir>
            <header class="board-head">
                <div>
                    <h1>{t!(i18n, print.board_title, quarter = quarter_name)}</h1>
                    <p class="print-as-of">{t!(i18n, print.as_of, date = date_text(i18n, today))}</p>
                </div>
                <div class="board-code">{code}</div>
            </header>
            <div class="board-days">{days}</div>
            {others}
        </section>
    }
}
