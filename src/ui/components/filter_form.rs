//! The board's filter as the server writes it: a plain GET form that works without JavaScript
//! (the server filters), the count of matches, the ways to widen an empty result, the cards, and
//! "show all". Nothing here is hydrated: the `LiveFilter` island (`filter_live.rs`) brings this
//! very markup to life in the browser — so starting the board's code does not walk the form.
//!
//! The links the island takes over carry `data-filter`: `quick` (a chip), `reset`, `widen`, `all`.

use super::filter_texts::FilterTexts;
use crate::domain::category::Category;
use crate::domain::filter::{to_query, widenings, Filter, Quick, TimeOfDay, BANDS, FIRST_SHOWN};
use leptos::prelude::*;

/// Where the result bar's shortlist link leads, and how many offers are on the list.
pub struct ShortlistLink {
    pub href: String,
    pub count: usize,
}

/// `filter` is the applied filter, `count` how many offers match it; `children` are the cards.
#[component]
pub fn FilterForm(
    filter: Filter,
    count: usize,
    texts: FilterTexts,
    shortlist: ShortlistLink,
    children: Children,
) -> impl IntoView {
    let FilterTexts {
        heading,
        quick_label,
        age,
        age_short,
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
        matching,
        show_all,
        shortlist: shortlist_word,
    } = texts;
    let f = filter;
    let day_boxes = days
        .into_iter()
        .enumerate()
        .map(|(d, (short, long))| {
            view! {
                // The box itself is hidden: the chip shows whether it is ticked.
                <label class="chip day-chip">
                    <input type="checkbox" name="day" value=(d + 1).to_string() checked=f.days & (1 << d) != 0 class="visually-hidden"/>
                    <span title=long>{short}</span>
                </label>
            }
        })
        .collect_view();
    let band_options = BANDS
        .iter()
        .zip(bands)
        .map(|((code, band), label)| view! { <option value=*code selected=f.band == Some(*band)>{label}</option> })
        .collect_view();
    let time_options = TimeOfDay::ALL
        .iter()
        .zip(times)
        .map(|((code, t), label)| view! { <option value=*code selected=f.time == Some(*t)>{label}</option> })
        .collect_view();
    let category_options = Category::ALL
        .iter()
        .zip(categories)
        .map(|(c, label)| view! { <option value=c.code() selected=f.category == Some(*c)>{label}</option> })
        .collect_view();
    // A language from the address that no offer of the board speaks still shows as chosen, so
    // the form says what the filter is (and the island reads back the same filter).
    let unknown_language = f.language.clone().filter(|l| !languages.iter().any(|(code, _)| code == l));
    let language_options = unknown_language
        .map(|code| (code.clone(), code))
        .into_iter()
        .chain(languages)
        .map(|(code, name)| {
            let selected = f.language.as_deref() == Some(code.as_str());
            view! { <option value=code selected=selected>{name}</option> }
        })
        .collect_view();
    // "Today" sits in the bar; the other quick choices wait behind "more".
    let quick_chip = |(code, q): &(&'static str, Quick), label: String| {
        let href = format!("?{}#offers", to_query(&Filter { quick: Some(*q), ..f.clone() }));
        let current = (f.quick == Some(*q)).then_some("true");
        view! { <a class="chip" href=href aria-current=current data-filter="quick" data-quick=*code>{label}</a> }
    };
    let mut quick_chips =
        Quick::ALL.iter().zip(quick).map(|(q, label)| quick_chip(q, label)).collect::<Vec<_>>();
    let today_chip = (!quick_chips.is_empty()).then(|| quick_chips.remove(0));
    let more_open = f.uses_more();
    // The ways to widen the filter, while nothing matches.
    let widen = (count == 0).then(|| {
        widenings(&f)
            .into_iter()
            .map(|(what, wider)| {
                let label =
                    widen_labels.iter().find(|(w, _)| w == what).map(|(_, t)| t.clone()).unwrap_or_default();
                view! { <li><a href=format!("?{}#offers", to_query(&wider)) data-filter="widen">{label}</a></li> }
            })
            .collect_view()
    });
    let show_all_href = format!("?{}#offers", to_query(&Filter { all: true, ..f.clone() }));
    view! {
        <section class="filters" aria-labelledby="filter-heading">
            <h2 id="filter-heading" class="visually-hidden">{heading}</h2>
            {not_understood.map(|n| view! { <p class="notice" role="status">{n}</p> })}
            // Without JavaScript the answer lands at the results, not at the top of the page.
            <form method="get" action="#offers" class="filter-form" id="filter-form">
                <label class="age">
                    <span aria-hidden="true">{age_short}</span>
                    <input
                        type="number"
                        name="age"
                        min="0"
                        max="120"
                        inputmode="numeric"
                        aria-label=age
                        value=f.age.map(|a| a.to_string()).unwrap_or_default()
                    />
                </label>
                {today_chip}
                <details class="more" open=more_open>
                    <summary>{more} <crate::ui::icons::IconView name=crate::ui::icons::Icon::Chevron.name()/></summary>
                    <div class="more-fields">
                        <div class="quick" role="group" aria-label=quick_label>{quick_chips}</div>
                        <label>
                            <span>{band}</span>
                            <select name="band">
                                <option value="">{any.clone()}</option>
                                {band_options}
                            </select>
                        </label>
                        <label class="search">
                            <span>{text}</span>
                            <input type="search" name="q" maxlength="100" value=f.text.clone().unwrap_or_default()/>
                        </label>
                        <label>
                            <span>{time}</span>
                            <select name="time">
                                <option value="">{any.clone()}</option>
                                {time_options}
                            </select>
                        </label>
                        <label>
                            <span>{category}</span>
                            <select name="category">
                                <option value="">{any.clone()}</option>
                                {category_options}
                            </select>
                        </label>
                        <label>
                            <span>{language}</span>
                            <select name="lang">
                                <option value="">{any}</option>
                                {language_options}
                            </select>
                        </label>
                        <label class="check">
                            <input type="checkbox" name="free" value="1" checked=f.free/>
                            <span>{free}</span>
                        </label>
                        <label class="check">
                            <input type="checkbox" name="stepfree" value="1" checked=f.step_free/>
                            <span>{step_free}</span>
                        </label>
                        <label class="check">
                            <input type="checkbox" name="noreg" value="1" checked=f.no_registration/>
                            <span>{no_registration}</span>
                        </label>
                        <p class="reset"><a href="?#offers" data-filter="reset">{reset}</a></p>
                    </div>
                </details>
                <fieldset class="days">
                    <legend class="visually-hidden">{days_legend}</legend>
                    {day_boxes}
                </fieldset>
                // Sent only while "show all" is on (a disabled field is not submitted).
                <input type="hidden" name="all" value="1" disabled=!f.all/>
            </form>
        </section>
        // Stays in view at the bottom of the screen while the form is taller than it: after each
        // tap the resident sees how many offers match, and a tap on it leads to them.
        <div class="result-bar">
            <a href="#offers" class="to-results">
                <span class="match-count" role="status" aria-live="polite">{matching.text(count)}</span>
            </a>
            // The form's button, beside the count so it takes no row of its own. While the filter
            // is live (JavaScript), every change applies at once and the button is hidden.
            <button type="submit" form="filter-form" class="apply">{apply}</button>
            <a class="shortlist-link" href=shortlist.href hidden=shortlist.count == 0>
                <crate::ui::icons::IconView name=crate::ui::icons::Icon::Star.name()/>
                <span>{shortlist_word}</span>
                " "
                <span class="shortlist-count">{shortlist.count}</span>
            </a>
        </div>
        <div class="empty" hidden=count != 0>
            <p>{none}</p>
            <p>{widen_intro}</p>
            <ul class="widen">{widen}</ul>
        </div>
        {children()}
        <p class="show-all" hidden=f.all || count <= FIRST_SHOWN>
            <a class="button-link" href=show_all_href data-filter="all">{show_all}</a>
        </p>
    }
}
