//! What other services may learn about cases and products without depending on the case or
//! catalogue crate: the facts the case service's book answers with (the lookup itself,
//! `loket_store::lookups::CaseBook`, runs in the request's session), and [`ProductNames`],
//! which the catalogue implements from memory.

use crate::TenantId;

/// How well one case type's deadlines were kept in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineFigures {
    /// Case type code.
    pub case_type: String,
    /// Case type name.
    pub name: String,
    /// The handling period in days.
    pub handling_days: u32,
    /// Whether the period counts working days (report categories) rather than calendar days.
    pub working_days: bool,
    /// For a category of reports about public space, its main category's name; none for
    /// applications and complaints.
    pub report_group: Option<String>,
    /// Cases closed in the period.
    pub closed: i64,
    /// Of those, closed on or before their deadline.
    pub on_time: i64,
}

/// Why the case service could not answer.
#[derive(Debug, thiserror::Error)]
#[error("case lookup failed: {0}")]
pub struct CaseBookError(pub String);

/// Product names from the catalogue.
pub trait ProductNames: Send + Sync {
    /// The name of the product `code` as `tenant` offers it, if it does.
    fn product_name(&self, tenant: &TenantId, code: &str) -> Option<String>;
}
