//! The staff area's offer list: one row per offer with what staff act on, and its filters
//! (my organisation, my quarters, drafts, awaiting approval, not confirmed for six months).

use super::category::OfferStatus;
use super::freshness::{Confirmation, Freshness};
use super::staff::{Actor, Role};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How far a translation is behind the German text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Translation {
    Missing,
    Current,
    /// The German text changed after the translation was written.
    Stale,
}

/// A translation's state from when it and the German text were last written (RFC 3339 UTC; none
/// for texts imported without a date). A translation without a date is older than any German
/// change written since.
pub fn translation_state(german: Option<&str>, translated: Option<Option<&str>>) -> Translation {
    match (translated, german) {
        (None, _) => Translation::Missing,
        (Some(Some(t)), Some(g)) if g > t => Translation::Stale,
        (Some(None), Some(_)) => Translation::Stale,
        (Some(_), _) => Translation::Current,
    }
}

/// One offer in the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOfferRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub organisation_id: i64,
    pub organisation: String,
    pub quarter_ids: Vec<i64>,
    pub quarters: Vec<String>,
    pub status: OfferStatus,
    pub last_confirmed: NaiveDate,
    pub version: i64,
    /// Changes wait for approval.
    pub pending: bool,
    /// Per content locale other than German.
    pub translations: Vec<(String, Translation)>,
    /// Filled in by the server from the policy: whether the viewer may edit it, and whether
    /// they may open it in the staff area (drafts and internal notes).
    pub can_edit: bool,
    pub can_read: bool,
    /// Filled in by the server from the configured confirmation period.
    pub confirmation: Confirmation,
}

/// Which offers to list. Parsed from the list page's query; unknown values are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFilter {
    pub text: String,
    /// Only my organisation's (editors) or my quarters' (coordinators) offers.
    pub mine: bool,
    pub status: Option<OfferStatus>,
    pub pending: bool,
    /// Not confirmed for one confirmation period (see [`Freshness`]).
    pub unconfirmed: bool,
}

impl StaffFilter {
    pub fn from_pairs<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Self {
        let mut f = StaffFilter::default();
        for (k, v) in pairs {
            match k {
                "q" => f.text = v.chars().take(100).collect(),
                "mine" => f.mine = v == "1",
                "status" => f.status = v.parse().ok(),
                "pending" => f.pending = v == "1",
                "unconfirmed" => f.unconfirmed = v == "1",
                _ => {}
            }
        }
        f
    }

    /// Whether `row` is listed for `actor` on `today`.
    pub fn matches(
        &self,
        row: &StaffOfferRow,
        actor: &Actor,
        today: NaiveDate,
        freshness: Freshness,
    ) -> bool {
        let text = self.text.trim().to_lowercase();
        let text_ok = text.is_empty()
            || row.title.to_lowercase().contains(&text)
            || row.slug.contains(&text)
            || row.organisation.to_lowercase().contains(&text);
        let mine_ok = !self.mine
            || match actor.role {
                Role::Editor => actor.organisation == Some(row.organisation_id),
                Role::Coordinator => row.quarter_ids.iter().any(|q| actor.quarters.contains(q)),
                Role::Admin | Role::Guide => true,
            };
        let status_ok = match self.status {
            Some(s) => row.status == s,
            None => row.status != OfferStatus::Archived,
        };
        text_ok
            && mine_ok
            && status_ok
            && (!self.pending || row.pending)
            && (!self.unconfirmed || freshness.state(row.last_confirmed, today) != Confirmation::Fresh)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> StaffOfferRow {
        StaffOfferRow {
            id: 1,
            slug: "yoga".into(),
            title: "Yoga für alle".into(),
            organisation_id: 7,
            organisation: "TV Welheim".into(),
            quarter_ids: vec![10],
            quarters: vec!["Welheim".into()],
            status: OfferStatus::Published,
            last_confirmed: NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
            version: 1,
            pending: false,
            translations: vec![],
            can_edit: false,
            can_read: false,
            confirmation: Confirmation::Fresh,
        }
    }

    fn actor(role: Role, organisation: Option<i64>, quarters: Vec<i64>) -> Actor {
        Actor { user_id: 1, email: "a@b.de".into(), name: "A".into(), role, organisation, quarters }
    }

    /// Text, scope, status, approval and confirmation filters each narrow the list.
    #[test]
    fn filters_narrow() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let f = Freshness::default();
        let ed = actor(Role::Editor, Some(7), vec![]);
        let other = actor(Role::Editor, Some(8), vec![]);
        let parse =
            |q: &str| StaffFilter::from_pairs(url_pairs(q).iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert!(parse("").matches(&row(), &ed, today, f));
        assert!(parse("q=YOGA").matches(&row(), &ed, today, f));
        assert!(!parse("q=schach").matches(&row(), &ed, today, f));
        assert!(parse("mine=1").matches(&row(), &ed, today, f));
        assert!(!parse("mine=1").matches(&row(), &other, today, f));
        assert!(!parse("status=draft").matches(&row(), &ed, today, f));
        assert!(!parse("pending=1").matches(&row(), &ed, today, f));
        assert!(parse("unconfirmed=1").matches(&row(), &ed, today, f));
        let mut fresh = row();
        fresh.last_confirmed = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
        assert!(!parse("unconfirmed=1").matches(&fresh, &ed, today, f));
        assert!(parse("unconfirmed=1").matches(&fresh, &ed, today, Freshness::new(3).unwrap()));
        let mut archived = row();
        archived.status = OfferStatus::Archived;
        assert!(!parse("").matches(&archived, &ed, today, f));
        assert!(parse("status=archived").matches(&archived, &ed, today, f));
    }

    fn url_pairs(q: &str) -> Vec<(String, String)> {
        q.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.into(), v.into())).collect()
    }

    /// A translation is stale when the German text was written after it.
    #[test]
    fn stale_translations() {
        let g = Some("2026-11-20T10:00:00Z");
        assert_eq!(translation_state(g, None), Translation::Missing);
        assert_eq!(translation_state(g, Some(Some("2026-11-19T10:00:00Z"))), Translation::Stale);
        assert_eq!(translation_state(g, Some(Some("2026-11-21T10:00:00Z"))), Translation::Current);
        assert_eq!(translation_state(None, Some(None)), Translation::Current);
        assert_eq!(translation_state(g, Some(None)), Translation::Stale, "imported, then German changed");
    }
}
