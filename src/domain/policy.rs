//! Who may do what: the one place that decides, used by every server function that reads staff
//! data or changes anything. Pure, so the whole table is unit tested.

use super::staff::{Actor, Role};
use serde::{Deserialize, Serialize};

/// Something a staff member wants to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    CreateOffer,
    EditOffer,
    PublishOffer,
    ArchiveOffer,
    /// Undo a delete (archive): administrators only.
    RestoreOffer,
    ConfirmOffer,
    ApproveOffer,
    /// See drafts, internal notes and the staff lists.
    ReadDrafts,
    CreatePlace,
    EditPlace,
    CreateOrganisation,
    EditOrganisation,
    /// Whether an organisation's editors publish directly or wait for approval.
    SetOrganisationApproval,
    EditQuarter,
    ManageUsers,
    /// List the kiosk screens' addresses and device commands.
    ManageKiosks,
    ReadAudit,
    /// See the coverage analysis of every quarter (aggregates of published offers).
    ReadCoverage,
    /// Configure organisations' calendars and import them (administrators only: the server
    /// fetches the addresses they enter).
    ManageCalendars,
    /// Export the whole city as a document, or import one (administrators only).
    ExchangeData,
    /// The city's name, logos, accent colour and funding line on public pages (administrators only).
    EditIdentity,
}

/// What the object of an action belongs to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scope {
    /// The organisation running the offer or owning the place, or the organisation itself.
    pub organisation: Option<i64>,
    /// The quarters the object is in.
    pub quarters: Vec<i64>,
    /// The offer is live on the public board (editors' changes to it may need approval).
    pub published: bool,
    /// The organisation lets its editors publish without approval.
    pub editors_publish: bool,
}

/// The answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    Allow,
    /// Allowed as a submission that waits for a coordinator's approval.
    Submit,
    Deny,
}

impl Decision {
    pub fn allowed(self) -> bool {
        self != Decision::Deny
    }
}

