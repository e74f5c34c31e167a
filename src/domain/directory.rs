//! A quarter's network: its places (with opening hours) and the organisations active there, each
//! with their offers — the actors made visible to each other and to families.

use super::organisation::Organisation;
use super::place::Place;
use serde::{Deserialize, Serialize};

/// A link to an offer, with the language its title is in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferLink {
    pub slug: String,
    pub title: String,
    pub lang: String,
}

/// A place with the offers that happen there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceEntry {
    pub place: Place,
    pub offers: Vec<OfferLink>,
}

/// An organisation with the offers it runs in the quarter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrganisationEntry {
    pub organisation: Organisation,
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
