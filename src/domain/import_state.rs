//! Where the signed-in person's last import of a kind stands: running in the background (how
//! far), lost, or done with its report.

/// `R`: the kind's report.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ImportState<R> {
    /// Still running: records checked or written, and in all (`0, 0` when another instance runs it).
    pub running: Option<(usize, usize)>,
    /// It was started long ago and is not running any more (the server restarted): nothing written.
    pub lost: bool,
    pub report: Option<R>,
}

impl<R> Default for ImportState<R> {
    fn default() -> Self {
        ImportState { running: None, lost: false, report: None }
    }
}
