//! The drag-and-drop weekly-plan editor: an island loaded only on its own staff page (lazy, a
//! separate WebAssembly chunk), so residents never download it. Pointer events make blocks
//! draggable with mouse, pen and finger; every block can also be picked up and moved with the
//! keyboard, or moved through its options form. Each change is applied to the offer's schedules
//! with the shared domain rule, saved at once with the offer's version, and the plan is then
//! reloaded from the server — so what is shown is what is stored.

mod blocks;
mod dom;
mod moving;
mod side;

use super::plan_texts::{fill, PlanTexts};
use crate::domain::plan::apply::apply;
use crate::domain::plan::conflicts::conflicts;
use crate::domain::plan::{ChangeScope, PlanBlock, PlanChange, PlanData, PlanOutcome};
use crate::domain::schedule::validate::ScheduleInput;
use crate::domain::time_text::format_time;
use crate::serverfns::plan::{get_plan, save_plan};
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

/// A saved change, for undo and redo: the offer's schedules before and after.
#[derive(Clone, Debug)]
struct Step {
    offer: i64,
    title: String,
    before: Vec<ScheduleInput>,
    after: Vec<ScheduleInput>,
}

/// What the pointer is dragging.
#[derive(Clone, Debug)]
enum Drag {
    /// Block `index`, grabbed `grab` minutes after its start.
    Move {
        index: usize,
        grab: i64,
    },
    Resize {
        index: usize,
    },
    /// A new slot for an offer from the side list.
    New {
        offer: i64,
    },
}

/// The editor's state, shared by its parts (all signals are `Copy`).
#[derive(Clone, Copy)]
struct Editor {
    plan: RwSignal<PlanData>,
    texts: StoredValue<PlanTexts>,
    query: StoredValue<String>,
    rtl: bool,
    scope: RwSignal<ChangeScope>,
    /// The block being moved (by pointer or keyboard) and where it would go; `None` index: a new slot.
    preview: RwSignal<Option<(Option<usize>, PlanBlock)>>,
    picked: RwSignal<Option<usize>>,
    menu: RwSignal<Option<usize>>,
    drag: StoredValue<Option<Drag>>,
    /// A change that overlaps another occurrence, waiting for "save anyway".
    pending: RwSignal<Option<(Step, Vec<String>)>>,
    saving: RwSignal<bool>,
    undo: RwSignal<Vec<Step>>,
    redo: RwSignal<Vec<Step>>,
    announce: RwSignal<String>,
    message: RwSignal<Option<(bool, String)>>,
}

impl Editor {
    fn day_name(&self, date: NaiveDate) -> String {
        let i = date.weekday().num_days_from_monday() as usize;
        self.texts.with_value(|t| t.days.get(i).cloned().unwrap_or_default())
    }

    fn monday(&self) -> NaiveDate {
        self.plan.with_untracked(|p| p.monday)
    }

    /// "Thursday 16:30 to 18:00".
    fn position(&self, b: &PlanBlock) -> String {
        let (day, start, end) = (self.day_name(b.date), format_time(b.start), format_time(b.end));
        self.texts.with_value(|t| fill(&t.position, &[("day", &day), ("start", &start), ("end", &end)]))
    }

    fn say(&self, text: String) {
        self.announce.set(text);
    }

    /// Explanations of the overlaps that `blocks` has involving block `index`.
    fn overlaps(&self, blocks: &[PlanBlock], index: usize) -> Vec<String> {
        conflicts(blocks)
            .into_iter()
            .filter(|(a, b)| *a == index || *b == index)
            .map(|(a, b)| self.conflict_text(&blocks[a], &blocks[b]))
            .collect()
    }

    fn conflict_text(&self, a: &PlanBlock, b: &PlanBlock) -> String {
        let (day, time) = (self.day_name(a.date), format_time(a.start.max(b.start)));
        self.texts.with_value(|t| {
            fill(
                &t.conflict_line,
                &[("a", &a.title), ("b", &b.title), ("day", &day), ("time", &time), ("place", &a.place_name)],
            )
        })
    }

