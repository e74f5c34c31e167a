//! The storage layer, the only module with SQL. Portable `$1`-style SQL runs through sqlx's Any
//! driver so one query serves every backend; each backend has its own `migrations/<backend>/`.
//! One function per query, named verb_noun; rows are converted to domain types here.

mod connect;
mod directory;
mod document;
mod error;
mod flags;
mod offer_detail;
mod offers;
mod quarters;
mod schedules;
mod search;

pub use connect::{Backend, Db};
pub use error::DbError;
