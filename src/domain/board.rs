//! A quarter board: the quarter, its published offers and its places.

use super::filter::{Filter, OfferFacts, TimeOfDay};
use super::offer::OfferSummary;
use super::quarter::Quarter;
use super::schedule::{Occurrence, Times};
use chrono::Datelike;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What a quarter's board page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub quarter: Quarter,
    /// Every published offer of the quarter, in board order. Shared: the board before filtering
    /// is kept between requests (`service::board`), a filtered board only adds `matches`.
    #[serde(with = "shared")]
    pub offers: Arc<Vec<OfferSummary>>,
    /// Whether each offer (in the same order) matches the filter (the others are sent hidden).
    pub matches: Vec<bool>,
    pub places: Vec<PlaceSummary>,
    /// Today in the configured zone, for "from …" in summaries.
    pub today: chrono::NaiveDate,
    /// Every offer's facts for the filter island, in board order (`filter::facts_code`).
    pub facts_code: String,
    /// The filter applied (from the URL query).
    pub filter: Filter,
    /// Query parameters that were not understood and ignored.
    pub not_understood: Vec<String>,
    /// The shortlist carried in the URL (`list=`).
    pub list: Vec<String>,
}

impl Board {
    /// How many offers match the filter.
    pub fn matching(&self) -> usize {
        self.matches.iter().filter(|m| **m).count()
    }

    /// The offers that match the filter, in board order.
    pub fn matching_offers(&self) -> impl Iterator<Item = &OfferSummary> {
        self.offers.iter().zip(&self.matches).filter(|(_, m)| **m).map(|(o, _)| o)
    }
}

/// Serde for a shared value: written and read as the value itself (serde's own `rc` feature would
/// rebuild every crate that uses serde).
mod shared {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::sync::Arc;

    pub fn serialize<T: Serialize, S: Serializer>(value: &Arc<T>, s: S) -> Result<S::Ok, S::Error> {
        T::serialize(value, s)
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(d: D) -> Result<Arc<T>, D::Error> {
        T::deserialize(d).map(Arc::new)
    }
}

/// What the filter needs to know about an offer, from its occurrences in the shown week.
pub fn offer_facts(o: &OfferSummary, week: &[Occurrence], running_now: bool, text_match: bool) -> OfferFacts {
    let taking_place = week.iter().filter(|w| !w.is_cancelled());
    let (days, times) = taking_place.fold((0u8, 0u8), |(days, times), w| {
        let time_bits = match w.times {
            Times::AllDay => 0b111,
            Times::Timed { start, .. } => TimeOfDay::of(start).bit(),
        };
        (days | 1 << w.date.weekday().num_days_from_monday(), times | time_bits)
    });
    OfferFacts {
        ages: o.ages,
        audiences: o.audiences.clone(),
        category: Some(o.category),
        is_free: o.is_free,
        languages: o.languages.clone(),
        step_free: o.step_free,
        registration_required: o.registration_required,
        days,
        times,
        running_now,
        text_match,
    }
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

/// Board order: offers by their next occurrence (date, then time), then by title; offers with
/// no upcoming date come last.
pub fn sort_offers(offers: &mut [OfferSummary]) {
    offers.sort_by(|a, b| {
        let key = |o: &OfferSummary| o.next.as_ref().map(|n| (n.date, n.times.sort_key()));
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
    use crate::domain::schedule::{Occurrence, Status, Times};
    use chrono::NaiveTime;

    fn offer(title: &str, next: Option<(&str, &str)>) -> OfferSummary {
        OfferSummary {
            id: 1,
            slug: title.to_lowercase(),
            lang: "de".into(),
            title: title.into(),
            category: Category::Sport,
            ages: AgeRange::default(),
            is_free: true,
            place_name: "Halle".into(),
            place_quarter: None,
            audiences: vec![],
            languages: vec![],
            step_free: false,
            registration_required: false,
            cancelled_this_week: None,
            facts: Default::default(),
            schedules: vec![],
            next: next.map(|(date, start)| Occurrence {
                date: date.parse().unwrap(),
                times: Times::Timed {
                    start: NaiveTime::parse_from_str(start, "%H:%M").unwrap(),
                    end: NaiveTime::parse_from_str("23:00", "%H:%M").unwrap(),
                },
                status: Status::Regular,
                place: None,
            }),
        }
    }

    /// Offers go by next date and time, then title; offers without a next date come last.
    #[test]
    fn board_order() {
        let mut offers = vec![
            offer("Zelle", None),
            offer("Yoga", Some(("2026-11-25", "18:00"))),
            offer("Boxen", Some(("2026-11-23", "17:00"))),
            offer("Aikido", Some(("2026-11-25", "18:00"))),
            offer("Bücher", None),
            offer("Café", Some(("2026-11-23", "09:00"))),
        ];
        sort_offers(&mut offers);
        let titles: Vec<_> = offers.iter().map(|o| o.title.as_str()).collect();
        assert_eq!(titles, ["Café", "Boxen", "Aikido", "Yoga", "Bücher", "Zelle"]);
    }
}
