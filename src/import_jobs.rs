//! Spreadsheet imports that take a while run in the background: the upload answers at once, and
//! the import page shows how far the check has come (it reloads itself) until the report is there.
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
