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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::age::AgeRange;
    use crate::domain::category::Category;
    use crate::domain::slot::WeeklySlot;

    fn offer(title: &str, slots: &[(i64, &str, &str)]) -> OfferSummary {
        OfferSummary {
            slug: title.to_lowercase(),
            lang: "de".into(),
            title: title.into(),
            category: Category::Sport,
            ages: AgeRange::default(),
            is_free: true,
            place_name: "Halle".into(),
            slots: slots
                .iter()
                .map(|(d, s, e)| WeeklySlot::parse(*d, s, e).unwrap())
                .collect(),
        }
    }

    /// Offers go by first weekday and time, then title; offers without slots come last.
    #[test]
    fn board_order() {
        let mut offers = vec![
            offer("Zelle", &[]),
            offer("Yoga", &[(3, "18:00", "19:00")]),
            offer("Boxen", &[(1, "17:00", "18:00")]),
            offer("Aikido", &[(3, "18:00", "19:30")]),
            offer("Bücher", &[]),
            offer("Café", &[(1, "09:00", "11:00")]),
        ];
        sort_offers(&mut offers);
        let titles: Vec<_> = offers.iter().map(|o| o.title.as_str()).collect();
        assert_eq!(titles, ["Café", "Boxen", "Aikido", "Yoga", "Bücher", "Zelle"]);
    }
}