    /// Applies `change` to `offer`: shown at once (`shown` are the blocks after it, `index` the
    /// changed one), saved unless it overlaps another occurrence — then it waits for "save anyway".
    fn commit(&self, offer: i64, change: PlanChange, shown: Vec<PlanBlock>, index: usize, said: String) {
        let Some(o) = self.plan.with_untracked(|p| p.offers.iter().find(|o| o.id == offer).cloned()) else {
            return;
        };
        if !o.editable {
            self.say(self.texts.with_value(|t| t.not_editable.clone()));
            return;
        }
        let after = match apply(&o.schedules, &change) {
            Ok(after) => after,
            Err(crate::domain::plan::PlanError::RuleUnsupported) => {
                self.message.set(Some((false, self.texts.with_value(|t| t.rule_unsupported.clone()))));
                return;
            }
            Err(_) => return,
        };
        let step = Step { offer, title: o.title.clone(), before: o.schedules.clone(), after };
        let overlaps = if index < shown.len() { self.overlaps(&shown, index) } else { vec![] };
        self.plan.update(|p| p.blocks = shown);
        self.say(said);
        if overlaps.is_empty() {
            self.save(step, true);
        } else {
            self.pending.set(Some((step, overlaps)));
        }
    }

    /// Sends the offer's new schedules with the version the plan showed; then reloads the plan.
    fn save(&self, step: Step, remember: bool) {
        let this = *self;
        let version =
            self.plan.with_untracked(|p| p.offers.iter().find(|o| o.id == step.offer).map(|o| o.version));
        let Some(version) = version else { return };
        self.saving.set(true);
        leptos::task::spawn_local(async move {
            let outcome = save_plan(step.offer, version, step.after.clone()).await;
            let text = |f: fn(&PlanTexts) -> &String| {
                this.texts.with_value(|t| fill(f(t), &[("title", &step.title)]))
            };
            let message = match &outcome {
                Ok(PlanOutcome::Saved { .. }) => (true, this.texts.with_value(|t| t.saved.clone())),
                Ok(PlanOutcome::Submitted) => (true, text(|t| &t.outcome_submitted)),
                Ok(PlanOutcome::Conflict) => (false, text(|t| &t.outcome_conflict)),
                Ok(PlanOutcome::Forbidden) => (false, text(|t| &t.outcome_forbidden)),
                Ok(PlanOutcome::Invalid(_)) => (false, text(|t| &t.outcome_invalid)),
                Err(crate::error::AppError::Unavailable) => {
                    (false, this.texts.with_value(|t| t.outcome_unavailable.clone()))
                }
                Err(_) => (false, this.texts.with_value(|t| t.outcome_failed.clone())),
            };
            if remember && matches!(outcome, Ok(PlanOutcome::Saved { .. } | PlanOutcome::Submitted)) {
                this.undo.update(|u| u.push(step));
                this.redo.set(vec![]);
            }
            this.reload().await;
            this.saving.set(false);
            this.message.set(Some(message));
        });
    }

    /// Replaces the plan by what the server has.
    async fn reload(&self) {
        if let Ok(fresh) = get_plan(self.query.get_value()).await {
            self.plan.set(fresh.data);
        }
    }

    fn undo_last(&self) {
        let Some(step) = self.undo.try_update(|u| u.pop()).flatten() else { return };
        let back = Step { before: step.after.clone(), after: step.before.clone(), ..step.clone() };
        self.redo.update(|r| r.push(step));
        self.save(back, false);
    }

    fn redo_last(&self) {
        let Some(step) = self.redo.try_update(|r| r.pop()).flatten() else { return };
        self.undo.update(|u| u.push(step.clone()));
        self.save(step, false);
    }

    /// Ends a move (pointer or keyboard): turns the preview into a change.
    fn drop_preview(&self) {
        let Some((index, moved)) = self.preview.get_untracked() else { return };
        self.preview.set(None);
        self.picked.set(None);
        let scope = self.scope.get_untracked();
        let mut blocks = self.plan.with_untracked(|p| p.blocks.clone());
        match index {
            Some(i) => {
                let original = blocks[i].clone();
                if (original.date, original.start, original.end) == (moved.date, moved.start, moved.end) {
                    self.say(self.texts.with_value(|t| t.cancelled.clone()));
                    return;
                }
                let change = PlanChange::Move {
                    schedule: original.schedule,
                    regular: original.regular,
                    date: moved.date,
                    start: moved.start,
                    end: moved.end,
                    scope,
                };
                let (day, start) = (self.day_name(moved.date), format_time(moved.start));
                let said = self.texts.with_value(|t| {
                    fill(&t.moved, &[("title", &moved.title), ("day", &day), ("start", &start)])
                });
                blocks[i] = moved;
                self.commit(original.offer, change, blocks, i, said);
            }
            None => {
                let change = PlanChange::Add { date: moved.date, start: moved.start, end: moved.end, scope };
                let (day, start) = (self.day_name(moved.date), format_time(moved.start));
                let said = self.texts.with_value(|t| {
                    fill(&t.added, &[("title", &moved.title), ("day", &day), ("start", &start)])
                });
                let offer = moved.offer;
                blocks.push(moved);
                let i = blocks.len() - 1;
                self.commit(offer, change, blocks, i, said);
            }
        }
    }

