//! Case types (zaaktypen): what a case of each kind goes through, per tenant.
//!
//! The national template lives in `tenants/_default/case_types.toml`; a tenant may override
//! fields of a template type, disable it, or add its own in `tenants/<slug>/case_types.toml`.
//! A case type shared through a collaboration is handled by the collaboration's host for its
//! members ([`CaseType::handled_by`]).

mod categories;
mod load;
mod report;

use std::{
    collections::{BTreeMap, BTreeSet},
    sync::Arc,
};

use loket_kernel::{Confidentiality, Loa, TenantId};
use serde::Deserialize;

pub use load::load;
pub use report::{FieldType, FieldValue, FormField, ReportCategory};

/// Whether an outcome grants what was asked, refuses it, or neither; the integral view flags
/// a conflict when positive and negative decisions meet at one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    /// Granted, fully or partly.
    Positive,
    /// Refused or not admitted.
    Negative,
    /// Withdrawn, settled, no decision on the merits.
    Neutral,
}

impl Effect {
    /// As written in configuration and events.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Positive => "positive",
            Self::Negative => "negative",
            Self::Neutral => "neutral",
        }
    }
}

/// A step a case goes through, as the resident sees it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusType {
    /// Code, unique within the case type.
    pub code: String,
    /// The public name, for example "In behandeling".
    pub name: String,
    /// What this step means for the resident.
    pub explanation: String,
    /// Whether reaching this status ends the case.
    #[serde(default)]
    pub end: bool,
    /// The statuses that may follow; by default any later status that does not end the case.
    #[serde(default)]
    pub next: Option<Vec<String>>,
}

/// A possible outcome (resultaat) of a case.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// Code, unique within the case type.
    pub code: String,
    /// The public name, for example "Verleend".
    pub name: String,
    /// Granted, refused or neither.
    pub effect: Effect,
}

/// A case type as one tenant uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseType {
    /// Code, also the policy path segment: `case/<code>/status`.
    pub code: String,
    /// Public name.
    pub name: String,
    /// The catalogue products whose request starts a case of this type.
    pub products: Vec<String>,
    /// The back-office department that handles it.
    pub department: String,
    /// How confidential its cases are; staff see them up to their role's ceiling.
    pub confidentiality: Confidentiality,
    /// Handling period in days: calendar days, or working days where `working_days` is set.
    pub handling_days: u32,
    /// Whether the handling period counts working days (reports about public space) rather
    /// than calendar days (the legal periods of applications).
    pub working_days: bool,
    /// Most days a case may be suspended in total (0: suspension not allowed).
    pub suspension_max_days: u32,
    /// Most days the handling period may be extended in total (0: not allowed).
    pub extension_max_days: u32,
    /// Minimum level of assurance to submit online; `None`: not online, at a desk only.
    pub online_loa: Option<Loa>,
    /// Whether applications and decisions are published (bekendmaking) with their address,
    /// so residents who subscribed to "permits near me" hear of them. No personal data goes
    /// with it.
    pub public_notice: bool,
    /// Statuses in order; the first is where a case starts.
    pub statuses: Vec<StatusType>,
    /// Possible outcomes.
    pub outcomes: Vec<Outcome>,
    /// Set when this is a category of reports about public space.
    pub report: Option<ReportCategory>,
    /// The tenant whose staff handle it: the tenant itself, or a collaboration's host.
    pub handled_by: TenantId,
}

impl CaseType {
    /// The status a new case starts in.
    pub fn initial(&self) -> &StatusType {
        // `load` refuses a case type without statuses.
        &self.statuses[0]
    }

    /// The status with this code.
    pub fn status(&self, code: &str) -> Option<&StatusType> {
        self.statuses.iter().find(|s| s.code == code)
    }

    /// The outcome with this code.
    pub fn outcome(&self, code: &str) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.code == code)
    }

    /// The status a decision moves a case to: the first that ends it.
    pub fn closing(&self) -> &StatusType {
        self.statuses
            .iter()
            .find(|s| s.end)
            .unwrap_or_else(|| self.initial())
    }

    /// Whether `setCaseStatus` may move a case from `from` to `to`. End statuses are reached
    /// by deciding the case, never by a status change.
    pub fn allows(&self, from: &str, to: &str) -> bool {
        let position = |code: &str| self.statuses.iter().position(|s| s.code == code);
        let (Some(i), Some(j)) = (position(from), position(to)) else {
            return false;
        };
        let (current, target) = (&self.statuses[i], &self.statuses[j]);
        if current.end || target.end || i == j {
            return false;
        }
        match &current.next {
            Some(next) => next.iter().any(|n| n == to),
            None => j > i,
        }
    }
}

/// Every tenant's case types.
#[derive(Debug, Clone, Default)]
pub struct CaseTypes {
    by_tenant: BTreeMap<TenantId, BTreeMap<String, Arc<CaseType>>>,
    national: BTreeSet<String>,
}

impl CaseTypes {
    /// The case type `code` of `tenant`.
    pub fn get(&self, tenant: &TenantId, code: &str) -> Option<&Arc<CaseType>> {
        self.by_tenant.get(tenant)?.get(code)
    }

    /// The case types of `tenant`, by code.
    pub fn of(&self, tenant: &TenantId) -> impl Iterator<Item = &Arc<CaseType>> {
        self.by_tenant
            .get(tenant)
            .into_iter()
            .flat_map(|m| m.values())
    }

    /// The codes of the national template's case types, which every municipality shares
    /// (its own case types are not comparable with another's).
    pub fn national(&self) -> &BTreeSet<String> {
        &self.national
    }

    /// The case type of `tenant` that handles requests for `product`.
    pub fn for_product(&self, tenant: &TenantId, product: &str) -> Option<&Arc<CaseType>> {
        self.of(tenant)
            .find(|t| t.products.iter().any(|p| p == product))
    }
}
