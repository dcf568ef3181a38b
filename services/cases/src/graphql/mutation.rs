//! Mutation roots for cases. Each takes one `input` and returns a payload with the case(s) as
//! the caller may now see them.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result, SimpleObject};
use loket_kernel::{global_id, graphql::to_gql};
use loket_store::graphql::request;

use super::{case::Case, query::case_key};
use crate::{BundleResult, Cases, Change, Channel, NewCase, StatusChange, Submission};

/// Mutation root for cases.
#[derive(Default)]
pub struct CasesMutation;

/// A resident's request for one or more products.
#[derive(InputObject)]
pub struct SubmitRequestInput {
    /// Catalogue product codes, for example `["omgevingsvergunning", "uitritvergunning"]`.
    products: Vec<String>,
    /// A retry with the same key returns the first result instead of a second request.
    idempotency_key: Option<String>,
    /// The location (BAG id); your home address when left out.
    address_id: Option<String>,
    /// What you ask, in your own words.
    description: Option<String>,
}

/// The channel a resident used.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "CaseChannel")]
pub enum GqlChannel {
    /// At the counter.
    Counter,
    /// By phone.
    Phone,
    /// By e-mail.
    Email,
    /// By letter.
    Letter,
}

/// A case the front office starts for a resident.
#[derive(InputObject)]
pub struct StartCaseInput {
    /// The resident's BSN.
    bsn: String,
    /// The catalogue product asked for.
    product: String,
    /// How the resident reached the municipality.
    channel: GqlChannel,
    /// The location (BAG id); the resident's home address when left out.
    address_id: Option<String>,
    /// What the resident asks.
    description: Option<String>,
    /// A retry with the same key returns the first result.
    idempotency_key: Option<String>,
}

/// The cases one request created.
#[derive(SimpleObject)]
pub struct RequestPayload {
    /// Global id of the bundle.
    bundle_id: ID,
    /// Its cases.
    cases: Vec<Case>,
    /// True when an earlier call with the same idempotency key made them.
    replayed: bool,
}

impl RequestPayload {
    fn from(result: BundleResult) -> Self {
        let domain = result
            .cases
            .first()
            .map(|c| c.domain.to_string())
            .unwrap_or_default();
        Self {
            bundle_id: ID(global_id::encode(
                "Bundle",
                &format!("{domain}/{}", result.bundle_id),
            )),
            cases: result.cases.into_iter().map(Case).collect(),
            replayed: result.replayed,
        }
    }
}

/// A status change.
#[derive(InputObject)]
pub struct SetCaseStatusInput {
    /// The case.
    case_id: ID,
    /// The status to move to.
    status: String,
    /// The version you last saw; a different current version is `CONFLICT`.
    expected_version: i32,
    /// Shown to the resident with the new status.
    public_explanation: Option<String>,
    /// For colleagues only.
    internal_remark: Option<String>,
}

/// A decision.
#[derive(InputObject)]
pub struct DecideCaseInput {
    /// The case.
    case_id: ID,
    /// Outcome code of the case type.
    outcome: String,
    /// Why, for the resident.
    explanation: String,
    /// The version you last saw.
    expected_version: i32,
}

/// An internal note.
#[derive(InputObject)]
pub struct AddCaseNoteInput {
    /// The case.
    case_id: ID,
    /// The note.
    text: String,
}

/// An assignment.
#[derive(InputObject)]
pub struct AssignCaseInput {
    /// The case.
    case_id: ID,
    /// The handler (employee id); null releases the case.
    handler: Option<String>,
    /// The version you last saw.
    expected_version: i32,
}

/// A suspension or extension.
#[derive(InputObject)]
pub struct MoveDeadlineInput {
    /// The case.
    case_id: ID,
    /// Days, from 1 to what the case type allows (at most 365 at a time).
    days: i32,
    /// Why (required).
    reason: String,
    /// The version you last saw.
    expected_version: i32,
}

/// Reopening an ended report.
#[derive(InputObject)]
pub struct ReopenCaseInput {
    /// The case (a report about public space).
    case_id: ID,
    /// The version you last saw.
    expected_version: i32,
    /// Why, for the reporters (else the reopened status's own text).
    public_explanation: Option<String>,
}

/// A case after a change.
#[derive(SimpleObject)]
pub struct CasePayload {
    /// The case as you may now see it.
    case: Case,
}

