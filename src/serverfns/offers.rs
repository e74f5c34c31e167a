//! Server functions of the staff area's offers: the list, the editor, saving, status changes,
//! confirmation, approval, undoing a delete and the audit log.

mod approve_offer;
mod confirm_offers;
mod get_offer_audit;
mod get_offer_editor;
mod get_staff_offers;
mod restore_offer;
mod save_offer;
mod set_offer_status;

pub use approve_offer::{approve_offer, ApproveOffer};
pub use confirm_offers::{confirm_offers, ConfirmOffers};
pub use get_offer_audit::{get_offer_audit, OfferAudit};
pub use get_offer_editor::{get_offer_editor, EditorRights, OfferEditor};
pub use get_staff_offers::{get_staff_offers, StaffOffers};
pub use restore_offer::{restore_offer, RestoreOffer};
pub use save_offer::{save_offer, SaveOffer};
pub use set_offer_status::{set_offer_status, SetOfferStatus};

/// A posted form that was not saved, kept in the session for the editor to show again (also
/// after a reload) until it is saved or half an hour has passed.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
struct FormFlash {
    /// When it was posted (Unix seconds).
    at: i64,
    id: Option<i64>,
    form: crate::domain::offer_form::OfferForm,
    issues: Vec<crate::domain::schedule::validate::FieldIssue>,
    conflict: bool,
}

#[cfg(feature = "ssr")]
const FORM_FLASH: &str = "offer_form";

/// How long a form that was not saved is shown again.
#[cfg(feature = "ssr")]
const FLASH_SECS: i64 = 1800;
