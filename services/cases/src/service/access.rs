//! Who may do what with the cases of one case type in one domain: decided once per request
//! and case type from the capabilities (by the kernel's shared rule), then consulted per case
//! and field.

use std::collections::HashMap;

use loket_kernel::{
    Ctx, TenantId,
    disclosure::{CaseAccess, CaseTypeFacts},
};

use crate::CaseType;

/// What the caller may do with cases of one type in one domain (decided by
/// [`loket_kernel::disclosure::CaseAccess::decide`], shared with the notification service).
pub type TypeAccess = CaseAccess;

impl CaseTypeFacts for CaseType {
    fn code(&self) -> &str {
        &self.code
    }
    fn confidentiality(&self) -> loket_kernel::Confidentiality {
        self.confidentiality
    }
    fn handled_by(&self) -> &TenantId {
        &self.handled_by
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
