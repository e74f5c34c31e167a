//! Organisations (Träger, Akteure) that run offers.

use super::category::OrgKind;
use serde::{Deserialize, Serialize};

/// An organisation and how to reach it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub slug: String,
    pub name: String,
    pub kind: OrgKind,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub description: String,
}
