//! Imports that take a while (spreadsheets, city documents) run in the background: the upload
//! answers at once, and the page shows how far it has come (with a link to look again) until the
//! report is there.
//! Progress lives in this process; the report goes into the person's session (in the database),
//! so it reaches them whichever instance serves the page.

use crate::auth::session::Store;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tower_sessions::session::Id;
use tower_sessions::{Expiry, Session, SessionStore};

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

/// A running job of this process: started when made, finished when dropped (also when the
/// import panics, so the page never shows it running for ever).
pub struct Running {
    jobs: Arc<ImportJobs>,
    pub job: String,
}

impl Running {
    pub fn start(jobs: &Arc<ImportJobs>, job: String) -> Self {
        jobs.start(&job);
        Running { jobs: jobs.clone(), job }
    }

    pub fn progress(&self, done: usize, total: usize) {
        self.jobs.progress(&self.job, done, total);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.jobs.finish(&self.job);
    }
}

/// Puts a finished job's `report` into the session `id` as it is in the store now — not as it was
/// when the upload came — and removes the job from it. It first waits (up to 10 s) until the
/// upload's own answer has stored the job in the session, so that save cannot overwrite the
/// report. A session that is gone (signed out) stays gone; one that started a newer job
/// meanwhile keeps waiting for that one.
pub async fn deliver<R: serde::Serialize + Send + Sync>(
    store: &Store,
    id: Option<Id>,
    (job, job_key): (&str, &str),
    report_key: &str,
    report: &R,
) {
    let Some(id) = id else { return };
    let job_of = |r: &tower_sessions::session::Record| {
        r.data
            .get(job_key)
            .and_then(|v| serde_json::from_value::<(String, i64)>(v.clone()).ok())
            .map(|(j, _)| j)
    };
    let mut stored = false;
    for _ in 0..200 {
        match store.load(&id).await {
            Ok(Some(record)) if job_of(&record).as_deref() == Some(job) => {
                stored = true;
                break;
            }
            Ok(_) | Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
        }
    }
    if !stored {
        return;
    }
    let expiry = Some(Expiry::OnInactivity(crate::auth::session::IDLE));
    let session = Session::new(Some(id), Arc::new(store.clone()), expiry);
    let _ = session.insert(report_key, report).await;
    let _ = session.remove_value(job_key).await;
    if let Err(e) = session.save().await {
        tracing::error!(error = %e, "an import's report could not be kept");
    }
}
