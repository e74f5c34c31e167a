//! Imports that take a while (spreadsheets, city documents) run in the background: the upload
//! answers at once, and the page shows how far it has come (with a link to look again) until the
//! report is there.
//! Progress lives in this process; the report goes into the person's session (in the database),
//! so it reaches them whichever instance serves the page.

use std::collections::HashMap;
use std::sync::Mutex;

/// Files with more lines than this run in the background with a progress display.
pub const BACKGROUND_LINES: usize = 200;

/// Lines checked so far of each running import, by job id.
#[derive(Debug, Default)]
pub struct ImportJobs(Mutex<HashMap<String, (usize, usize)>>);

impl ImportJobs {
    pub fn start(&self, job: &str) {
        self.0.lock().expect("not poisoned").insert(job.to_owned(), (0, 0));
    }

    pub fn progress(&self, job: &str, done: usize, total: usize) {
        if let Some(p) = self.0.lock().expect("not poisoned").get_mut(job) {
            *p = (done, total);
        }
    }

    pub fn finish(&self, job: &str) {
        self.0.lock().expect("not poisoned").remove(job);
    }

    /// `(done, total)` of a job running in this process.
    pub fn get(&self, job: &str) -> Option<(usize, usize)> {
        self.0.lock().expect("not poisoned").get(job).copied()
    }
}

/// An import not heard of for this long (seconds) is taken as lost.
const LOST_AFTER: i64 = 600;

/// Where the session's last import of a kind stands: its job (id and start, under `job_key`)
/// running here or elsewhere, lost, or its report (under `report_key`).
pub async fn state_of<R: serde::de::DeserializeOwned>(
    session: &tower_sessions::Session,
    jobs: Option<&ImportJobs>,
    job_key: &str,
    report_key: &str,
) -> crate::domain::import_state::ImportState<R> {
    use crate::domain::import_state::ImportState;
    if let Some((job, started)) = session.get::<(String, i64)>(job_key).await.ok().flatten() {
        let here = jobs.and_then(|j| j.get(&job));
        if here.is_some() || chrono::Utc::now().timestamp() - started < LOST_AFTER {
            return ImportState { running: Some(here.unwrap_or((0, 0))), ..Default::default() };
        }
        return ImportState { lost: true, ..Default::default() };
    }
    ImportState { report: session.get(report_key).await.ok().flatten(), ..Default::default() }
}
