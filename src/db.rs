//! The storage layer, the only module with SQL. Portable `$1`-style SQL runs through sqlx's Any
//! driver so one query serves every backend; each backend has its own `migrations/<backend>/`.
//! One function per query, named verb_noun; rows are converted to domain types here.

mod audit;
mod calendar_sources;
mod connect;
mod copy;
mod directory;
mod directory_edit;
mod directory_rows;
mod document;
mod error;
mod export;
mod feeds;
mod flags;
mod identity;
mod offer_detail;
mod offer_edit;
mod offer_import;
mod offer_records;
mod offer_rows;
mod offers;
mod plan;
mod quarter_edit;
mod quarters;
mod schedules;
mod school_holidays;
mod search;
mod slugs;
mod staff_offers;
mod submissions;
mod user_links;
mod users;
mod write;

pub use connect::{keep_after_release, sync_at_checkpoints, Backend, Db};
pub use copy::TableDigest;
pub use directory_edit::{StoredOrganisation, StoredPlace};
pub use error::DbError;
pub use feeds::{FeedOf, FeedOffer};
pub use identity::NewImage;
pub use offer_import::{CalendarLink, OfferChange};
pub use offer_records::StoredOffer;
pub use quarter_edit::StoredQuarter;
pub use submissions::Submission;
pub use user_links::{LinkPurpose, UserLink};
pub use users::{Account, NewUser};
