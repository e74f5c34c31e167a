//! Values derived from the database, kept between requests by the process: each under a key with
//! the stamp it was made at (the data version and whatever else it depends on, such as the
//! minute). A value is served only while its data version is the current one; every write on any
//! instance moves the data version on (`db/write.rs`), so nothing stale is served. Used for the
//! board before filtering (`service::board`): an uncached board page for a new filter then costs
//! a query of one number instead of reading and expanding hundreds of offers (issue #11, B5).
//! A value is made once however many requests need it at the same time (`crate::flights`); while
//! it is being made for a new minute, the value of the same data version from an earlier minute
//! is served meanwhile (a minute's change is not worth a wait, a write is).

use crate::flights::Flights;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

/// What a kept value was made at: the data version and a second number of the caller's.
pub type Stamp = (i64, i64);

/// A kept value, of whatever type its key holds.
type Value = Arc<dyn Any + Send + Sync>;

/// Values kept at most; when full, all are dropped and made again.
const MAX_KEPT: usize = 256;

/// The memo of one process (shared by the clones of its `Db`).
#[derive(Default)]
pub struct Memo {
    kept: Mutex<HashMap<String, (Stamp, Value)>>,
    flights: Flights,
}

impl Memo {
    /// The value kept under `key` if it was made at `stamp` (and is a `T`).
    pub fn get<T: Any + Send + Sync>(&self, key: &str, stamp: Stamp) -> Option<Arc<T>> {
        self.kept_if(key, |made| made == stamp)
    }

    /// The value kept under `key` if its stamp passes `ok` (and it is a `T`).
    fn kept_if<T: Any + Send + Sync>(&self, key: &str, ok: impl Fn(Stamp) -> bool) -> Option<Arc<T>> {
        let kept = self.kept.lock().expect("not poisoned");
        let (made, value) = kept.get(key)?;
        if !ok(*made) {
            return None;
        }
        value.clone().downcast::<T>().ok()
    }

