//! Running in production: health and readiness endpoints, one structured log line per request
//! (client addresses shortened), Prometheus metrics on a listener of their own.

pub mod access_log;
pub mod health;
pub mod metrics;
