//! What other services may learn about cases and products without depending on the case or
//! catalogue crate: the case service implements [`CaseBook`], the catalogue [`ProductNames`];
//! the gateway hands them to the contact centre, which links a contact to a case or a product
//! and reports how well case deadlines were kept.

use chrono::NaiveDate;

use crate::{TenantId, directory::BoxFuture};

/// How well one case type's deadlines were kept in a period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineFigures {
    /// Case type code.
    pub case_type: String,
    /// Case type name.
    pub name: String,
    /// The legal handling period in days.
    pub handling_days: u32,
    /// Cases closed in the period.
    pub closed: i64,
    /// Of those, closed on or before their deadline.
    pub on_time: i64,
}

/// Why the case service could not answer.
#[derive(Debug, thiserror::Error)]
#[error("case lookup failed: {0}")]
pub struct CaseBookError(pub String);

/// Case facts for other services. Implementations do no policy checks: what they return is
/// either a yes/no or aggregates without personal data.
pub trait CaseBook: Send + Sync {
    /// Whether `tenant` owns a case with this reference.
    fn exists<'a>(
        &'a self,
        tenant: &'a TenantId,
        reference: &'a str,
    ) -> BoxFuture<'a, Result<bool, CaseBookError>>;

    /// Per case type of `tenant`, the cases it owns that closed from `from` to `to`
    /// (inclusive), and how many of them on time.
    fn deadline_figures<'a>(
        &'a self,
        tenant: &'a TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'a, Result<Vec<DeadlineFigures>, CaseBookError>>;
}

/// Product names from the catalogue.
pub trait ProductNames: Send + Sync {
    /// The name of the product `code` as `tenant` offers it, if it does.
    fn product_name(&self, tenant: &TenantId, code: &str) -> Option<String>;
}
