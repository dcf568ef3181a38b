//! `node(id:)`: refetch any object by its global id. Another tenant's object is `NOT_FOUND`,
//! so its existence is not revealed.

use async_graphql::{Context, ID, Interface, Object, Result};
use loket_kernel::{Action, ErrorCode, TenantId, global_id};

use loket_cases::graphql::{Case, case_by_global_id};
use loket_contact::graphql::{ContactMoment, contact_by_global_id};
use loket_kernel::graphql::gql_error;

use super::{forbidden, request_ctx, tenant::TenantInfo, tenants};

/// An object with a global id.
#[derive(Interface)]
#[graphql(field(name = "id", ty = "ID", desc = "Global id."))]
pub enum Node {
    /// A tenant.
    Tenant(TenantInfo),
    /// A case.
    Case(Box<Case>),
    /// A contact moment.
    ContactMoment(Box<ContactMoment>),
}

/// Query root for `node`.
#[derive(Default)]
pub struct NodeQuery;

#[Object]
impl NodeQuery {
    /// The object with this global id.
    async fn node(&self, ctx: &Context<'_>, id: ID) -> Result<Node> {
        let rctx = request_ctx(ctx)?;
        let not_found = || gql_error(ErrorCode::NotFound, "no object with this id");
        let (type_name, key) = global_id::decode(&id).ok_or_else(not_found)?;
        match type_name.as_str() {
            "Tenant" => {
                let slug = TenantId::new(key).map_err(|_| not_found())?;
                if &slug != rctx.tenant() {
                    return Err(not_found());
                }
                if !rctx.can("tenant/public", Action::Read) {
                    return Err(forbidden(rctx.tenant(), "tenant/public"));
                }
                Ok(Node::Tenant(TenantInfo::find(tenants(ctx)?, &slug)?))
            }
            "Case" => Ok(Node::Case(Box::new(case_by_global_id(ctx, &id).await?))),
            "ContactMoment" => Ok(Node::ContactMoment(Box::new(
                contact_by_global_id(ctx, &id).await?,
            ))),
            _ => Err(not_found()),
        }
    }
}
