//! Staff sign-in: the axum-login backend over our accounts, database-stored sessions
//! (tower-sessions), rate limits, second factors, and the guard every staff server function
//! starts with. Residents never get a session: nothing here sets a cookie unless someone signs in.

pub mod backend;
pub mod guard;
pub mod limit;
pub mod session;
pub mod tokens;
pub mod totp;

pub use backend::{Backend, SignedIn};
pub use guard::{staff, staff_of, Staff};

/// The axum-login session of a request.
pub type AuthSession = axum_login::AuthSession<Backend>;
