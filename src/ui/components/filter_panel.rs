//! The board's filter: a plain GET form that works without JavaScript (the server filters), and
//! after hydration an island that applies every change at once — matching with the same domain
//! rule as the server, keeping the URL in sync, and restoring filters on the back button.

use super::filter_texts::FilterTexts;
use crate::domain::category::Category;
use crate::domain::filter::{
    facts_code, parse_query_string, query_pairs, shown, to_query, widenings, Filter, Quick, TimeOfDay, Today,
    BANDS, FIRST_SHOWN,
};
use crate::ui::dom;
use leptos::prelude::*;
use std::collections::HashSet;
use std::time::Duration;

/// `filter` is the applied filter as its URL query; `facts` holds every offer of the board (slug
/// and what the filter needs, in board order) as `facts_code` writes them. Both travel as text:
/// decoding them is a few lines of code in the wasm, where derived JSON decoders were kilobytes.
#[cfg_attr(feature = "islands", island)]
#[cfg_attr(not(feature = "islands"), component)]
pub fn FilterPanel(
    filter: String,
    facts: String,
    today_bit: u8,
    quarter: String,
    texts: FilterTexts,
    children: Children,
) -> impl IntoView {
    let FilterTexts {
        heading,
        quick_label,
        age,
        band,
        any,
        days_legend,
        text,
        more,
        time,
        category,
        language,
        free,
        step_free,
        no_registration,
        apply,
        reset,
        none,
        widen_intro,
        not_understood,
        days,
        bands,
        times,
        categories,
        quick,
        languages,
        widen: widen_labels,
        matching: count_words,
        show_all,
    } = texts;
    let widen_labels = StoredValue::new(widen_labels);
    let f = RwSignal::new(filter_of(&filter));
    let text_hits = RwSignal::new(None::<HashSet<String>>);
    let facts = StoredValue::new(facts_code::decode(&facts).unwrap_or_default());
    let today = Today { weekday_bit: today_bit };
    // Per offer, in the facts' order: does it match?
    let matching = Memo::new(move |_| {
        let filter = f.get();
        text_hits.with(|hits| {
            facts.with_value(|all| {
                all.iter()
                    .map(|(slug, fact)| {
                        let text = hits.as_ref().map_or(fact.text_match, |h| h.contains(slug));
                        filter.matches_text(fact, today, text)
                    })
                    .collect::<Vec<bool>>()
            })
        })
    });
    // Browser only: follow the filter in the page and the address bar.
    let from_history = StoredValue::new(true);
    let ready = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let cards = StoredValue::new_local(None::<dom::Cards>);
    let find_cards = move || {
        cards.update_value(|cards| {
            cards.get_or_insert_with(|| {
                facts.with_value(|all| {
                    dom::Cards::find(&all.iter().map(|(s, _)| s.as_str()).collect::<Vec<_>>())
                })
            });
        })
    };
    Effect::new(move |ran_before: Option<()>| {
        matching.with(|now| {
            if ran_before.is_none() {
                // The server showed the cards for this very filter: nothing to change at the
                // start. Finding the cards waits for a task of its own, so that starting the
                // island stays one short task (it reads every card of the board).
                set_timeout(find_cards, Duration::ZERO);
                return;
            }
            find_cards();
            cards.update_value(|cards| {
                if let Some(cards) = cards {
                    cards.show(&shown(now, f.with(|f| f.all)));
                }
            })
        });
        let mut query = to_query(&f.get());
        // The shortlist rides along in the URL; filtering keeps it.
        if let Some((_, list)) = query_pairs(&dom::current_query()).into_iter().find(|(k, _)| k == "list") {
            query = if query.is_empty() { format!("list={list}") } else { format!("{query}&list={list}") };
        }
        if !from_history.get_value() && query != dom::current_query() {
            // After the board has painted: a new history entry is not part of what the resident waits for.
            request_animation_frame(move || set_timeout(move || dom::push_query(&query), Duration::ZERO));
        }
        from_history.set_value(false);
    });
    let _ = leptos::prelude::window_event_listener(leptos::ev::popstate, move |_| {
        from_history.set_value(true);
        text_hits.set(None);
        f.set(filter_of(&dom::current_query()));
    });
    let search = move |text: Option<String>| {
        let quarter = quarter.clone();
        f.update(|x| x.text = text.clone());
        if let Some(text) = text {
            leptos::task::spawn_local(async move {
                if let Ok(hits) = crate::serverfns::search_offers(quarter, text).await {
                    text_hits.set(Some(hits.into_iter().collect()));
                }
            });
        }
    };

    let day_boxes = days
        .into_iter()
        .enumerate()
        .map(|(d, (short, long))| {
            let bit = 1u8 << d;
            view! {
                <label class="chip">
                    <input
                        type="checkbox"
                        name="day"
                        value=(d + 1).to_string()
                        checked=move || f.with(|x| x.days & bit != 0)
                        prop:checked=move || f.with(|x| x.days & bit != 0)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            f.update(|x| if on { x.days |= bit } else { x.days &= !bit });
                        }
                    />
                    <span title=long>{short}</span>
                </label>
            }
        })
        .collect_view();
    let band_options = BANDS
        .iter()
        .zip(bands)
        .map(|((code, band), label)| {
            let band = *band;
            view! { <option value=*code selected=move || f.with(|x| x.band == Some(band))>{label}</option> }
        })
        .collect_view();
    let time_options = TimeOfDay::ALL
        .iter()
        .zip(times)
        .map(|((code, t), label)| {
            let t = *t;
            view! { <option value=*code selected=move || f.with(|x| x.time == Some(t))>{label}</option> }
        })
        .collect_view();
    let category_options = Category::ALL
        .iter()
        .zip(categories)
        .map(|(c, label)| {
            let c = *c;
            view! { <option value=c.code() selected=move || f.with(|x| x.category == Some(c))>{label}</option> }
        })
        .collect_view();
    let language_options = languages
        .into_iter()
        .map(|(code, name)| {
            let selected = code.clone();
            view! {
                <option value=code.clone() selected=move || f.with(|x| x.language.as_deref() == Some(selected.as_str()))>
                    {name}
                </option>
            }
        })
        .collect_view();
    let quick_chips = Quick::ALL
        .iter()
        .zip(quick)
        .map(|((code, q), label)| {
            let q = *q;
            view! {
                <a
                    class="chip"
                    href=move || format!("?{}", to_query(&Filter { quick: Some(q), ..f.get() }))
                    aria-current=move || f.with(|x| x.quick == Some(q)).then_some("true")
                    data-quick=*code
                    on:click=move |ev| {
                        ev.prevent_default();
                        f.update(|x| x.quick = if x.quick == Some(q) { None } else { Some(q) });
                    }
                >
                    {label}
                </a>
            }
        })
        .collect_view();
    let set_select = move |ev: leptos::ev::Event, apply: fn(&mut Filter, &str)| {
        let v = event_target_value(&ev);
        f.update(|x| apply(x, &v));
    };
    let more_open = {
        let x = f.get_untracked();
        x.time.is_some()
            || x.category.is_some()
            || x.free
            || x.language.is_some()
            || x.step_free
            || x.no_registration
    };
    // The number of matches, counted once per change (three parts of the page show it).
    let count = Memo::new(move |_| matching.with(|m| m.iter().filter(|on| **on).count()));
    // The ways to widen the filter, made only while nothing matches (a hidden list would be
    // rebuilt on every change for nobody).
    let widen = move || {
        if count.get() != 0 {
            return None;
        }
        let current = f.get();
        let links = widenings(&current)
            .into_iter()
            .map(|(what, wider)| {
                let label = widen_labels
                    .with_value(|l| l.iter().find(|(w, _)| w == what).map(|(_, t)| t.clone()))
                    .unwrap_or_default();
                let href = format!("?{}", to_query(&wider));
                view! {
                    <li>
                        <a href=href on:click=move |ev| {
                            ev.prevent_default();
                            f.set(wider.clone());
                        }>{label}</a>
                    </li>
                }
            })
            .collect_view();
        Some(links)
    };
    let show_all_href = move || format!("?{}", to_query(&Filter { all: true, ..f.get() }));
    let on_show_all = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        f.update(|x| x.all = true);
        // Once the cards are in view: the keyboard goes on where the first 50 ended.
        request_animation_frame(move || {
            cards.with_value(|c| {
                if let Some(c) = c {
                    c.focus_shown(FIRST_SHOWN);
                }
            })
        });
    };
    view! {
        <section class="filters" aria-labelledby="filter-heading">
            <h2 id="filter-heading">{heading}</h2>
            {not_understood.map(|n| view! { <p class="notice" role="status">{n}</p> })}
            <nav class="quick" aria-label=quick_label>{quick_chips}</nav>
            <form
                method="get"
                action=""
                class="filter-form"
                data-live=move || ready.get().then_some("1")
                on:submit=move |ev| ev.prevent_default()
            >
                <div class="field-row">
                    <label>
                        <span>{age}</span>
                        <input
                            type="number"
                            name="age"
                            min="0"
                            max="120"
                            inputmode="numeric"
                            value=move || f.with(|x| x.age.map(|a| a.to_string()).unwrap_or_default())
                            on:input=move |ev| f.update(|x| x.age = event_target_value(&ev).trim().parse().ok().filter(|a| *a <= 120))
                        />
                    </label>
                    <label>
                        <span>{band}</span>
                        <select name="band" on:change=move |ev| set_select(ev, |x, v| x.band = BANDS.iter().find(|(c, _)| *c == v).map(|(_, b)| *b))>
                            <option value="">{any.clone()}</option>
                            {band_options}
                        </select>
                    </label>
                </div>
                <fieldset class="days">
                    <legend>{days_legend}</legend>
                    {day_boxes}
                </fieldset>
                <label class="search">
                    <span>{text}</span>
                    <input
                        type="search"
                        name="q"
                        maxlength="100"
                        value=move || f.with(|x| x.text.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let v = v.trim();
                            search((!v.is_empty()).then(|| v.to_owned()));
                        }
                    />
                </label>
                <details class="more" open=more_open>
                    <summary>{more}</summary>
                    <label>
                        <span>{time}</span>
                        <select name="time" on:change=move |ev| set_select(ev, |x, v| x.time = TimeOfDay::ALL.iter().find(|(c, _)| *c == v).map(|(_, t)| *t))>
                            <option value="">{any.clone()}</option>
                            {time_options}
                        </select>
                    </label>
                    <label>
                        <span>{category}</span>
                        <select name="category" on:change=move |ev| set_select(ev, |x, v| x.category = v.parse().ok())>
                            <option value="">{any.clone()}</option>
                            {category_options}
                        </select>
                    </label>
                    <label>
                        <span>{language}</span>
                        <select name="lang" on:change=move |ev| set_select(ev, |x, v| x.language = (!v.is_empty()).then(|| v.to_owned()))>
                            <option value="">{any.clone()}</option>
                            {language_options}
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" name="free" value="1" checked=move || f.with(|x| x.free) prop:checked=move || f.with(|x| x.free)
                            on:change=move |ev| { let on = event_target_checked(&ev); f.update(|x| x.free = on) }/>
                        <span>{free}</span>
                    </label>
                    <label class="check">
                        <input type="checkbox" name="stepfree" value="1" checked=move || f.with(|x| x.step_free) prop:checked=move || f.with(|x| x.step_free)
                            on:change=move |ev| { let on = event_target_checked(&ev); f.update(|x| x.step_free = on) }/>
                        <span>{step_free}</span>
                    </label>
                    <label class="check">
                        <input type="checkbox" name="noreg" value="1" checked=move || f.with(|x| x.no_registration) prop:checked=move || f.with(|x| x.no_registration)
                            on:change=move |ev| { let on = event_target_checked(&ev); f.update(|x| x.no_registration = on) }/>
                        <span>{no_registration}</span>
                    </label>
                </details>
                {move || f.with(|x| x.all).then(|| view! { <input type="hidden" name="all" value="1"/> })}
                <div class="actions">
                    <button type="submit">{apply}</button>
                    <a href="?" on:click=move |ev| { ev.prevent_default(); text_hits.set(None); f.set(Filter::default()); }>
                        {reset}
                    </a>
                </div>
            </form>
        </section>
        <p class="match-count" role="status" aria-live="polite">{move || count_words.text(count.get())}</p>
        <div class="empty" hidden=move || count.get() != 0>
            <p>{none}</p>
            <p>{widen_intro}</p>
            <ul class="widen">{widen}</ul>
        </div>
        {children()}
        <p class="show-all" hidden=move || f.with(|x| x.all) || count.get() <= FIRST_SHOWN>
            <a class="button-link" href=show_all_href on:click=on_show_all>{show_all}</a>
        </p>
    }
}

/// The filter a URL query names (what is not understood is left out, as on the server).
fn filter_of(query: &str) -> Filter {
    parse_query_string(query).0
}
