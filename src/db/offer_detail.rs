//! Queries behind an offer's own page.

use super::error::decode;
use super::offers::age_range;
use super::schedules::Of;
use super::{Db, DbError};
use crate::domain::offer::{Contact, Cost, OfferDetail, Registration};
use crate::domain::organisation::Organisation;
use crate::domain::place::{Accessibility, Coordinates, Place};
use crate::domain::quarter::{Address, QuarterSummary};
use chrono::NaiveDate;
use sqlx::FromRow;

#[derive(FromRow)]
struct OfferRow {
    id: i64,
    slug: String,
    lang: String,
    title: String,
    description: String,
    easy_description: Option<String>,
    cost_text: Option<String>,
    registration_text: Option<String>,
    category: String,
    age_min: Option<i64>,
    age_max: Option<i64>,
    is_free: i64,
    registration_required: i64,
    contact_name: Option<String>,
    contact_phone: Option<String>,
    contact_email: Option<String>,
    last_confirmed: String,
    place_slug: String,
    place_name: String,
    place_street: String,
    place_postcode: String,
    place_city: String,
    latitude: Option<f64>,
    longitude: Option<f64>,
    step_free: i64,
    accessible_toilet: i64,
    opening_hours: Option<String>,
    org_slug: String,
    org_name: String,
    org_kind: String,
    org_phone: Option<String>,
    org_email: Option<String>,
    org_website: Option<String>,
    org_description: String,
}

#[derive(FromRow)]
struct QuarterRow {
    slug: String,
    lang: String,
    name: String,
    description: String,
}

impl Db {
    /// A published offer with its place, organisation, quarters, audiences, languages and
    /// schedules (not yet expanded: `upcoming` is empty).
    pub async fn get_offer(&self, locale: &str, slug: &str) -> Result<OfferDetail, DbError> {
        let r: OfferRow = sqlx::query_as(
            "SELECT o.id, o.slug,
                CASE WHEN t.title IS NULL THEN 'de' ELSE t.locale END AS lang,
                COALESCE(t.title, d.title) AS title,
                COALESCE(t.description, d.description) AS description,
                d.easy_description,
                COALESCE(t.cost_text, d.cost_text) AS cost_text,
                COALESCE(t.registration_text, d.registration_text) AS registration_text,
                o.category, o.age_min, o.age_max, o.is_free, o.registration_required,
                o.contact_name, o.contact_phone, o.contact_email, o.last_confirmed,
                p.slug AS place_slug, COALESCE(pn.name, p.name) AS place_name, p.street AS place_street,
                p.postcode AS place_postcode, p.city AS place_city, p.latitude, p.longitude,
                p.step_free, p.accessible_toilet,
                COALESCE(pt.opening_hours, pd.opening_hours) AS opening_hours,
                g.slug AS org_slug, g.name AS org_name, g.kind AS org_kind, g.phone AS org_phone,
                g.email AS org_email, g.website AS org_website,
                COALESCE(gt.description, gd.description, '') AS org_description
             FROM offers o
             JOIN offer_texts d ON d.offer_id = o.id AND d.locale = 'de'
             LEFT JOIN offer_texts t ON t.offer_id = o.id AND t.locale = $2
             JOIN places p ON p.id = o.place_id
             LEFT JOIN place_names pn ON pn.place_id = p.id AND pn.locale = $2
             LEFT JOIN place_texts pd ON pd.place_id = p.id AND pd.locale = 'de'
             LEFT JOIN place_texts pt ON pt.place_id = p.id AND pt.locale = $2
             JOIN organisations g ON g.id = o.organisation_id
             LEFT JOIN organisation_texts gd ON gd.organisation_id = g.id AND gd.locale = 'de'
             LEFT JOIN organisation_texts gt ON gt.organisation_id = g.id AND gt.locale = $2
             WHERE o.slug = $1 AND o.status = 'published' AND o.last_confirmed >= $3",
        )
        .bind(slug)
        .bind(locale)
        .bind(self.visible_since())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(DbError::NotFound)?;

        let audiences: Vec<String> =
            sqlx::query_scalar("SELECT audience FROM offer_audiences WHERE offer_id = $1 ORDER BY audience")
                .bind(r.id)
                .fetch_all(&self.pool)
                .await?;
        let languages: Vec<String> =
            sqlx::query_scalar("SELECT language FROM offer_languages WHERE offer_id = $1 ORDER BY language")
                .bind(r.id)
                .fetch_all(&self.pool)
                .await?;
        let schedules = self.list_schedules(&Of::Offer(r.id)).await?.remove(&r.id).unwrap_or_default();
        let quarters: Vec<QuarterRow> = sqlx::query_as(
            "SELECT q.slug, CASE WHEN t.name IS NULL THEN 'de' ELSE t.locale END AS lang,
                COALESCE(t.name, d.name) AS name,
                COALESCE(t.description, d.description) AS description
             FROM offer_quarters oq
             JOIN quarters q ON q.id = oq.quarter_id
             JOIN quarter_texts d ON d.quarter_id = q.id AND d.locale = 'de'
             LEFT JOIN quarter_texts t ON t.quarter_id = q.id AND t.locale = $2
             WHERE oq.offer_id = $1 ORDER BY name",
        )
        .bind(r.id)
        .bind(locale)
        .fetch_all(&self.pool)
        .await?;

        Ok(OfferDetail {
            id: r.id,
            schedules,
            upcoming: Vec::new(),
            today: NaiveDate::MIN,
            url: String::new(),
            short_url: String::new(),
            qr_svg: None,
            json_ld: String::new(),
            audiences: audiences.iter().map(|a| decode("audience", a)).collect::<Result<_, _>>()?,
            languages,
            quarters: quarters
                .into_iter()
                .map(|q| QuarterSummary {
                    slug: q.slug,
                    lang: q.lang,
                    name: q.name,
                    description: q.description,
                })
                .collect(),
            slug: r.slug,
            lang: r.lang,
            title: r.title,
            description: r.description,
            easy_description: r.easy_description,
            category: decode("category", &r.category)?,
            ages: age_range(r.age_min, r.age_max)?,
            cost: match (r.is_free != 0, r.cost_text) {
                (true, _) => Cost::Free,
                (false, text) => Cost::Amount(text.unwrap_or_default()),
            },
            registration: Registration { required: r.registration_required != 0, how: r.registration_text },
            contact: Contact { name: r.contact_name, phone: r.contact_phone, email: r.contact_email },
            last_confirmed: decode("last_confirmed", &r.last_confirmed)?,
            place: Place {
                slug: r.place_slug,
                name: r.place_name,
                address: Address { street: r.place_street, postcode: r.place_postcode, city: r.place_city },
                coordinates: r.latitude.zip(r.longitude).map(|(lat, lon)| Coordinates { lat, lon }),
                access: Accessibility {
                    step_free: r.step_free != 0,
                    accessible_toilet: r.accessible_toilet != 0,
                },
                opening_hours: r.opening_hours,
            },
            organisation: Organisation {
                slug: r.org_slug,
                name: r.org_name,
                kind: decode("organisation kind", &r.org_kind)?,
                phone: r.org_phone,
                email: r.org_email,
                website: r.org_website,
                description: r.org_description,
            },
        })
    }
}
