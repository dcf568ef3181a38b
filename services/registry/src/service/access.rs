//! Who may reach which resident, and through which domain's decisions.
//!
//! Staff reach residents of their own municipality with their own tenant's capabilities, and
//! residents of a collaboration's member municipality with the capabilities the collaboration
//! delegates (its shared objects only). Citizens reach only themselves. Anyone else gets
//! `NOT_FOUND`, so a resident's existence is not revealed across municipalities.

use loket_kernel::{Action, Actor, Capabilities, Ctx, TenantId, config::TenantSet};

use crate::RegistryError;

/// The field groups of a person, each guarded by its own policy object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// Names.
    Name,
    /// Birth date and place.
    Birth,
    /// Current address and municipality of residence.
    Address,
    /// Travel documents.
    Documents,
    /// Nationality and residence permit.
    ResidencePermit,
}

impl Group {
    /// Every group.
    pub const ALL: [Group; 5] = [
        Self::Name,
        Self::Birth,
        Self::Address,
        Self::Documents,
        Self::ResidencePermit,
    ];

    /// The policy object.
    pub const fn object(self) -> &'static str {
        match self {
            Self::Name => "person/name",
            Self::Birth => "person/birth",
            Self::Address => "person/address",
            Self::Documents => "person/documents",
            Self::ResidencePermit => "person/residence-permit",
        }
    }
}

/// The tenant whose municipality has this CBS code.
pub(crate) fn tenant_of(tenants: &TenantSet, municipality_code: &str) -> Option<TenantId> {
    tenants
        .tenants
        .values()
        .find(|t| t.municipality_code.as_str() == municipality_code)
        .map(|t| t.slug.clone())
}

/// The capabilities that apply when `ctx` looks at a resident of `municipality_code` with
/// BSN `bsn`, or `NOT_FOUND` when the resident is out of reach.
pub(crate) fn reach<'a>(
    ctx: &'a Ctx,
    tenants: &TenantSet,
    bsn: &str,
    municipality_code: &str,
) -> Result<Reach<'a>, RegistryError> {
    match ctx.actor() {
        Actor::Citizen { bsn: own, .. } if own.as_str() == bsn => Ok(Reach {
            domain: ctx.tenant().clone(),
            ctx,
        }),
        Actor::Citizen { .. } | Actor::Anonymous => Err(RegistryError::NotFound),
        Actor::Employee { .. } | Actor::App { .. } => {
            let home = tenant_of(tenants, municipality_code).ok_or(RegistryError::NotFound)?;
            let reachable = &home == ctx.tenant() || ctx.delegated_domains().any(|d| d == &home);
            if reachable {
                Ok(Reach { domain: home, ctx })
            } else {
                Err(RegistryError::NotFound)
            }
        }
    }
}

/// A resident within reach, and how to decide on their field groups.
pub(crate) struct Reach<'a> {
    domain: TenantId,
    ctx: &'a Ctx,
}

impl Reach<'_> {
    /// The domain whose decisions apply.
    pub(crate) fn domain(&self) -> &TenantId {
        &self.domain
    }

    /// Whether the resident is reached through a collaboration rather than as the caller's
    /// own municipality's resident.
    pub(crate) fn delegated(&self) -> bool {
        &self.domain != self.ctx.tenant()
    }

    /// Whether `group` may be read.
    pub(crate) fn can_read(&self, group: Group) -> bool {
        self.ctx.can_in(&self.domain, group.object(), Action::Read)
    }

    /// Whether `action` on `object` is allowed for this resident.
    pub(crate) fn can(&self, object: &str, action: Action) -> bool {
        self.ctx.can_in(&self.domain, object, action)
    }
}

/// Whether the caller may read persons at all in its own tenant (for a clear `FORBIDDEN` to
/// roles such as managers, rather than a `NOT_FOUND` that suggests a wrong number).
pub(crate) fn may_read_persons(caps: &Capabilities) -> bool {
    Group::ALL
        .iter()
        .any(|g| caps.allows(g.object(), Action::Read))
}
