//! Who may do what with the cases of one case type in one domain: decided once per request
//! and case type from the capabilities, then consulted per case and field.

use std::collections::HashMap;

use loket_kernel::{Action, Actor, Ctx, TenantId};

use crate::CaseType;

/// What the caller may do with cases of one type in one domain.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeAccess {
    /// See that the case exists, its type, dates and reference.
    pub read: bool,
    /// Its current status and timeline.
    pub status: bool,
    /// Its decision.
    pub outcome: bool,
    /// Public explanations with status changes.
    pub public_notes: bool,
    /// Internal notes, internal remarks and who did what.
    pub internal_notes: bool,
    /// Who handles it.
    pub assignment: bool,
    /// Start a new case.
    pub create: bool,
    /// Change its status, suspend or extend it.
    pub update: bool,
    /// Decide it.
    pub decide: bool,
    /// Add internal notes.
    pub note: bool,
    /// Assign a handler.
    pub assign: bool,
}

impl TypeAccess {
    /// Decides for `case_type` in `domain`. Staff see case types up to their confidentiality
    /// ceiling; only the tenant that handles a case type (itself, or a collaboration's host)
    /// may change its cases. A citizen's access still needs the case to be their own.
    pub fn decide(ctx: &Ctx, domain: &TenantId, case_type: &CaseType) -> Self {
        let Some(caps) = ctx.capabilities_in(domain) else {
            return Self::default();
        };
        let (own_domain, within_ceiling) = match ctx.actor() {
            Actor::Citizen { .. } => (domain == ctx.tenant(), true),
            Actor::Anonymous => (false, false),
            Actor::Employee { .. } | Actor::App { .. } => {
                (true, caps.ceiling() >= Some(case_type.confidentiality))
            }
        };
        if !own_domain {
            return Self::default();
        }
        let code = &case_type.code;
        let allows = |suffix: &str, action| caps.allows(&format!("case/{code}{suffix}"), action);
        // Starting a case on a resident's behalf does not need the right to read it back:
        // the counter may start a medical case it may not look into.
        let create = allows("", Action::Create);
        if !within_ceiling {
            return Self {
                create,
                ..Self::default()
            };
        }
        let read = allows("", Action::Read);
        let handles = &case_type.handled_by == ctx.tenant();
        let works = read && handles && !matches!(ctx.actor(), Actor::Citizen { .. });
        Self {
            read,
            status: read && allows("/status", Action::Read),
            outcome: read && allows("/outcome", Action::Read),
            public_notes: read && allows("/public-notes", Action::Read),
            internal_notes: read && allows("/internal-notes", Action::Read),
            assignment: read && allows("/assignment", Action::Read),
            create,
            update: works && allows("/status", Action::Update),
            decide: works && allows("", Action::Decide),
            note: works && allows("/internal-notes", Action::Create),
            assign: works && allows("/assignment", Action::Update),
        }
    }
}

/// [`TypeAccess`] per (domain, case type), decided on first use within one request.
#[derive(Default)]
pub(crate) struct AccessTable {
    decided: HashMap<(TenantId, String), TypeAccess>,
}

impl AccessTable {
    /// The access to `case_type` in `domain`.
    pub(crate) fn get(&mut self, ctx: &Ctx, domain: &TenantId, case_type: &CaseType) -> TypeAccess {
        *self
            .decided
            .entry((domain.clone(), case_type.code.clone()))
            .or_insert_with(|| TypeAccess::decide(ctx, domain, case_type))
    }
}

/// The domains whose cases the caller may reach: their own tenant, and the members of a
/// collaboration their tenant hosts.
pub(crate) fn domains(ctx: &Ctx) -> Vec<TenantId> {
    let mut out = vec![ctx.tenant().clone()];
    out.extend(ctx.delegated_domains().cloned());
    out.sort();
    out
}
