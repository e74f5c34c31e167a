//! What importing a whole city document did, or (`written == false`) would do.

use super::document::DocumentError;
use serde::{Deserialize, Serialize};

/// Problems listed in a report (the rest are counted).
pub const MAX_REPORTED: usize = 200;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentReport {
    pub quarters: usize,
    pub organisations: usize,
    pub places: usize,
    pub offers: usize,
    /// With problems nothing was written.
    pub problems: Vec<DocumentError>,
    pub more_problems: usize,
    pub written: bool,
}

impl DocumentReport {
    /// A report of `problems`, at most [`MAX_REPORTED`] of them listed.
    pub fn refused(mut problems: Vec<DocumentError>) -> Self {
        let more_problems = problems.len().saturating_sub(MAX_REPORTED);
        problems.truncate(MAX_REPORTED);
        DocumentReport { problems, more_problems, ..Default::default() }
    }
}

/// Where the signed-in person's last city import stands.
pub type DocumentImportState = super::import_state::ImportState<DocumentReport>;
