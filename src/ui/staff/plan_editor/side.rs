//! The offers beside the grid: drag one into the plan for a new slot, or add a slot with the form
//! (the alternative for keyboards and single pointers).

use super::{dom, Drag, Editor};
use crate::domain::plan::{snap, time_at, PlanBlock};
use crate::domain::time_text::parse_time;
use crate::ui::staff::plan_texts::PlanTexts;
use leptos::prelude::*;

#[component]
pub(super) fn Side(e: Editor) -> impl IntoView {
    let t = move |f: fn(&PlanTexts) -> &String| e.texts.with_value(|t| f(t).clone());
    let offers = move || e.plan.with(|p| p.offers.iter().filter(|o| o.editable).cloned().collect::<Vec<_>>());
    let chosen = RwSignal::new(String::new());
    let day = RwSignal::new(0i64);
    let start = RwSignal::new("15:00".to_owned());
    let end = RwSignal::new("16:30".to_owned());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let offer = chosen.get_untracked().parse::<i64>().ok().or_else(|| offers().first().map(|o| o.id));
        let Some(o) = offer.and_then(|id| offers().into_iter().find(|o| o.id == id)) else { return };
        let (Ok(s), Ok(en)) = (parse_time(&start.get_untracked()), parse_time(&end.get_untracked())) else {
            return;
        };
        let snapped = |t| time_at(snap(i64::from(crate::domain::plan::minutes(t))));
        let date = e.monday() + chrono::Duration::days(day.get_untracked());
        let block = PlanBlock {
            offer: o.id,
            title: o.title,
            schedule: usize::MAX,
            regular: date,
            date,
            start: snapped(s),
            end: snapped(en),
            place: o.place,
            place_name: o.place_name,
            editable: true,
            rule_editable: true,
        };
        e.preview.set(Some((None, block)));
        e.drop_preview();
    };
    let list = move || {
        offers()
            .into_iter()
            .map(|o| {
                let id = o.id;
                view! {
                    <li>
                        <button type="button" class="plan-offer" data-offer=id
                            on:pointerdown=move |ev: leptos::ev::PointerEvent| {
                                if ev.button() == 0 {
                                    ev.prevent_default();
                                    dom::capture(&ev);
                                    e.drag.set_value(Some(Drag::New { offer: id }));
                                }
                            }
                            on:click=move |_| chosen.set(id.to_string())>
                            {o.title}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let days = e.texts.with_value(|t| t.days.clone());
    view! {
        <aside class="plan-side" aria-labelledby="plan-offers-heading">
            <h2 id="plan-offers-heading">{t(|t| &t.offers_heading)}</h2>
            <p class="hint">{t(|t| &t.offers_hint)}</p>
            <ul class="plan-offers">{list}</ul>
            <form class="plan-add staff-form" on:submit=add>
                <h3>{t(|t| &t.add_heading)}</h3>
                <div class="field">
                    <label for="plan-add-offer">{t(|t| &t.offer)}</label>
                    <select id="plan-add-offer" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {move || offers().into_iter().map(|o| view! {
                            <option value=o.id selected=move || chosen.get() == o.id.to_string()>{o.title}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="plan-add-day">{t(|t| &t.day)}</label>
                    <select id="plan-add-day" on:change=move |ev| day.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {days.into_iter().enumerate().map(|(i, name)| view! { <option value=i>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field-row">
                    <div class="field">
                        <label for="plan-add-start">{t(|t| &t.start)}</label>
                        <input id="plan-add-start" type="time" step="900" prop:value=start on:input=move |ev| start.set(event_target_value(&ev))/>
                    </div>
                    <div class="field">
                        <label for="plan-add-end">{t(|t| &t.end)}</label>
                        <input id="plan-add-end" type="time" step="900" prop:value=end on:input=move |ev| end.set(event_target_value(&ev))/>
                    </div>
                </div>
                <button type="submit" class="button">{t(|t| &t.add)}</button>
            </form>
        </aside>
    }
}
