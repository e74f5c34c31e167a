//! The city's look: read by every public page, edited by administrators.

mod delete_identity_image;
mod get_identity;
mod get_identity_editor;
mod save_identity;

pub use delete_identity_image::{delete_identity_image, DeleteIdentityImage};
pub use get_identity::get_identity;
pub use get_identity_editor::{get_identity_editor, IdentityEditor};
pub use save_identity::{save_identity, SaveIdentity};
