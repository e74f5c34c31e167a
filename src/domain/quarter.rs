//! Quarters (Stadtquartiere) and their quarter offices.

use serde::{Deserialize, Serialize};

/// A quarter as listed on the start page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuarterSummary {
    pub slug: String,
    /// Language of the texts (see [`Quarter::lang`]).
    pub lang: String,
    pub name: String,
    pub description: String,
}

/// A quarter with its contact office, as shown at the top of its board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quarter {
    pub slug: String,
    /// Language of the texts: the asked locale, or German when there is no translation.
    pub lang: String,
    pub name: String,
    pub description: String,
    pub office: Office,
}

/// The quarter office (Quartiersbüro) families can walk into.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Office {
    pub name: String,
    pub address: Address,
    pub phone: Option<String>,
    pub opening_hours: String,
}

/// A German postal address.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub street: String,
    pub postcode: String,
    pub city: String,
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {} {}", self.street, self.postcode, self.city)
    }
}
