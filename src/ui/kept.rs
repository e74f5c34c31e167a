//! Values kept per thread once made: rendering asks for the same words (a date in a language,
//! "N matching offers") hundreds of times, and making them is the expensive part. Bounded: past
//! `max` entries a keeper starts afresh, so a long-running server cannot grow it without limit.

use std::collections::HashMap;
use std::hash::Hash;

pub struct Kept<K, V> {
    values: HashMap<K, V>,
    max: usize,
}

impl<K: Hash + Eq, V: Clone> Kept<K, V> {
    pub fn new(max: usize) -> Self {
        Kept { values: HashMap::new(), max }
    }

    /// The value kept for `key`, made with `make` the first time.
    pub fn get(&mut self, key: K, make: impl FnOnce() -> V) -> V {
        if let Some(value) = self.values.get(&key) {
            return value.clone();
        }
        let value = make();
        if self.values.len() >= self.max {
            self.values.clear();
        }
        self.values.insert(key, value.clone());
        value
    }
}
