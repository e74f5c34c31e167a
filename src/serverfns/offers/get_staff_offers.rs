//! The staff list of offers, filtered.

use crate::domain::staff_offer::{StaffFilter, StaffOfferRow};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOffers {
    pub rows: Vec<StaffOfferRow>,
    pub filter: StaffFilter,
    /// Offers awaiting the viewer's approval.
    pub awaiting: usize,
    /// Published offers the viewer looks after that are due for confirmation, and of those the
    /// ones already hidden from the public.
    pub due: usize,
    pub hidden: usize,
    /// The confirmation period in months.
    pub months: u32,
}

/// Offers the caller may see (others' drafts left out), filtered by `query` (`q=…&mine=1&status=draft…`).
#[server]
pub async fn get_staff_offers(query: String) -> Result<StaffOffers, AppError> {
    use crate::domain::category::OfferStatus;
    use crate::domain::freshness::Confirmation;
    use crate::domain::policy::{decide, Action};
    let staff = crate::auth::staff().await?;
    let actor = staff.actor()?.clone();
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes()).into_owned().collect();
    let filter = StaffFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let db = super::super::db()?;
    let today = crate::clock::local_now(super::super::calendar()?.tz).date();
    let all = db.list_staff_offers(&crate::editing::locales()).await?;
    let scope = |r: &StaffOfferRow| crate::domain::policy::Scope {
        organisation: Some(r.organisation_id),
        quarters: r.quarter_ids.clone(),
        published: r.status == OfferStatus::Published,
        editors_publish: true,
    };
    let awaiting = all
        .iter()
        .filter(|r| r.pending && decide(Some(&actor), Action::ApproveOffer, &scope(r)).allowed())
        .count();
    let freshness = db.freshness();
    let all: Vec<StaffOfferRow> = all
        .into_iter()
        .map(|mut r| {
            r.can_edit = decide(Some(&actor), Action::EditOffer, &scope(&r)).allowed();
            r.can_read = decide(Some(&actor), Action::ReadDrafts, &scope(&r)).allowed();
            r.confirmation = freshness.state(r.last_confirmed, today);
            r
        })
        .filter(|r| r.can_read || r.status == OfferStatus::Published)
        .collect();
    let mine_due = all.iter().filter(|r| r.can_edit && r.status == OfferStatus::Published);
    let due = mine_due.clone().filter(|r| r.confirmation != Confirmation::Fresh).count();
    let hidden = mine_due.filter(|r| r.confirmation == Confirmation::Hidden).count();
    let rows = all.into_iter().filter(|r| filter.matches(r, &actor, today, freshness)).collect();
    Ok(StaffOffers { rows, filter, awaiting, due, hidden, months: freshness.months })
}