async fn apply(
    ctx: &Context<'_>,
    case_id: &ID,
    expected_version: Option<i32>,
    change: Change,
) -> Result<CasePayload> {
    let (rctx, session) = request(ctx)?;
    let key = case_key(case_id)?;
    ctx.data::<Cases>()?
        .change(rctx, session, &key, expected_version, change)
        .await
        .map(|record| CasePayload { case: Case(record) })
        .map_err(|e| to_gql(&e))
}

#[Object]
impl CasesMutation {
    /// Ask for one or more products at once (residents); one case per product, in one bundle.
    async fn submit_request(
        &self,
        ctx: &Context<'_>,
        input: SubmitRequestInput,
    ) -> Result<RequestPayload> {
        let (rctx, session) = request(ctx)?;
        let submission = Submission {
            products: input.products,
            idempotency_key: input.idempotency_key,
            address_id: input.address_id,
            description: input.description,
        };
        ctx.data::<Cases>()?
            .submit_request(rctx, session, submission)
            .await
            .map(RequestPayload::from)
            .map_err(|e| to_gql(&e))
    }

    /// Start a case on a resident's behalf (front office), recording the channel.
    async fn start_case(&self, ctx: &Context<'_>, input: StartCaseInput) -> Result<RequestPayload> {
        let (rctx, session) = request(ctx)?;
        let new = NewCase {
            bsn: input.bsn,
            product: input.product,
            channel: match input.channel {
                GqlChannel::Counter => Channel::Counter,
                GqlChannel::Phone => Channel::Phone,
                GqlChannel::Email => Channel::Email,
                GqlChannel::Letter => Channel::Letter,
            },
            address_id: input.address_id,
            description: input.description,
            idempotency_key: input.idempotency_key,
        };
        ctx.data::<Cases>()?
            .start_case(rctx, session, new)
            .await
            .map(RequestPayload::from)
            .map_err(|e| to_gql(&e))
    }

    /// Move a case to another status its case type allows (back office).
    async fn set_case_status(
        &self,
        ctx: &Context<'_>,
        input: SetCaseStatusInput,
    ) -> Result<CasePayload> {
        let change = Change::Status(StatusChange {
            status: input.status,
            public_explanation: input.public_explanation,
            internal_remark: input.internal_remark,
        });
        apply(ctx, &input.case_id, Some(input.expected_version), change).await
    }

    /// Decide a case (back office): the outcome and its explanation; the case closes.
    async fn decide_case(&self, ctx: &Context<'_>, input: DecideCaseInput) -> Result<CasePayload> {
        let change = Change::Decide {
            outcome: input.outcome,
            explanation: input.explanation,
        };
        apply(ctx, &input.case_id, Some(input.expected_version), change).await
    }

    /// Add an internal note (back office).
    async fn add_case_note(
        &self,
        ctx: &Context<'_>,
        input: AddCaseNoteInput,
    ) -> Result<CasePayload> {
        apply(ctx, &input.case_id, None, Change::Note(input.text)).await
    }

    /// Assign a handler, or release the case with `handler: null`.
    async fn assign_case(&self, ctx: &Context<'_>, input: AssignCaseInput) -> Result<CasePayload> {
        let change = Change::Assign(input.handler);
        apply(ctx, &input.case_id, Some(input.expected_version), change).await
    }

    /// Suspend the handling period (for example while waiting for the resident); the deadline
    /// moves by the days given.
    async fn suspend_case(
        &self,
        ctx: &Context<'_>,
        input: MoveDeadlineInput,
    ) -> Result<CasePayload> {
        let days =
            loket_kernel::input::count("days", input.days, 1..=365).map_err(|e| to_gql(&e))?;
        let change = Change::Suspend {
            days,
            reason: input.reason,
        };
        apply(ctx, &input.case_id, Some(input.expected_version), change).await
    }

    /// Extend the handling period once the case type allows it; the deadline moves.
    async fn extend_case(
        &self,
        ctx: &Context<'_>,
        input: MoveDeadlineInput,
    ) -> Result<CasePayload> {
        let days =
            loket_kernel::input::count("days", input.days, 1..=365).map_err(|e| to_gql(&e))?;
        let change = Change::Extend {
            days,
            reason: input.reason,
        };
        apply(ctx, &input.case_id, Some(input.expected_version), change).await
    }

    /// Reopen an ended report about public space in its category's reopened status, with a
    /// new handling period (back office, with the right to decide it).
    async fn reopen_case(&self, ctx: &Context<'_>, input: ReopenCaseInput) -> Result<CasePayload> {
        let change = Change::Reopen {
            public_explanation: input.public_explanation,
        };
        apply(ctx, &input.case_id, Some(input.expected_version), change).await
    }
}
