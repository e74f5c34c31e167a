//! Places (Einrichtungen) where offers happen.

use super::quarter::Address;
use serde::{Deserialize, Serialize};

/// A place with what a family needs to get there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub slug: String,
    pub name: String,
    pub address: Address,
    pub coordinates: Option<Coordinates>,
    pub access: Accessibility,
    pub opening_hours: Option<String>,
}

/// WGS 84 latitude and longitude.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

/// What is known about getting in without steps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accessibility {
    pub step_free: bool,
    pub accessible_toilet: bool,
}
