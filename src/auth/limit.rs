//! Sign-in rate limits per account and per client address (governor's keyed limiters). Only
//! failed attempts count; once a key is over its quota it is refused, even with the right
//! password, until the quota has recovered.

use governor::{DefaultKeyedRateLimiter, Quota};
use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts allowed per account before it is blocked; one more every 3 minutes.
pub const ACCOUNT_BURST: u32 = 5;
/// Failed attempts allowed per client address before it is blocked; one more every 10 seconds.
pub const ADDRESS_BURST: u32 = 30;

struct Limit<K: Hash + Eq + Clone> {
    limiter: DefaultKeyedRateLimiter<K>,
    blocked: Mutex<HashMap<K, Instant>>,
}

impl<K: Hash + Eq + Clone> Limit<K> {
    fn new(burst: u32, every: Duration) -> Self {
        let quota = Quota::with_period(every)
            .expect("non-zero period")
            .allow_burst(NonZeroU32::new(burst).expect("non-zero"));
        Self { limiter: DefaultKeyedRateLimiter::keyed(quota), blocked: Mutex::new(HashMap::new()) }
    }

    fn is_blocked(&self, key: &K) -> bool {
        let mut blocked = self.blocked.lock().expect("not poisoned");
        match blocked.get(key) {
            Some(until) if *until > Instant::now() => true,
            Some(_) => {
                blocked.remove(key);
                false
            }
            None => false,
        }
    }

    fn fail(&self, key: &K) {
        if let Err(not_until) = self.limiter.check_key(key) {
            let wait = not_until
                .wait_time_from(governor::clock::Clock::now(&governor::clock::DefaultClock::default()));
            self.blocked.lock().expect("not poisoned").insert(key.clone(), Instant::now() + wait);
        }
    }
}

/// The sign-in limits of one server process.
pub struct SignInLimits {
    accounts: Limit<String>,
    addresses: Limit<IpAddr>,
}

impl Default for SignInLimits {
    fn default() -> Self {
        Self {
            accounts: Limit::new(ACCOUNT_BURST, Duration::from_secs(180)),
            addresses: Limit::new(ADDRESS_BURST, Duration::from_secs(10)),
        }
    }
}

impl std::fmt::Debug for SignInLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignInLimits")
    }
}

impl SignInLimits {
    /// Whether attempts for this account or from this address are refused right now.
    pub fn blocked(&self, account: &str, address: Option<IpAddr>) -> bool {
        self.accounts.is_blocked(&account.to_owned())
            || address.is_some_and(|a| self.addresses.is_blocked(&a))
    }

    /// Counts a failed attempt against both keys.
    pub fn fail(&self, account: &str, address: Option<IpAddr>) {
        self.accounts.fail(&account.to_owned());
        if let Some(a) = address {
            self.addresses.fail(&a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// After the burst of failures an account is blocked; another account is not.
    #[test]
    fn blocks_after_burst() {
        let limits = SignInLimits::default();
        let ip = Some("192.0.2.1".parse().unwrap());
        for _ in 0..ACCOUNT_BURST {
            assert!(!limits.blocked("anna@example.de", ip));
            limits.fail("anna@example.de", ip);
        }
        limits.fail("anna@example.de", ip);
        assert!(limits.blocked("anna@example.de", None));
        assert!(!limits.blocked("bert@example.de", None));
    }

    /// Many failures from one address block it for every account.
    #[test]
    fn blocks_address() {
        let limits = SignInLimits::default();
        let ip: Option<IpAddr> = Some("192.0.2.2".parse().unwrap());
        for i in 0..=ADDRESS_BURST {
            limits.fail(&format!("user{i}@example.de"), ip);
        }
        assert!(limits.blocked("someone-new@example.de", ip));
        assert!(!limits.blocked("someone-new@example.de", Some("192.0.2.3".parse().unwrap())));
    }
}
