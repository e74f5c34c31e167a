//! One maker per key: while one request makes something (renders a page, builds a board), the
//! others that need the same thing wait for it in line and then take what it made, instead of
//! each making it too (after a save, sixteen readers of a board cost one render, not sixteen).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The lines of one cache, by key.
#[derive(Default)]
pub struct Flights {
    lines: Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>,
}

impl Flights {
    /// A place in the line for `key`. Take the turn with `flight.turn().lock().await`, then look
    /// again whether someone before made the thing meanwhile.
    pub fn join(&self, key: &str) -> Flight<'_> {
        let turn = self.lines.lock().expect("not poisoned").entry(key.to_owned()).or_default().clone();
        Flight { flights: self, key: key.to_owned(), turn }
    }

    /// How many requests are in the line for `key` (making or waiting).
    pub fn in_line(&self, key: &str) -> usize {
        self.lines.lock().expect("not poisoned").get(key).map_or(0, |t| Arc::strong_count(t) - 1)
    }

    /// Whether no line is open.
    pub fn is_empty(&self) -> bool {
        self.lines.lock().expect("not poisoned").is_empty()
    }
}

/// A request's place in one line; the line is forgotten when the last request in it is done (or
/// gone: a client that hangs up drops this too).
pub struct Flight<'a> {
    flights: &'a Flights,
    key: String,
    turn: Arc<tokio::sync::Mutex<()>>,
}

impl Flight<'_> {
    /// The turn to make the thing: one holder at a time, in the order they asked.
    pub fn turn(&self) -> &tokio::sync::Mutex<()> {
        &self.turn
    }
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        let mut lines = self.flights.lines.lock().expect("not poisoned");
        // Only the map and this request hold the line: nobody else is waiting.
        if Arc::strong_count(&self.turn) <= 2 {
            lines.remove(&self.key);
        }
    }
}

impl std::fmt::Debug for Flights {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Flights")
    }
}