/// Decides `action` on an object with `scope` for `actor` (`None`: not signed in).
pub fn decide(actor: Option<&Actor>, action: Action, scope: &Scope) -> Decision {
    use Action::*;
    let Some(actor) = actor else { return Decision::Deny };
    let allow = |yes: bool| if yes { Decision::Allow } else { Decision::Deny };
    match actor.role {
        Role::Admin => Decision::Allow,
        Role::Guide => allow(action == ReadDrafts),
        Role::Coordinator => {
            // Reading needs one quarter in common; changing needs every quarter of the object to
            // be the coordinator's, so nobody reaches another quarter's board or an organisation
            // that also works elsewhere.
            let touches_mine = scope.quarters.iter().any(|q| actor.quarters.contains(q));
            let all_mine =
                !scope.quarters.is_empty() && scope.quarters.iter().all(|q| actor.quarters.contains(q));
            match action {
                RestoreOffer | EditQuarter | ManageUsers | ManageKiosks | ManageCalendars | ExchangeData
                | EditIdentity => Decision::Deny,
                ReadDrafts | CreateOrganisation if scope.quarters.is_empty() => Decision::Allow,
                ReadCoverage => Decision::Allow,
                ReadDrafts | ReadAudit => allow(touches_mine),
                _ => allow(all_mine),
            }
        }
        Role::Editor => {
            let mine = scope.organisation.is_some() && scope.organisation == actor.organisation;
            let needs_approval = !scope.editors_publish;
            match action {
                ReadDrafts if scope.organisation.is_none() => Decision::Allow,
                CreateOffer | ConfirmOffer | ArchiveOffer | CreatePlace | EditPlace | EditOrganisation
                | ReadDrafts => allow(mine),
                EditOffer if mine && needs_approval && scope.published => Decision::Submit,
                PublishOffer if mine && needs_approval => Decision::Submit,
                EditOffer | PublishOffer => allow(mine),
                RestoreOffer
                | ApproveOffer
                | CreateOrganisation
                | SetOrganisationApproval
                | EditQuarter
                | ManageUsers
                | ManageKiosks
                | ReadAudit
                | ReadCoverage
                | ManageCalendars
                | ExchangeData
                | EditIdentity => Decision::Deny,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use Decision::*;

    fn actor(role: Role, organisation: Option<i64>, quarters: Vec<i64>) -> Actor {
        Actor { user_id: 1, email: "x@y.de".into(), name: "X".into(), role, organisation, quarters }
    }

    /// Organisation 1 in quarter 10, organisation 2 in quarter 20.
    fn of(org: i64, published: bool, editors_publish: bool) -> Scope {
        Scope { organisation: Some(org), quarters: vec![org * 10], published, editors_publish }
    }

    /// Nobody who is not signed in may do anything.
    #[test]
    fn anonymous_is_denied_everything() {
        for a in [
            CreateOffer,
            EditOffer,
            PublishOffer,
            ReadDrafts,
            ManageUsers,
            ManageKiosks,
            ReadAudit,
            ReadCoverage,
            ManageCalendars,
            ExchangeData,
        ] {
            assert_eq!(decide(None, a, &of(1, false, true)), Deny);
        }
    }

    /// Editors act on their own organisation only; approval-required organisations turn
    /// publishing and editing live offers into submissions.
    #[test]
    fn editor_scope_and_approval() {
        let ed = actor(Role::Editor, Some(1), vec![]);
        assert_eq!(decide(Some(&ed), EditOffer, &of(1, true, true)), Allow);
        assert_eq!(decide(Some(&ed), EditOffer, &of(2, true, true)), Deny);
        assert_eq!(decide(Some(&ed), EditOffer, &of(1, true, false)), Submit);
        assert_eq!(decide(Some(&ed), EditOffer, &of(1, false, false)), Allow);
        assert_eq!(decide(Some(&ed), PublishOffer, &of(1, false, false)), Submit);
        assert_eq!(decide(Some(&ed), PublishOffer, &of(1, false, true)), Allow);
        for a in [
            ApproveOffer,
            RestoreOffer,
            ManageUsers,
            ManageKiosks,
            EditQuarter,
            SetOrganisationApproval,
            ReadAudit,
            ReadCoverage,
            ManageCalendars,
            ExchangeData,
            EditIdentity,
        ] {
            assert_eq!(decide(Some(&ed), a, &of(1, false, true)), Deny, "{a:?}");
        }
    }

    /// Coordinators act inside their quarters, never on users, quarters or restores.
    #[test]
    fn coordinator_scope() {
        let co = actor(Role::Coordinator, None, vec![10]);
        for a in [CreateOffer, EditOffer, PublishOffer, ArchiveOffer, ApproveOffer, EditPlace, ReadAudit] {
            assert_eq!(decide(Some(&co), a, &of(1, true, false)), Allow, "{a:?} inside");
            assert_eq!(decide(Some(&co), a, &of(2, true, false)), Deny, "{a:?} outside");
        }
        for a in [RestoreOffer, ManageUsers, EditQuarter, ManageCalendars, ExchangeData, EditIdentity] {
            assert_eq!(decide(Some(&co), a, &of(1, true, true)), Deny, "{a:?}");
        }
        assert_eq!(
            decide(Some(&co), CreateOrganisation, &Scope::default()),
            Allow,
            "new actors in the quarter"
        );
        assert_eq!(decide(Some(&co), ReadCoverage, &Scope::default()), Allow, "every quarter, to compare");
        let shared = Scope { organisation: Some(2), quarters: vec![10, 20], ..Default::default() };
        for a in [CreateOffer, EditOffer, PublishOffer, EditOrganisation, SetOrganisationApproval, EditPlace]
        {
            assert_eq!(decide(Some(&co), a, &shared), Deny, "{a:?} reaching into quarter 20");
        }
        assert_eq!(decide(Some(&co), ReadDrafts, &shared), Allow, "reading what touches quarter 10");
        assert_eq!(decide(Some(&co), EditOrganisation, &Scope::default()), Deny, "an organisation nowhere");
    }

    /// Guides read drafts and nothing else; administrators may do everything.
    #[test]
    fn guide_and_admin() {
        let guide = actor(Role::Guide, None, vec![]);
        assert_eq!(decide(Some(&guide), ReadDrafts, &of(2, false, true)), Allow);
        assert_eq!(decide(Some(&guide), EditOffer, &of(2, false, true)), Deny);
        assert_eq!(decide(Some(&guide), ReadCoverage, &Scope::default()), Deny);
        assert_eq!(decide(Some(&guide), ManageCalendars, &Scope::default()), Deny);
        let admin = actor(Role::Admin, None, vec![]);
        for a in [RestoreOffer, ManageUsers, EditQuarter, EditOffer, ReadAudit, ReadCoverage, ManageCalendars]
        {
            assert_eq!(decide(Some(&admin), a, &of(2, true, false)), Allow);
        }
    }
}
