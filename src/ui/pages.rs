//! One component per public page.

mod board;
mod directory;
mod not_found;
mod offer;
mod shortlist;
mod start;
mod week;

pub use board::BoardPage;
pub use directory::DirectoryPage;
pub use not_found::NotFoundPage;
pub use offer::OfferPage;
pub use shortlist::ShortlistPage;
pub use start::StartPage;
pub use week::WeekPlanPage;