    /// The value kept under `key` for `stamp`, made with `make` (and kept) if there is none. While
    /// one caller makes it, the others asking for the same key wait and take it.
    pub async fn get_or_make<T, E, F, Fut>(&self, key: &str, stamp: Stamp, make: F) -> Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        if let Some(kept) = self.get(key, stamp) {
            return Ok(kept);
        }
        let flight = self.flights.join(key);
        let _turn = match flight.turn().try_lock() {
            Ok(turn) => turn,
            Err(_) => {
                // Made from the same data at an earlier minute: it serves until the new one is made.
                if let Some(kept) = self.kept_if(key, |made| made.0 == stamp.0) {
                    return Ok(kept);
                }
                flight.turn().lock().await
            }
        };
        if let Some(kept) = self.get(key, stamp) {
            return Ok(kept);
        }
        let made = Arc::new(make().await?);
        self.keep(key, stamp, made.clone());
        Ok(made)
    }

    /// Keeps `value`, made at `stamp`, under `key` (unless a value of a later stamp is there).
    pub fn keep<T: Any + Send + Sync>(&self, key: &str, stamp: Stamp, value: Arc<T>) {
        let mut kept = self.kept.lock().expect("not poisoned");
        if kept.get(key).is_some_and(|(made, _)| *made > stamp) {
            return;
        }
        if kept.len() >= MAX_KEPT && !kept.contains_key(key) {
            kept.clear();
        }
        kept.insert(key.to_owned(), (stamp, value));
    }
}

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn served_only_at_its_stamp() {
        let memo = Memo::default();
        memo.keep("a", (1, 7), Arc::new(String::from("one")));
        assert_eq!(memo.get::<String>("a", (1, 7)).as_deref().map(String::as_str), Some("one"));
        assert!(memo.get::<String>("a", (2, 7)).is_none(), "a write moved the version on");
        assert!(memo.get::<String>("a", (1, 8)).is_none(), "another minute");
        assert!(memo.get::<u32>("a", (1, 7)).is_none(), "another type");
        assert!(memo.get::<String>("b", (1, 7)).is_none());
    }

    #[test]
    fn an_older_value_does_not_replace_a_newer_one() {
        let memo = Memo::default();
        memo.keep("a", (2, 0), Arc::new(2u32));
        memo.keep("a", (1, 0), Arc::new(1u32));
        assert_eq!(memo.get::<u32>("a", (2, 0)).as_deref(), Some(&2));
        memo.keep("a", (3, 0), Arc::new(3u32));
        assert_eq!(memo.get::<u32>("a", (3, 0)).as_deref(), Some(&3));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn made_once_however_many_ask_at_once() {
        let memo = Arc::new(Memo::default());
        let made = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (open, gate) = tokio::sync::watch::channel(false);
        let askers = (0..8)
            .map(|_| {
                let (memo, made, mut gate) = (memo.clone(), made.clone(), gate.clone());
                tokio::spawn(async move {
                    memo.get_or_make("a", (1, 0), || async move {
                        made.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        // The maker takes its time: every other asker arrives meanwhile.
                        let _ = gate.wait_for(|open| *open).await;
                        Ok::<_, ()>(7u32)
                    })
                    .await
                })
            })
            .collect::<Vec<_>>();
        while memo.flights.in_line("a") < 8 {
            tokio::task::yield_now().await;
        }
        let _ = open.send(true);
        for asker in askers {
            assert_eq!(asker.await.unwrap().as_deref(), Ok(&7));
        }
        assert_eq!(made.load(std::sync::atomic::Ordering::SeqCst), 1, "one maker");
        assert!(memo.flights.is_empty(), "the line is forgotten");
        // A new stamp is made anew; a failed make keeps nothing.
        assert_eq!(memo.get_or_make("a", (2, 0), || async { Err::<u32, _>("down") }).await, Err("down"));
        assert_eq!(memo.get_or_make("a", (2, 0), || async { Ok::<_, ()>(8u32) }).await.as_deref(), Ok(&8));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn an_earlier_minute_serves_while_made_but_never_older_data() {
        let memo = Arc::new(Memo::default());
        memo.keep("a", (1, 0), Arc::new(1u32));
        let (open, gate) = tokio::sync::watch::channel(false);
        let maker = {
            let (memo, mut gate) = (memo.clone(), gate.clone());
            tokio::spawn(async move {
                memo.get_or_make("a", (1, 1), || async move {
                    let _ = gate.wait_for(|open| *open).await;
                    Ok::<_, ()>(2u32)
                })
                .await
            })
        };
        while memo.flights.in_line("a") < 1 {
            tokio::task::yield_now().await;
        }
        // Same data, the next minute, being made: the earlier minute's value, at once.
        let meanwhile = memo.get_or_make("a", (1, 1), || async { Err::<u32, _>(()) }).await;
        assert_eq!(meanwhile.as_deref(), Ok(&1));
        // New data (a write): waits for its turn and makes its own, never the old value.
        let writer = {
            let memo = memo.clone();
            tokio::spawn(async move { memo.get_or_make("a", (2, 1), || async { Ok::<_, ()>(3u32) }).await })
        };
        while memo.flights.in_line("a") < 2 {
            tokio::task::yield_now().await;
        }
        let _ = open.send(true);
        assert_eq!(maker.await.unwrap().as_deref(), Ok(&2));
        assert_eq!(writer.await.unwrap().as_deref(), Ok(&3));
        assert_eq!(memo.get::<u32>("a", (2, 1)).as_deref(), Some(&3));
    }

    #[test]
    fn bounded() {
        let memo = Memo::default();
        for i in 0..=MAX_KEPT {
            memo.keep(&i.to_string(), (1, 0), Arc::new(i));
        }
        assert!(memo.kept.lock().unwrap().len() <= MAX_KEPT);
        assert_eq!(memo.get::<usize>(&MAX_KEPT.to_string(), (1, 0)).as_deref(), Some(&MAX_KEPT));
    }
}
