//! The grid: days across (mirrored in right-to-left languages by the CSS grid itself), quarter
//! hours down, one block per occurrence, its options form, and the list of overlaps.

use super::{dom, Drag, Editor};
use crate::domain::plan::conflicts::{conflicts, lanes};
use crate::domain::plan::{minutes, time_at, PlanBlock, DAY_END, DAY_START, STEP};
use crate::domain::time_text::{format_time, parse_time};
use crate::ui::staff::plan_texts::{fill, PlanTexts};
use leptos::prelude::*;

/// CSS grid placement of a block (column 1 holds the times, row 1 the day names).
fn placement(e: &Editor, b: &PlanBlock) -> String {
    let day = (b.date - e.monday()).num_days().clamp(0, 6) + 2;
    let row = |m: u32| (m.clamp(DAY_START, DAY_END) - DAY_START) / STEP + 2;
    let (top, bottom) = (row(minutes(b.start)), row(minutes(b.end)).max(row(minutes(b.start)) + 1));
    format!("grid-column: {day}; grid-row: {top} / {bottom};")
}

#[component]
pub(super) fn Grid(e: Editor) -> impl IntoView {
    let steps = (DAY_END - DAY_START) / STEP;
    let t = move |f: fn(&PlanTexts) -> &String| e.texts.with_value(|t| f(t).clone());
    let heads = move || {
        let monday = e.plan.with(|p| p.monday);
        (0..7)
            .map(|d| {
                let date = monday + chrono::Duration::days(d);
                let style = format!("grid-column: {}; grid-row: 1;", d + 2);
                view! { <div class="plan-day" style=style>{e.day_name(date)} " " {date.format("%d.%m.").to_string()}</div> }
            })
            .collect_view()
    };
    let hours = (DAY_START / 60..DAY_END / 60)
        .map(|h| {
            let style = format!("grid-column: 1; grid-row: {} / span 4;", (h * 60 - DAY_START) / STEP + 2);
            view! { <div class="plan-hour" aria-hidden="true" style=style>{format!("{h:02}:00")}</div> }
        })
        .collect_view();
    let cells = (0..7u32)
        .flat_map(|d| (0..steps).map(move |r| (d, r)))
        .map(|(d, r)| {
            let style = format!("grid-column: {}; grid-row: {};", d + 2, r + 2);
            let min = DAY_START + r * STEP;
            view! { <div class="plan-cell" class:hour=min.is_multiple_of(60) aria-hidden="true" data-day=d data-min=min style=style></div> }
        })
        .collect_view();
    // Which block is being dragged, so that a pointer move wakes only that block, not all of them.
    let dragged =
        StoredValue::new(Selector::new(move || e.preview.with(|p| p.as_ref().and_then(|(i, _)| *i))));
    let blocks = move || {
        let blocks = e.plan.with(|p| p.blocks.clone());
        let clashing: Vec<usize> = conflicts(&blocks).into_iter().flat_map(|(a, b)| [a, b]).collect();
        let lanes = lanes(&blocks);
        blocks
            .into_iter()
            .enumerate()
            .map(|(i, b)| view! { <Block e dragged index=i block=b conflict=clashing.contains(&i) lane=lanes[i]/> })
            .collect_view()
    };
    let new_slot = move || {
        e.preview.get().filter(|(i, _)| i.is_none()).map(|(_, b)| {
            let style = placement(&e, &b);
            view! { <div class="plan-block moving new" style=style aria-hidden="true">{b.title}</div> }
        })
    };
    let label = move || e.plan.with(|p| fill(&t(|t| &t.grid_label), &[("scope", &p.scope_name)]));
    view! {
        <div class="plan-main">
            <Menu e/>
            <section class="plan-grid" aria-label=label style=format!("grid-template-rows: 2.5rem repeat({steps}, 0.8rem);")>
                {heads}
                {hours}
                {cells}
                {blocks}
                {new_slot}
            </section>
            <Conflicts e/>
        </div>
    }
}

