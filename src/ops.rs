//! Running in production: health and readiness endpoints, one structured log line per request
//! (client addresses shortened), Prometheus metrics on a listener of their own, and
//! server-function errors answered with the status they stand for.

pub mod access_log;
pub mod error_status;
pub mod health;
pub mod metrics;
