//! A quarter's network: its places (with opening hours) and the organisations active there, each
//! with their offers — the actors made visible to each other and to families.

use super::category::OrgKind;
use super::place::Accessibility;
use super::quarter::Address;
use serde::{Deserialize, Serialize};

/// A link to an offer, with the language its title is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferLink {
    pub slug: String,
    pub title: String,
    pub lang: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceEntry {
    pub slug: String,
    pub name: String,
    pub address: Address,
    pub access: Accessibility,
    pub opening_hours: Option<String>,
    pub offers: Vec<OfferLink>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationEntry {
    pub slug: String,
    pub name: String,
    pub kind: OrgKind,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub description: String,
    pub offers: Vec<OfferLink>,
}

/// What the network page of a quarter shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Directory {
    pub quarter_slug: String,
    pub quarter_name: String,
    pub places: Vec<PlaceEntry>,
    pub organisations: Vec<OrganisationEntry>,
}