#[component]
fn Block(
    e: Editor,
    dragged: StoredValue<Selector<Option<usize>>>,
    index: usize,
    block: PlanBlock,
    conflict: bool,
    lane: usize,
) -> impl IntoView {
    let texts = e.texts.get_value();
    let options = fill(&texts.options, &[("title", &block.title)]);
    let editable = block.editable;
    let shown = StoredValue::new(block.clone());
    let moving = move || dragged.with_value(|s| s.selected(&Some(index)));
    let current = move || {
        let preview = moving().then(|| e.preview.with(|p| p.as_ref().map(|(_, b)| b.clone()))).flatten();
        preview.unwrap_or_else(|| shown.get_value())
    };
    let start_drag = move |ev: leptos::ev::PointerEvent, resize: bool| {
        if !editable || ev.button() != 0 {
            return;
        }
        ev.prevent_default();
        dom::capture(&ev);
        let b = shown.get_value();
        let grab = dom::cell_at(f64::from(ev.client_x()), f64::from(ev.client_y()))
            .map_or(0, |(_, min)| i64::from(min) - i64::from(minutes(b.start)));
        e.drag.set_value(Some(if resize { Drag::Resize { index } } else { Drag::Move { index, grab } }));
        e.preview.set(Some((Some(index), b)));
    };
    view! {
        <div class="plan-block" class:conflict=conflict class:locked=!editable class:moving=moving
            style=move || format!("{} --lane: {lane};", placement(&e, &current())) data-offer=block.offer
            data-title=block.title.clone()>
            // The accessible name is the visible text plus the day and place (WCAG 2.5.3).
            <button type="button" class="plan-move" aria-describedby="plan-help"
                aria-disabled=(!editable).then_some("true") aria-pressed=move || (e.picked.get() == Some(index)).to_string()
                on:pointerdown=move |ev| start_drag(ev, false)
                on:keydown=move |ev| e.key(index, &ev)>
                <span class="visually-hidden">{move || e.day_name(current().date)} " "</span>
                <span class="plan-block-time">{move || { let b = current(); format!("{}–{}", format_time(b.start), format_time(b.end)) }}</span>
                " "
                <span class="plan-block-title">{block.title.clone()}</span>
                <span class="visually-hidden">{format!(", {}", block.place_name)}</span>
            </button>
            {editable.then(|| view! {
                <button type="button" class="plan-options" aria-label=options.clone()
                    aria-expanded=move || (e.menu.get() == Some(index)).to_string()
                    on:click=move |_| e.menu.update(|m| *m = if *m == Some(index) { None } else { Some(index) })>"⋯"</button>
                <span class="plan-resize" aria-hidden="true" on:pointerdown=move |ev| start_drag(ev, true)></span>
            })}
        </div>
    }
}

/// The options of the selected block: move it with form fields (the single-pointer and touch
/// alternative to dragging), or take it out.
#[component]
fn Menu(e: Editor) -> impl IntoView {
    let t = move |f: fn(&PlanTexts) -> &String| e.texts.with_value(|t| f(t).clone());
    move || {
        let index = e.menu.get()?;
        let b = e.plan.with(|p| p.blocks.get(index).cloned())?;
        let day = RwSignal::new((b.date - e.monday()).num_days());
        let start = RwSignal::new(format_time(b.start));
        let end = RwSignal::new(format_time(b.end));
        let heading = fill(&t(|t| &t.options), &[("title", &b.title)]);
        let days = e.texts.with_value(|t| t.days.clone());
        let apply = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let (Ok(s), Ok(en)) = (parse_time(&start.get_untracked()), parse_time(&end.get_untracked()))
            else {
                return;
            };
            let Some(b) = e.plan.with_untracked(|p| p.blocks.get(index).cloned()) else { return };
            let date = e.monday() + chrono::Duration::days(day.get_untracked());
            let snapped = |t| time_at(crate::domain::plan::snap(i64::from(minutes(t))));
            let moved = PlanBlock { date, start: snapped(s), end: snapped(en), ..b };
            e.menu.set(None);
            e.preview.set(Some((Some(index), moved)));
            e.drop_preview();
        };
        Some(view! {
            <form class="plan-menu staff-form" on:submit=apply>
                <h2>{heading}</h2>
                <div class="field-row">
                    <div class="field">
                        <label for="plan-menu-day">{t(|t| &t.day)}</label>
                        <select id="plan-menu-day" on:change=move |ev| day.set(event_target_value(&ev).parse().unwrap_or(0))>
                            {days.into_iter().enumerate().map(|(i, name)| view! {
                                <option value=i selected=i as i64 == day.get_untracked()>{name}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="plan-menu-start">{t(|t| &t.start)}</label>
                        <input id="plan-menu-start" type="time" step="900" prop:value=start on:input=move |ev| start.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="plan-menu-end">{t(|t| &t.end)}</label>
                        <input id="plan-menu-end" type="time" step="900" prop:value=end on:input=move |ev| end.set(event_target_value(&ev))/>
                    </div>
                </div>
                <p class="plan-menu-actions">
                    <button type="submit" class="button">{t(|t| &t.apply)}</button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| { e.menu.set(None); e.remove(index); }>{t(|t| &t.remove)}</button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| e.menu.set(None)>{t(|t| &t.close)}</button>
                </p>
            </form>
        })
    }
}

/// Overlaps in the same place, in words (the blocks are also marked).
#[component]
fn Conflicts(e: Editor) -> impl IntoView {
    let t = move |f: fn(&PlanTexts) -> &String| e.texts.with_value(|t| f(t).clone());
    let lines = move || {
        let blocks = e.plan.with(|p| p.blocks.clone());
        conflicts(&blocks)
            .into_iter()
            .map(|(a, b)| e.conflict_text(&blocks[a], &blocks[b]))
            .collect::<Vec<_>>()
    };
    view! {
        <section class="plan-conflicts" aria-labelledby="plan-conflicts-heading">
            <h2 id="plan-conflicts-heading">{t(|t| &t.conflicts_heading)}</h2>
            {move || {
                let lines = lines();
                if lines.is_empty() {
                    view! { <p>{t(|t| &t.no_conflicts)}</p> }.into_any()
                } else {
                    view! { <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
        </section>
    }
}
