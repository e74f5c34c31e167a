//! Server functions for editing places, organisations and quarters in the staff area.

mod get_organisation_editor;
mod get_place_editor;
mod get_quarter_editor;
mod get_staff_directory;
mod save_organisation;
mod save_place;
mod save_quarter;

pub use get_organisation_editor::get_organisation_editor;
pub use get_place_editor::get_place_editor;
pub use get_quarter_editor::get_quarter_editor;
pub use get_staff_directory::{get_staff_directory, DirectoryRow, StaffDirectory};
pub use save_organisation::{save_organisation, SaveOrganisation};
pub use save_place::{save_place, SavePlace};
pub use save_quarter::{save_quarter, SaveQuarter};

use crate::domain::offer_form::diff::FieldDiff;
use crate::domain::offer_form::FormOptions;
use crate::domain::schedule::validate::FieldIssue;
use serde::{Deserialize, Serialize};

/// What a record's edit page shows: the form (or the one just posted, with its problems), a
/// conflict, the choices and what else the caller may change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordEditor<T> {
    pub id: Option<i64>,
    pub form: T,
    pub issues: Vec<FieldIssue>,
    /// The save hit a newer version: saved (`a`) against the posted form (`b`).
    pub conflict: Option<Vec<FieldDiff>>,
    pub options: FormOptions,
    /// The caller may decide whether the organisation's editors need approval.
    pub may_set_approval: bool,
    /// The caller may read the record's audit log.
    pub may_read_audit: bool,
    pub version: i64,
}

/// Builds the editor from the stored form and a kept (posted) one.
#[cfg(feature = "ssr")]
pub(crate) fn editor<T: Serialize + Clone>(
    id: Option<i64>,
    saved: T,
    version: i64,
    kept: Option<crate::serverfns::flash::Flash<T>>,
    options: FormOptions,
    (may_set_approval, may_read_audit): (bool, bool),
    set_version: impl Fn(&mut T, i64),
) -> RecordEditor<T> {
    let (mut form, issues, conflict) = match kept {
        Some(f) if f.conflict => {
            let d = crate::domain::offer_form::diff::diff(&saved, &f.form);
            (f.form, f.issues, Some(d))
        }
        Some(f) => (f.form, f.issues, None),
        None => (saved, vec![], None),
    };
    if conflict.is_some() {
        set_version(&mut form, version);
    }
    RecordEditor { id, form, issues, conflict, options, may_set_approval, may_read_audit, version }
}
