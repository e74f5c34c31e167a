//! Server functions of the weekly-plan editor.

mod get_plan;
mod save_plan;

pub use get_plan::{get_plan, PlanPage};
pub use save_plan::{save_plan, SavePlan};
