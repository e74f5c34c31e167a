//! The staff area: server-rendered pages with plain HTML forms that post to server functions.
//! Nothing here is an island, so none of it reaches the browser's WebAssembly; every form works
//! without JavaScript, and a form that fails comes back with the typed values and the reasons.

pub mod account;
pub mod audit;
pub mod calendars;
pub mod coverage;
pub mod data;
pub mod directory;
pub mod field_names;
pub mod fields;
pub mod frame;
pub mod identity;
pub mod import;
pub mod kiosks;
pub mod labels;
pub mod link;
pub mod offer_edit;
pub mod offer_fields;
pub mod offers;
pub mod organisation_edit;
pub mod place_edit;
pub mod plan;
pub mod plan_editor;
pub mod plan_texts;
pub mod print;
pub mod quarter_edit;
pub mod record_edit;
pub mod schedule_fields;
pub mod sign_in;
pub mod users;

pub use account::AccountPage;
pub use audit::AuditPage;
pub use calendars::CalendarsPage;
pub use coverage::CoveragePage;
pub use data::DataPage;
pub use directory::DirectoryPage;
pub use identity::IdentityPage;
pub use import::ImportPage;
pub use kiosks::KiosksPage;
pub use link::LinkPage;
pub use offer_edit::{NewOfferPage, OfferEditPage};
pub use offers::StaffOffersPage;
pub use organisation_edit::OrganisationEditPage;
pub use place_edit::PlaceEditPage;
pub use plan::PlanPage;
pub use print::PrintProductsPage;
pub use quarter_edit::QuarterEditPage;
pub use sign_in::{SignInPage, TwoFactorPage};
pub use users::UsersPage;

/// The address a server function's form posts to.
pub fn action<T: leptos::server_fn::ServerFn>() -> &'static str {
    T::PATH
}
