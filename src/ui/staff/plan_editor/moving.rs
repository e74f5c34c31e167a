//! Moving a block: where a pointer drag would put it, and the keyboard's way to do the same
//! (pick up, move by day and time step, resize, put down, cancel).

use super::{dom, Drag, Editor};
use crate::domain::plan::{minutes, shift, snap, time_at, PlanBlock};
use crate::domain::plan::{DAY_END, DAY_START, STEP};
use crate::ui::staff::plan_texts::fill;
use leptos::prelude::*;

impl Editor {
    /// The block a pointer at grid cell (`day`, `min`) would make of what is being dragged.
    pub(super) fn dragged_to(&self, drag: &Drag, day: i64, min: u32) -> Option<(Option<usize>, PlanBlock)> {
        let date = self.monday() + chrono::Duration::days(day);
        let (lo, hi, step) = (i64::from(DAY_START), i64::from(DAY_END), i64::from(STEP));
        match drag {
            Drag::Move { index, grab } => {
                let b = self.plan.with_untracked(|p| p.blocks.get(*index).cloned())?;
                let length = i64::from(minutes(b.end)) - i64::from(minutes(b.start));
                let start = i64::from(snap(i64::from(min) - grab)).clamp(lo, hi - length);
                let moved = PlanBlock {
                    date,
                    start: time_at(start as u32),
                    end: time_at((start + length) as u32),
                    ..b
                };
                Some((Some(*index), moved))
            }
            Drag::Resize { index } => {
                let b = self.plan.with_untracked(|p| p.blocks.get(*index).cloned())?;
                let end = (i64::from(min) + step).clamp(i64::from(minutes(b.start)) + step, hi);
                Some((Some(*index), PlanBlock { end: time_at(end as u32), ..b }))
            }
            Drag::New { offer } => {
                let o = self.plan.with_untracked(|p| p.offers.iter().find(|o| o.id == *offer).cloned())?;
                let start = i64::from(min).clamp(lo, hi - 90);
                Some((
                    None,
                    PlanBlock {
                        offer: o.id,
                        title: o.title,
                        schedule: usize::MAX,
                        regular: date,
                        date,
                        start: time_at(start as u32),
                        end: time_at((start + 90) as u32),
                        place: o.place,
                        place_name: o.place_name,
                        editable: true,
                        rule_editable: true,
                    },
                ))
            }
        }
    }

    /// Pointer moved while dragging: show where it would go.
    pub(super) fn pointer_move(&self, x: f64, y: f64) {
        let Some(drag) = self.drag.get_value() else { return };
        if let Some((day, min)) = dom::cell_at(x, y) {
            self.preview.set(self.dragged_to(&drag, day, min));
        }
    }

    /// Pointer released: put down what is dragged (a new slot only over the grid).
    pub(super) fn pointer_up(&self) {
        if self.drag.get_value().is_some() {
            self.drag.set_value(None);
            self.drop_preview();
        }
    }

    /// Keyboard on block `index`: pick up, move, resize, put down, cancel.
    pub(super) fn key(&self, index: usize, ev: &leptos::ev::KeyboardEvent) {
        let key = ev.key();
        let Some(block) = self.plan.with_untracked(|p| p.blocks.get(index).cloned()) else { return };
        if self.picked.get_untracked() != Some(index) {
            if (key == "Enter" || key == " ") && block.editable {
                ev.prevent_default();
                self.picked.set(Some(index));
                self.preview.set(Some((Some(index), block.clone())));
                self.say(self.texts.with_value(|t| fill(&t.picked, &[("title", &block.title)])));
            }
            return;
        }
        let current = self.preview.get_untracked().map_or(block, |(_, b)| b);
        let (back, forward) = if self.rtl { (1, -1) } else { (-1, 1) };
        let moved = match (key.as_str(), ev.shift_key()) {
            ("ArrowLeft", _) => shift(&current, back, 0, false),
            ("ArrowRight", _) => shift(&current, forward, 0, false),
            ("ArrowUp", resize) => shift(&current, 0, -1, resize),
            ("ArrowDown", resize) => shift(&current, 0, 1, resize),
            ("Enter", _) => {
                ev.prevent_default();
                self.drop_preview();
                return;
            }
            ("Escape", _) => {
                ev.prevent_default();
                self.preview.set(None);
                self.picked.set(None);
                self.say(self.texts.with_value(|t| t.cancelled.clone()));
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        let offset = (moved.date - self.monday()).num_days();
        if (0..7).contains(&offset) {
            self.say(self.position(&moved));
            self.preview.set(Some((Some(index), moved)));
        }
    }
}
