//! One component per public page.

mod board;
mod directory;
mod kiosk;
mod legal;
mod not_found;
mod offer;
mod print;
mod shortlist;
mod start;
mod week;

pub use board::BoardPage;
pub use directory::DirectoryPage;
pub use kiosk::KioskPage;
pub use legal::{AccessibilityPage, ImprintPage, LegalLinks, PrivacyPage};
pub use not_found::NotFoundPage;
pub use offer::OfferPage;
pub use print::PrintPage;
pub use shortlist::ShortlistPage;
pub use start::StartPage;
pub use week::WeekPlanPage;

/// What a page shows when loading its data failed: the 404 page for `NotFound`, "you may not"
/// with HTTP 403 for `Forbidden`, else a short apology with HTTP 500 (the detail is in the log).
pub fn load_failed(e: crate::error::AppError) -> leptos::prelude::AnyView {
    use crate::i18n::*;
    use leptos::prelude::*;
    if e == crate::error::AppError::NotFound {
        return view! { <NotFoundPage/> }.into_any();
    }
    let i18n = use_i18n();
    if e == crate::error::AppError::Forbidden {
        crate::ui::status::set_status(403);
        return view! { <p class="notice problem" role="alert">{t!(i18n, staff_notice.forbidden)}</p> }
            .into_any();
    }
    crate::ui::status::set_status(500);
    view! { <p role="alert">{t!(i18n, error.internal)}</p> }.into_any()
}