    /// Takes block `index` out (for this week or from now on).
    fn remove(&self, index: usize) {
        let mut blocks = self.plan.with_untracked(|p| p.blocks.clone());
        let b = blocks.remove(index);
        let change = PlanChange::Remove {
            schedule: b.schedule,
            regular: b.regular,
            scope: self.scope.get_untracked(),
        };
        let said = self.texts.with_value(|t| fill(&t.removed, &[("title", &b.title)]));
        self.commit(b.offer, change, blocks, usize::MAX, said);
    }
}

#[cfg_attr(feature = "islands", island(lazy))]
#[cfg_attr(not(feature = "islands"), component)]
pub fn PlanEditor(data: PlanData, texts: PlanTexts, query: String, rtl: bool) -> impl IntoView {
    let e = Editor {
        plan: RwSignal::new(data),
        texts: StoredValue::new(texts),
        query: StoredValue::new(query),
        rtl,
        scope: RwSignal::new(ChangeScope::FromNowOn),
        preview: RwSignal::new(None),
        picked: RwSignal::new(None),
        menu: RwSignal::new(None),
        drag: StoredValue::new(None),
        pending: RwSignal::new(None),
        saving: RwSignal::new(false),
        undo: RwSignal::new(vec![]),
        redo: RwSignal::new(vec![]),
        announce: RwSignal::new(String::new()),
        message: RwSignal::new(None),
    };
    let ready = RwSignal::new(false);
    Effect::new(move |_| {
        ready.set(true);
        dom::guard_leaving(move || e.saving.get_untracked() || e.pending.with_untracked(Option::is_some));
    });
    let t = move |f: fn(&PlanTexts) -> &String| e.texts.with_value(|t| f(t).clone());
    let scope_choice = move |value: ChangeScope, label: String, id: &'static str| {
        view! {
            <label class="check" for=id>
                <input type="radio" id=id name="plan-scope" checked=move || e.scope.get() == value
                    on:change=move |_| e.scope.set(value)/>
                " " {label}
            </label>
        }
    };
    view! {
        <div class="plan-editor" data-ready=move || ready.get().then_some("1")
            on:pointermove=move |ev: leptos::ev::PointerEvent| e.pointer_move(f64::from(ev.client_x()), f64::from(ev.client_y()))
            on:pointerup=move |_| e.pointer_up()
            on:pointercancel=move |_| { e.drag.set_value(None); e.preview.set(None); }>
            <p class="hint" id="plan-help">{t(|t| &t.help)}</p>
            <div class="plan-toolbar">
                <fieldset class="plan-scope">
                    <legend>{t(|t| &t.scope_legend)}</legend>
                    {scope_choice(ChangeScope::FromNowOn, t(|t| &t.from_now_on), "plan-scope-rule")}
                    {scope_choice(ChangeScope::ThisWeek, t(|t| &t.this_week), "plan-scope-week")}
                </fieldset>
                <button type="button" class="button secondary" on:click=move |_| e.undo_last()
                    disabled=move || e.undo.with(Vec::is_empty) || e.saving.get()>{t(|t| &t.undo)}</button>
                <button type="button" class="button secondary" on:click=move |_| e.redo_last()
                    disabled=move || e.redo.with(Vec::is_empty) || e.saving.get()>{t(|t| &t.redo)}</button>
                <span class="plan-status" role="status">
                    {move || if e.saving.get() { t(|t| &t.saving) } else { String::new() }}
                </span>
            </div>
            {move || e.message.get().map(|(ok, text)| view! {
                <p class=if ok { "notice ok" } else { "notice problem" } role=if ok { "status" } else { "alert" }>{text}</p>
            })}
            {move || e.pending.get().map(|(_, lines)| view! {
                <div class="notice problem plan-pending" role="alert">
                    <p>{t(|t| &t.unsaved)}</p>
                    <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                    <button type="button" class="button" on:click=move |_| {
                        if let Some((step, _)) = e.pending.get_untracked() { e.pending.set(None); e.save(step, true); }
                    }>{t(|t| &t.save_anyway)}</button>
                    " "
                    <button type="button" class="button secondary" on:click=move |_| {
                        e.pending.set(None);
                        let e2 = e;
                        leptos::task::spawn_local(async move { e2.reload().await });
                    }>{t(|t| &t.discard)}</button>
                </div>
            })}
            <p class="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="plan-live">{move || e.announce.get()}</p>
            <div class="plan-layout">
                <blocks::Grid e/>
                <side::Side e/>
            </div>
        </div>
    }
}
