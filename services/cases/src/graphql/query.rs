//! Query roots for cases.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use loket_kernel::{
    ErrorCode, TenantId, global_id,
    graphql::{connection_items, field_error, gql_error, to_gql},
};
use loket_store::graphql::request;
use uuid::Uuid;

pub(crate) use loket_kernel::graphql::page;

use super::{
    case::{Case, CaseConnection, connection, want},
    case_type::CaseTypeInfo,
};
use crate::{CaseFilter, CaseKey, Cases, Order, ReadAs, Want};

/// Query root for cases.
#[derive(Default)]
pub struct CasesQuery;

/// Ordering of a case list.
#[derive(Enum, Clone, Copy, PartialEq, Eq, Default)]
#[graphql(name = "CaseOrder")]
pub enum GqlOrder {
    /// Soonest deadline first (the work queue).
    #[default]
    Deadline,
    /// Newest first.
    Newest,
}

/// Which cases to list; every set field narrows the list.
#[derive(InputObject, Default)]
#[graphql(name = "CaseFilter")]
pub struct CaseFilterInput {
    /// Only cases about this resident (BSN); required for the front office.
    subject: Option<String>,
    /// Only these case types.
    case_types: Option<Vec<String>>,
    /// Only cases in these statuses.
    statuses: Option<Vec<String>>,
    /// Only cases assigned to this handler.
    handler: Option<String>,
    /// Only unassigned cases.
    unassigned: Option<bool>,
    /// Only open cases past their deadline.
    overdue: Option<bool>,
    /// Only cases due before this day.
    due_before: Option<NaiveDate>,
    /// Include closed cases (default: open ones only).
    include_closed: Option<bool>,
    /// Order (default: soonest deadline first).
    order: Option<GqlOrder>,
}

/// The key in a `Case` global id.
pub(crate) fn case_key(id: &str) -> Result<CaseKey> {
    let invalid = || field_error("caseId", "not a case id");
    let (type_name, key) = global_id::decode(id).ok_or_else(invalid)?;
    if type_name != "Case" {
        return Err(invalid());
    }
    let (tenant, uuid) = key.split_once('/').ok_or_else(invalid)?;
    let tenant = TenantId::new(tenant).map_err(|_| invalid())?;
    let uuid = Uuid::parse_str(uuid).map_err(|_| invalid())?;
    Ok(CaseKey::Id(tenant, uuid))
}

/// The case behind a global id, for `node(id:)`.
pub async fn case_by_global_id(ctx: &Context<'_>, id: &str) -> Result<Case> {
    let (rctx, session) = request(ctx)?;
    let key = case_key(id).map_err(|_| gql_error(ErrorCode::NotFound, "no object with this id"))?;
    let read_as = ReadAs {
        operation: "node",
        purpose: "look up a case",
    };
    ctx.data::<Cases>()?
        .find(rctx, session, &key, read_as, Want::default())
        .await
        .map(Case)
        .map_err(|e| to_gql(&e))
}

#[Object]
impl CasesQuery {
    /// One case by global id or by reference (for example `ENS-2026-000123`): a resident's
    /// own, or one the caller's policy lets them read.
    async fn case(
        &self,
        ctx: &Context<'_>,
        id: Option<ID>,
        reference: Option<String>,
    ) -> Result<Case> {
        let (rctx, session) = request(ctx)?;
        let key = match (id, reference) {
            (Some(id), None) => case_key(&id).map_err(|_| field_error("id", "not a case id"))?,
            (None, Some(reference)) => CaseKey::Reference(reference),
            _ => return Err(field_error("id", "give either id or reference")),
        };
        let read_as = ReadAs {
            operation: "case",
            purpose: "look up a case",
        };
        ctx.data::<Cases>()?
            .find(rctx, session, &key, read_as, want(&[ctx.look_ahead()]))
            .await
            .map(Case)
            .map_err(|e| to_gql(&e))
    }

    /// Cases: without `filter.subject`, the work queue of the case types the caller handles
    /// (open cases, soonest deadline first); with it, every case of that resident the caller
    /// may read, across departments.
    async fn cases(
        &self,
        ctx: &Context<'_>,
        filter: Option<CaseFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<CaseConnection> {
        let (rctx, session) = request(ctx)?;
        let page = page(first, after.as_deref())?;
        let f = filter.unwrap_or_default();
        let due_before = f
            .due_before
            .map(|d| loket_kernel::input::day("filter.dueBefore", d))
            .transpose()
            .map_err(|e| to_gql(&e))?;
        let handler = f
            .handler
            .map(|h| loket_kernel::input::required_line("filter.handler", &h, 200))
            .transpose()
            .map_err(|e| to_gql(&e))?;
        let filter = CaseFilter {
            subject: f.subject,
            case_types: f.case_types.unwrap_or_default(),
            statuses: f.statuses.unwrap_or_default(),
            handler,
            unassigned: f.unassigned.unwrap_or(false),
            overdue: f.overdue.unwrap_or(false),
            due_before,
            include_closed: f.include_closed.unwrap_or(false),
            order: match f.order.unwrap_or_default() {
                GqlOrder::Deadline => Order::Deadline,
                GqlOrder::Newest => Order::Newest,
            },
        };
        let read_as = ReadAs {
            operation: "cases",
            purpose: "work on cases",
        };
        let want = want(&connection_items(&ctx.look_ahead()));
        let found = ctx
            .data::<Cases>()?
            .list(rctx, session, &filter, page, want, read_as)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(connection(&page, found))
    }

    /// The case types of the caller's municipality.
    async fn case_types(&self, ctx: &Context<'_>) -> Result<Vec<CaseTypeInfo>> {
        let (rctx, _) = request(ctx)?;
        Ok(ctx
            .data::<Cases>()?
            .types()
            .of(rctx.tenant())
            .map(|t| CaseTypeInfo(std::sync::Arc::clone(t)))
            .collect())
    }
}
