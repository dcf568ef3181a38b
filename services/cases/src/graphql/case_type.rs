//! The public description of a case type: what a frontend shows a resident before and
//! while they apply.

use std::sync::Arc;

use async_graphql::{Enum, Object, SimpleObject};

use crate::{CaseType, Effect};

/// Whether an outcome grants, refuses, or neither.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "OutcomeEffect")]
pub enum GqlEffect {
    /// Granted, fully or partly.
    Positive,
    /// Refused or not admitted.
    Negative,
    /// Withdrawn or settled.
    Neutral,
}

impl From<Effect> for GqlEffect {
    fn from(e: Effect) -> Self {
        match e {
            Effect::Positive => Self::Positive,
            Effect::Negative => Self::Negative,
            Effect::Neutral => Self::Neutral,
        }
    }
}

/// A step of a case type.
#[derive(SimpleObject)]
pub struct StatusTypeInfo {
    /// Code.
    code: String,
    /// Public name.
    name: String,
    /// What the step means for the resident.
    explanation: String,
    /// Whether it ends the case.
    end: bool,
    /// The statuses a status change may move a case to from here, in order (end statuses are
    /// reached by deciding the case). A frontend shows the way ahead with it: a status
    /// whose only way on is back to an earlier one is a side step.
    next: Vec<String>,
}

/// A possible outcome.
#[derive(SimpleObject)]
pub struct OutcomeInfo {
    /// Code.
    code: String,
    /// Public name.
    name: String,
    /// Granted, refused or neither.
    effect: GqlEffect,
}

/// A case type as the tenant uses it.
pub struct CaseTypeInfo(pub Arc<CaseType>);

#[Object(name = "CaseType")]
impl CaseTypeInfo {
    /// Code, for example `building-permit`.
    async fn code(&self) -> &str {
        &self.0.code
    }

    /// Public name.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The catalogue products that start it.
    async fn products(&self) -> &[String] {
        &self.0.products
    }

    /// The department that handles it.
    async fn department(&self) -> &str {
        &self.0.department
    }

    /// Legal handling period in calendar days.
    async fn handling_days(&self) -> u32 {
        self.0.handling_days
    }

    /// Most days a case may be suspended in all (0: not allowed).
    async fn suspension_max_days(&self) -> u32 {
        self.0.suspension_max_days
    }

    /// Most days the period may be extended in all (0: not allowed).
    async fn extension_max_days(&self) -> u32 {
        self.0.extension_max_days
    }

    /// Minimum login level to apply online (`low`, `substantial`, `high`); null: at the
    /// counter only.
    async fn online_level_of_assurance(&self) -> Option<&'static str> {
        self.0.online_loa.map(loket_kernel::Loa::as_str)
    }

    /// Confidentiality level (ZGW).
    async fn confidentiality(&self) -> &'static str {
        self.0.confidentiality.as_str()
    }

    /// The tenant whose staff handle it (a collaboration's host, or the tenant itself).
    async fn handled_by(&self) -> &str {
        self.0.handled_by.as_str()
    }

    /// Whether applications and decisions are published with their address, so that
    /// residents subscribed to "permits near me" hear of them.
    async fn public_notice(&self) -> bool {
        self.0.public_notice
    }

    /// The steps in order.
    async fn statuses(&self) -> Vec<StatusTypeInfo> {
        let all = &self.0.statuses;
        all.iter()
            .map(|s| StatusTypeInfo {
                code: s.code.clone(),
                name: s.name.clone(),
                explanation: s.explanation.clone(),
                end: s.end,
                next: all
                    .iter()
                    .filter(|to| self.0.allows(&s.code, &to.code))
                    .map(|to| to.code.clone())
                    .collect(),
            })
            .collect()
    }

    /// The possible outcomes.
    async fn outcomes(&self) -> Vec<OutcomeInfo> {
        self.0
            .outcomes
            .iter()
            .map(|o| OutcomeInfo {
                code: o.code.clone(),
                name: o.name.clone(),
                effect: o.effect.into(),
            })
            .collect()
    }
}
