//! A quarter board: the quarter, its published offers and its places.

use super::offer::OfferSummary;
use super::quarter::Quarter;
use serde::{Deserialize, Serialize};

/// What a quarter's board page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub quarter: Quarter,
    pub offers: Vec<OfferSummary>,
    pub places: Vec<PlaceSummary>,
}

/// A place on the board, with how many of the board's offers happen there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceSummary {
    pub slug: String,
    pub name: String,
    pub street: String,
    pub step_free: bool,
    pub offer_count: u32,
}

/// Board order: offers by their first weekly slot (weekday, then time), then by title.
pub fn sort_offers(offers: &mut [OfferSummary]) {
    offers.sort_by(|a, b| {
        let key = |o: &OfferSummary| {
            o.slots
                .first()
                .map(|s| (s.weekday.num_days_from_monday(), s.start))
        };
        match (key(a), key(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then_with(|| a.title.cmp(&b.title))
    });
}
