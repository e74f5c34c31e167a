//! The audit log as staff read it: who changed what, when, with the record before and after.

use serde::{Deserialize, Serialize};

/// One change of one record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// UTC, RFC 3339.
    pub at: String,
    /// E-mail address of the staff member at the time, or `cli`.
    pub actor: String,
    /// `create`, `update`, `publish`, `archive`, `restore`, `confirm`, `approve`, `submit`, …
    pub action: String,
    /// The record as JSON before and after the change (absent when created or for status-only changes).
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What kind of record an audit entry is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entity {
    Offer,
    Place,
    Organisation,
    Quarter,
    User,
    /// The city's look (one record, id 1).
    Identity,
}

impl Entity {
    pub fn code(self) -> &'static str {
        match self {
            Entity::Offer => "offer",
            Entity::Place => "place",
            Entity::Organisation => "organisation",
            Entity::Quarter => "quarter",
            Entity::User => "user",
            Entity::Identity => "identity",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Entity::Offer, Entity::Place, Entity::Organisation, Entity::Quarter, Entity::User, Entity::Identity]
            .into_iter()
            .find(|e| e.code() == code)
    }
}
