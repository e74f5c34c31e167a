//! The words of the weekly-plan editor, translated on the server and handed to the island as
//! props (so no locale's strings are compiled into the browser code). `{{ name }}` marks where
//! a value goes.

use crate::i18n::*;
use crate::ui::labels;
use chrono::Weekday;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTexts {
    /// Monday to Sunday.
    pub days: Vec<String>,
    pub help: String,
    pub scope_legend: String,
    pub from_now_on: String,
    pub this_week: String,
    pub undo: String,
    pub redo: String,
    pub saving: String,
    pub saved: String,
    pub unsaved: String,
    pub save_anyway: String,
    pub discard: String,
    pub conflicts_heading: String,
    pub conflict_line: String,
    pub no_conflicts: String,
    pub options: String,
    pub day: String,
    pub start: String,
    pub end: String,
    pub apply: String,
    pub remove: String,
    pub close: String,
    pub picked: String,
    pub position: String,
    pub moved: String,
    pub removed: String,
    pub added: String,
    pub cancelled: String,
    pub not_editable: String,
    pub offers_heading: String,
    pub offers_hint: String,
    pub add_heading: String,
    pub offer: String,
    pub add: String,
    pub outcome_conflict: String,
    pub outcome_forbidden: String,
    pub outcome_invalid: String,
    pub outcome_submitted: String,
    pub outcome_failed: String,
    pub outcome_unavailable: String,
    pub rule_unsupported: String,
    pub grid_label: String,
}

/// Fills `{{ key }}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(template.to_owned(), |s, (k, v)| s.replace(&format!("{{{{ {k} }}}}"), v))
}

impl PlanTexts {
    /// The texts in the page's language (server side).
    pub fn new(i18n: leptos_i18n::I18nContext<Locale>) -> Self {
        let s = |v: &str| v.to_owned();
        let days = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ]
        .iter()
        .map(|d| labels::weekday(i18n, *d).to_owned())
        .collect();
        PlanTexts {
            days,
            help: s(t_string!(i18n, plan.help)),
            scope_legend: s(t_string!(i18n, plan.scope_legend)),
            from_now_on: s(t_string!(i18n, plan.from_now_on)),
            this_week: s(t_string!(i18n, plan.this_week)),
            undo: s(t_string!(i18n, plan.undo)),
            redo: s(t_string!(i18n, plan.redo)),
            saving: s(t_string!(i18n, plan.saving)),
            saved: s(t_string!(i18n, plan.saved)),
            unsaved: s(t_string!(i18n, plan.unsaved)),
            save_anyway: s(t_string!(i18n, plan.save_anyway)),
            discard: s(t_string!(i18n, plan.discard)),
            conflicts_heading: s(t_string!(i18n, plan.conflicts_heading)),
            conflict_line: t_string!(
                i18n,
                plan.conflict_line,
                a = "{{ a }}",
                b = "{{ b }}",
                day = "{{ day }}",
                time = "{{ time }}",
                place = "{{ place }}"
            )
            .to_string(),
            no_conflicts: s(t_string!(i18n, plan.no_conflicts)),
            options: t_string!(i18n, plan.options, title = "{{ title }}").to_string(),
            day: s(t_string!(i18n, plan.day)),
            start: s(t_string!(i18n, plan.start)),
            end: s(t_string!(i18n, plan.end)),
            apply: s(t_string!(i18n, plan.apply)),
            remove: s(t_string!(i18n, plan.remove)),
            close: s(t_string!(i18n, plan.close)),
            picked: t_string!(i18n, plan.picked, title = "{{ title }}").to_string(),
            position: t_string!(
                i18n,
                plan.position,
                day = "{{ day }}",
                start = "{{ start }}",
                end = "{{ end }}"
            )
            .to_string(),
            moved: t_string!(
                i18n,
                plan.moved,
                title = "{{ title }}",
                day = "{{ day }}",
                start = "{{ start }}"
            )
            .to_string(),
            removed: t_string!(i18n, plan.removed, title = "{{ title }}").to_string(),
            added: t_string!(
                i18n,
                plan.added,
                title = "{{ title }}",
                day = "{{ day }}",
                start = "{{ start }}"
            )
            .to_string(),
            cancelled: s(t_string!(i18n, plan.cancelled)),
            not_editable: s(t_string!(i18n, plan.not_editable)),
            offers_heading: s(t_string!(i18n, plan.offers_heading)),
            offers_hint: s(t_string!(i18n, plan.offers_hint)),
            add_heading: s(t_string!(i18n, plan.add_heading)),
            offer: s(t_string!(i18n, plan.offer)),
            add: s(t_string!(i18n, plan.add)),
            outcome_conflict: t_string!(i18n, plan.outcome_conflict, title = "{{ title }}").to_string(),
            outcome_forbidden: t_string!(i18n, plan.outcome_forbidden, title = "{{ title }}").to_string(),
            outcome_invalid: t_string!(i18n, plan.outcome_invalid, title = "{{ title }}").to_string(),
            outcome_submitted: t_string!(i18n, plan.outcome_submitted, title = "{{ title }}").to_string(),
            outcome_failed: s(t_string!(i18n, plan.outcome_failed)),
            outcome_unavailable: s(t_string!(i18n, plan.outcome_unavailable)),
            rule_unsupported: s(t_string!(i18n, plan.rule_unsupported)),
            grid_label: t_string!(i18n, plan.grid_label, scope = "{{ scope }}").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    /// Placeholders are filled by name, the rest kept.
    #[test]
    fn fills_placeholders() {
        assert_eq!(
            super::fill("{{ title }} am {{ day }}", &[("title", "Yoga"), ("day", "Montag")]),
            "Yoga am Montag"
        );
    }
}
