//! Queries behind a quarter's network page: places and organisations with their offers.

use super::error::decode;
use super::{Db, DbError};
use crate::domain::directory::{Directory, OfferLink, OrganisationEntry, PlaceEntry};
use crate::domain::organisation::Organisation;
use crate::domain::place::{Accessibility, Place};
use crate::domain::quarter::Address;
use sqlx::FromRow;
use std::collections::HashMap;

#[derive(FromRow)]
struct PlaceRow {
    slug: String,
    name: String,
    street: String,
    postcode: String,
    city: String,
    step_free: i64,
    accessible_toilet: i64,
    opening_hours: Option<String>,
}

#[derive(FromRow)]
struct OrgRow {
    slug: String,
    name: String,
    kind: String,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    description: String,
}

#[derive(FromRow)]
struct LinkRow {
    slug: String,
    title: String,
    lang: String,
    place: String,
    organisation: String,
}

impl Db {
    /// Places in or used by the quarter, organisations with offers there, each with its offers.
    pub async fn get_directory(&self, locale: &str, quarter: &str) -> Result<Directory, DbError> {
        let q = self.get_quarter(locale, quarter).await?;
        let links: Vec<LinkRow> = sqlx::query_as(
            "SELECT o.slug, COALESCE(t.title, d.title) AS title,
                CASE WHEN t.title IS NULL THEN 'de' ELSE t.locale END AS lang,
                p.slug AS place, g.slug AS organisation
             FROM offers o
             JOIN offer_quarters oq ON oq.offer_id = o.id
             JOIN quarters q ON q.id = oq.quarter_id AND q.slug = $1
             JOIN places p ON p.id = o.place_id
             JOIN organisations g ON g.id = o.organisation_id
             JOIN offer_texts d ON d.offer_id = o.id AND d.locale = 'de'
             LEFT JOIN offer_texts t ON t.offer_id = o.id AND t.locale = $2
             WHERE o.status = 'published' AND o.last_confirmed >= $3
             ORDER BY title",
        )
        .bind(quarter)
        .bind(locale)
        .bind(self.visible_since())
        .fetch_all(&self.pool)
        .await?;
        let places: Vec<PlaceRow> = sqlx::query_as(
            "SELECT p.slug, COALESCE(pn.name, p.name) AS name, p.street, p.postcode, p.city,
                p.step_free, p.accessible_toilet, COALESCE(pt.opening_hours, pd.opening_hours) AS opening_hours
             FROM places p
             JOIN quarters q ON q.slug = $1
             LEFT JOIN place_names pn ON pn.place_id = p.id AND pn.locale = $2
             LEFT JOIN place_texts pd ON pd.place_id = p.id AND pd.locale = 'de'
             LEFT JOIN place_texts pt ON pt.place_id = p.id AND pt.locale = $2
             WHERE p.quarter_id = q.id OR EXISTS (
                 SELECT 1 FROM offers o JOIN offer_quarters oq ON oq.offer_id = o.id
                 WHERE o.place_id = p.id AND oq.quarter_id = q.id AND o.status = 'published' AND o.last_confirmed >= $3)
             ORDER BY name",
        )
        .bind(quarter)
        .bind(locale)
        .bind(self.visible_since())
        .fetch_all(&self.pool)
        .await?;
        let orgs: Vec<OrgRow> = sqlx::query_as(
            "SELECT g.slug, g.name, g.kind, g.phone, g.email, g.website,
                COALESCE(gt.description, gd.description, '') AS description
             FROM organisations g
             LEFT JOIN organisation_texts gd ON gd.organisation_id = g.id AND gd.locale = 'de'
             LEFT JOIN organisation_texts gt ON gt.organisation_id = g.id AND gt.locale = $2
             WHERE EXISTS (
                 SELECT 1 FROM offers o JOIN offer_quarters oq ON oq.offer_id = o.id
                 JOIN quarters q ON q.id = oq.quarter_id AND q.slug = $1
                 WHERE o.organisation_id = g.id AND o.status = 'published' AND o.last_confirmed >= $3)
             ORDER BY g.name",
        )
        .bind(quarter)
        .bind(locale)
        .bind(self.visible_since())
        .fetch_all(&self.pool)
        .await?;
        let mut by_place: HashMap<String, Vec<OfferLink>> = HashMap::new();
        let mut by_org: HashMap<String, Vec<OfferLink>> = HashMap::new();
        for l in links {
            let link = OfferLink { slug: l.slug, title: l.title, lang: l.lang };
            by_place.entry(l.place).or_default().push(link.clone());
            by_org.entry(l.organisation).or_default().push(link);
        }
        Ok(Directory {
            quarter_slug: q.slug,
            quarter_name: q.name,
            places: places
                .into_iter()
                .map(|p| PlaceEntry {
                    offers: by_place.remove(&p.slug).unwrap_or_default(),
                    place: Place {
                        slug: p.slug,
                        name: p.name,
                        address: Address { street: p.street, postcode: p.postcode, city: p.city },
                        coordinates: None,
                        access: Accessibility {
                            step_free: p.step_free != 0,
                            accessible_toilet: p.accessible_toilet != 0,
                        },
                        opening_hours: p.opening_hours,
                    },
                })
                .collect(),
            organisations: orgs
                .into_iter()
                .map(|g| {
                    Ok(OrganisationEntry {
                        offers: by_org.remove(&g.slug).unwrap_or_default(),
                        organisation: Organisation {
                            kind: decode("organisation kind", &g.kind)?,
                            slug: g.slug,
                            name: g.name,
                            phone: g.phone,
                            email: g.email,
                            website: g.website,
                            description: g.description,
                        },
                    })
                })
                .collect::<Result<_, DbError>>()?,
        })
    }
}
