//! Sign-in throttling that slows guessing without locking anybody out. Only failed attempts
//! count, under three keys:
//! - **one client on one account** (governor's keyed limiter): after `PAIR_BURST` failures that
//!   client is refused for that account until the quota recovers — it never affects the same
//!   account from elsewhere, nor other accounts from that client;
//! - **the account** and **the client address**: past their bursts every further attempt is
//!   answered only after a delay that doubles per failure (capped at `MAX_DELAY`), and the right
//!   password still signs in. So failures from one address behind a shared network, or against
//!   one account from many addresses, cost the attacker time but never lock out the person.
//!
//! Failures are forgotten at a steady rate (`Decay`), so the delay wears off by itself.

use governor::{DefaultKeyedRateLimiter, Quota};
use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed to one client on one account before it is refused; one more every 3 minutes.
pub const PAIR_BURST: u32 = 5;
/// Failures on an account (from anywhere) before its attempts are slowed.
pub const ACCOUNT_BURST: u32 = 5;
/// Failures from an address (on any accounts) before its attempts are slowed.
pub const ADDRESS_BURST: u32 = 30;
/// The longest an attempt is held back.
pub const MAX_DELAY: Duration = Duration::from_secs(10);

/// Counts failures per key, each forgotten after `every`.
struct Decay<K: Hash + Eq> {
    burst: u32,
    every: Duration,
    counts: Mutex<HashMap<K, (f64, Instant)>>,
}

impl<K: Hash + Eq> Decay<K> {
    fn new(burst: u32, every: Duration) -> Self {
        Self { burst, every, counts: Mutex::new(HashMap::new()) }
    }

    fn current(&self, entry: Option<&(f64, Instant)>, now: Instant) -> f64 {
        entry.map_or(0.0, |(n, at)| {
            (n - now.duration_since(*at).as_secs_f64() / self.every.as_secs_f64()).max(0.0)
        })
    }

    fn fail(&self, key: K) {
        let now = Instant::now();
        let mut counts = self.counts.lock().expect("not poisoned");
        let n = self.current(counts.get(&key), now) + 1.0;
        counts.insert(key, (n, now));
        if counts.len() > 100_000 {
            counts.retain(|_, (n, at)| {
                *n - now.duration_since(*at).as_secs_f64() / self.every.as_secs_f64() > 0.0
            });
        }
    }

    /// How long the next attempt waits: nothing within the burst, then 1 s, 2 s, 4 s, …
    fn delay(&self, key: &K) -> Duration {
        let counts = self.counts.lock().expect("not poisoned");
        // Whole failures: the little forgotten since the last one does not undo it.
        let over = (self.current(counts.get(key), Instant::now()) - f64::from(self.burst)).round();
        delay_for(over)
    }
}

/// The wait for an attempt made `over` failures past the burst.
pub fn delay_for(over: f64) -> Duration {
    if over < 1.0 {
        return Duration::ZERO;
    }
    let secs = 2f64.powf((over - 1.0).floor().min(10.0));
    Duration::from_secs_f64(secs).min(MAX_DELAY)
}

/// What to do with a sign-in attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Check the password after waiting this long.
    After(Duration),
    /// This client has failed too often on this account: refuse without checking.
    Refused,
}

/// The sign-in limits of one server process.
pub struct SignInLimits {
    pairs: DefaultKeyedRateLimiter<(String, Option<IpAddr>)>,
    refused: Mutex<HashMap<(String, Option<IpAddr>), Instant>>,
    accounts: Decay<String>,
    addresses: Decay<IpAddr>,
}

impl Default for SignInLimits {
    fn default() -> Self {
        let quota = Quota::with_period(Duration::from_secs(180))
            .expect("non-zero period")
            .allow_burst(NonZeroU32::new(PAIR_BURST).expect("non-zero"));
        Self {
            pairs: DefaultKeyedRateLimiter::keyed(quota),
            refused: Mutex::new(HashMap::new()),
            accounts: Decay::new(ACCOUNT_BURST, Duration::from_secs(180)),
            addresses: Decay::new(ADDRESS_BURST, Duration::from_secs(10)),
        }
    }
}

impl std::fmt::Debug for SignInLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignInLimits")
    }
}

impl SignInLimits {
    /// Whether and when an attempt for `account` from `address` is checked.
    pub fn verdict(&self, account: &str, address: Option<IpAddr>) -> Verdict {
        let pair = (account.to_owned(), address);
        let mut refused = self.refused.lock().expect("not poisoned");
        match refused.get(&pair) {
            Some(until) if *until > Instant::now() => return Verdict::Refused,
            Some(_) => {
                refused.remove(&pair);
            }
            None => {}
        }
        let by_account = self.accounts.delay(&pair.0);
        let by_address = address.map_or(Duration::ZERO, |a| self.addresses.delay(&a));
        Verdict::After(by_account.max(by_address))
    }

    /// Counts a failed attempt against all three keys.
    pub fn fail(&self, account: &str, address: Option<IpAddr>) {
        let pair = (account.to_owned(), address);
        if let Err(not_until) = self.pairs.check_key(&pair) {
            let wait = not_until
                .wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
            self.refused.lock().expect("not poisoned").insert(pair.clone(), Instant::now() + wait);
        }
        self.accounts.fail(pair.0);
        if let Some(a) = address {
            self.addresses.fail(a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    /// One client failing on one account is refused there, and only there; the account from
    /// elsewhere is slowed, not refused.
    #[test]
    fn refuses_the_pair_only() {
        let limits = SignInLimits::default();
        for _ in 0..=PAIR_BURST {
            assert_ne!(limits.verdict("anna@example.de", ip("192.0.2.1")), Verdict::Refused);
            limits.fail("anna@example.de", ip("192.0.2.1"));
        }
        assert_eq!(limits.verdict("anna@example.de", ip("192.0.2.1")), Verdict::Refused);
        assert_eq!(
            limits.verdict("anna@example.de", ip("198.51.100.7")),
            Verdict::After(Duration::from_secs(1))
        );
        assert_eq!(limits.verdict("bert@example.de", ip("192.0.2.1")), Verdict::After(Duration::ZERO));
    }

    /// Many failures from one address slow that address for every account, but refuse nobody;
    /// other addresses are untouched.
    #[test]
    fn slows_an_address_without_refusing() {
        let limits = SignInLimits::default();
        for i in 0..=ADDRESS_BURST + 3 {
            limits.fail(&format!("user{i}@example.de"), ip("192.0.2.2"));
        }
        match limits.verdict("someone-new@example.de", ip("192.0.2.2")) {
            Verdict::After(d) => assert!(d >= Duration::from_secs(4), "{d:?}"),
            Verdict::Refused => panic!("refused"),
        }
        assert_eq!(limits.verdict("someone-new@example.de", ip("192.0.2.3")), Verdict::After(Duration::ZERO));
    }

    /// The delay doubles per failure past the burst and stops at `MAX_DELAY`.
    #[test]
    fn delays_double_up_to_the_cap() {
        assert_eq!(delay_for(0.0), Duration::ZERO);
        assert_eq!(delay_for(-3.0), Duration::ZERO);
        assert_eq!(delay_for(1.0), Duration::from_secs(1));
        assert_eq!(delay_for(2.0), Duration::from_secs(2));
        assert_eq!(delay_for(3.5), Duration::from_secs(4));
        assert_eq!(delay_for(500.0), MAX_DELAY);
    }
}
