//! One component per public page.

mod board;
mod directory;
mod not_found;
mod offer;
mod start;
mod week;

pub use board::BoardPage;
pub use directory::DirectoryPage;
pub use not_found::NotFoundPage;
pub use offer::OfferPage;
pub use start::StartPage;
pub use week::WeekPlanPage;
