//! Server functions of the staff area's offers: the list, the editor, saving, status changes,
//! confirmation, approval, undoing a delete and the audit log.

mod approve_offer;
mod confirm_offers;
mod get_import_report;
mod get_offer_audit;
mod get_offer_editor;
mod get_staff_offers;
mod restore_offer;
mod save_offer;
mod set_offer_status;

pub use approve_offer::{approve_offer, ApproveOffer};
pub use confirm_offers::{confirm_offers, ConfirmOffers};
pub use get_import_report::{get_import_report, GetImportReport};
pub use get_offer_audit::{get_audit, RecordAudit};
pub use get_offer_editor::{get_offer_editor, EditorRights, OfferEditor};
pub use get_staff_offers::{get_staff_offers, GetStaffOffers, StaffOffers};
pub use restore_offer::{restore_offer, RestoreOffer};
pub use save_offer::{save_offer, SaveOffer};
pub use set_offer_status::{set_offer_status, SetOfferStatus};
