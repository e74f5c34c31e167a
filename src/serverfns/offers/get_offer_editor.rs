//! Everything the offer editor shows: the form (or the one just posted, with its problems),
//! the choices, what the caller may do, a conflict or a pending submission.

use crate::domain::category::OfferStatus;
use crate::domain::offer_form::diff::FieldDiff;
use crate::domain::offer_form::{FormOptions, OfferForm};
use crate::domain::schedule::validate::FieldIssue;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the caller may do with the offer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorRights {
    pub edit: bool,
    /// Publishing goes live at once (`false`: it is a request for approval).
    pub publish_directly: bool,
    pub publish: bool,
    pub archive: bool,
    pub approve: bool,
    pub restore: bool,
    pub audit: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferEditor {
    pub id: Option<i64>,
    pub form: OfferForm,
    pub issues: Vec<FieldIssue>,
    /// What the saved schedules will skip ("the 31st is not in every month"), shown each time.
    pub warnings: Vec<FieldIssue>,
    pub options: FormOptions,
    pub status: OfferStatus,
    pub version: i64,
    pub last_confirmed: Option<chrono::NaiveDate>,
    /// The save hit a newer version: what differs between the saved one (`a`) and the form (`b`).
    pub conflict: Option<Vec<FieldDiff>>,
    /// Changes waiting for approval: what differs between the live offer (`a`) and them (`b`).
    pub pending: Option<Vec<FieldDiff>>,
    pub rights: EditorRights,
    /// Content locales other than German, with whether their translation is stale.
    pub translations: Vec<(String, bool)>,
    /// The public card of the saved offer.
    pub preview: Option<crate::domain::offer::OfferSummary>,
    pub today: chrono::NaiveDate,
}

/// The editor of offer `id`, or of a new offer when `None`.
#[server]
pub async fn get_offer_editor(id: Option<i64>) -> Result<OfferEditor, AppError> {
    use crate::domain::offer_form::diff::diff;
    use crate::domain::policy::{decide, Action, Decision};
    let staff = crate::auth::staff().await?;
    let actor = staff.actor()?.clone();
    let db = super::super::db()?;
    let mut options = db.get_form_options().await?;
    if actor.role == crate::domain::staff::Role::Editor {
        let mine = db.get_stored_organisation_slug(actor.organisation.unwrap_or_default()).await?;
        options.organisations.retain(|o| o.slug == mine);
    }
    let flash = crate::serverfns::flash::kept::<OfferForm>(&staff.auth.session, "offer", id).await;
    let locales: Vec<String> =
        crate::editing::locales().into_iter().filter(|l| *l != "de").map(String::from).collect();
    let Some(id) = id else {
        staff.require(Action::ReadDrafts, &Default::default())?;
        let organisation = options.organisations.first().map(|o| o.slug.clone()).unwrap_or_default();
        let form = OfferForm { organisation, ..Default::default() };
        let (form, issues) = flash.map_or((form, vec![]), |f| (f.form, f.issues));
        return Ok(OfferEditor {
            id: None,
            form,
            issues,
            warnings: vec![],
            options,
            status: OfferStatus::Draft,
            version: 0,
            last_confirmed: None,
            conflict: None,
            pending: None,
            rights: super::get_offer_editor::EditorRights { edit: true, ..Default::default() },
            translations: locales.into_iter().map(|l| (l, false)).collect(),
            preview: None,
            today: crate::clock::local_now(super::super::calendar()?.tz).date(),
        });
    };
    let stored = db.get_stored_offer(id).await?;
    staff.require(Action::ReadDrafts, &stored.scope)?;
    let can = |a: Action| decide(Some(&actor), a, &stored.scope);
    let saved = OfferForm::from_record(&stored.record, stored.version);
    let pending = db
        .get_submission(id)
        .await?
        .map(|s| diff(&saved, &OfferForm::from_record(&s.record, stored.version)));
    let (mut form, issues, conflict) = match flash {
        Some(f) if f.conflict => {
            let d = diff(&saved, &f.form);
            (f.form, f.issues, Some(d))
        }
        Some(f) => (f.form, f.issues, None),
        None => (saved, vec![], None),
    };
    if conflict.is_some() {
        form.version = stored.version.to_string();
    }
    let settings = super::super::calendar()?;
    let warnings = match conflict.is_none() && issues.is_empty() {
        true => crate::domain::schedule::validate::warnings_of(&stored.record.schedules, &Default::default()),
        false => vec![],
    };
    let preview = Some(crate::editing::preview::preview(&db, &settings, &stored).await?);
    let german = stored.text_dates.get("de").cloned().flatten();
    let translations = locales
        .into_iter()
        .map(|l| {
            let state = crate::domain::staff_offer::translation_state(
                german.as_deref(),
                stored.text_dates.get(&l).map(|d| d.as_deref()),
            );
            (l, state == crate::domain::staff_offer::Translation::Stale)
        })
        .collect();
    Ok(OfferEditor {
        id: Some(id),
        form,
        issues,
        warnings,
        options,
        status: stored.record.status,
        version: stored.version,
        last_confirmed: Some(stored.record.last_confirmed),
        conflict,
        pending,
        rights: EditorRights {
            edit: can(Action::EditOffer).allowed(),
            publish_directly: can(Action::PublishOffer) == Decision::Allow,
            publish: can(Action::PublishOffer).allowed(),
            archive: can(Action::ArchiveOffer).allowed(),
            approve: can(Action::ApproveOffer).allowed(),
            restore: can(Action::RestoreOffer).allowed(),
            audit: can(Action::ReadAudit).allowed(),
        },
        translations,
        preview,
        today: crate::clock::local_now(settings.tz).date(),
    })
}
