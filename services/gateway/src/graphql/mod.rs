//! The GraphQL schema: the services' roots merged into one, with the request limits.
//!
//! Resolvers find the request's [`loket_kernel::Ctx`] and the loaded tenants in the request
//! data (see [`crate::http`]); they stay thin: extract, check, call a service, map.

mod demo_login;
mod error;
pub(crate) mod exec;
mod input;
mod limits;
mod me;
mod mutations;
mod node;
mod portal;
mod processing_log;
mod resident;
mod tenant;

use std::sync::Arc;

use loket_kernel::{ErrorCode, config::TenantSet};

use async_graphql::{MergedObject, MergedSubscription, Schema, SchemaBuilder};
pub use error::code_of;
pub(crate) use error::forbidden;
pub use limits::count_aliases;
use loket_kernel::graphql::gql_error;

use crate::config::Limits;

/// Every query root.
#[derive(MergedObject, Default)]
#[graphql(name = "Query")]
pub struct QueryRoot(
    me::MeQuery,
    tenant::TenantQuery,
    node::NodeQuery,
    processing_log::ProcessingLogQuery,
    loket_registry::graphql::RegistryQuery,
    loket_registry::graphql::AlienDeskQuery,
    loket_cases::graphql::CasesQuery,
    loket_cases::graphql::ReportsQuery,
    loket_catalog::graphql::CatalogQuery,
    loket_contact::graphql::ContactQuery,
    loket_contact::graphql::BenchmarkQuery,
    loket_notify::graphql::NotifyQuery,
    loket_appointments::graphql::AppointmentsQuery,
    resident::ResidentQuery,
);

/// Every mutation root.
#[derive(MergedObject, Default)]
#[graphql(name = "Mutation")]
pub struct MutationRoot(
    loket_registry::graphql::RegistryMutation,
    loket_cases::graphql::CasesMutation,
    loket_cases::graphql::ReportsMutation,
    loket_catalog::graphql::CatalogMutation,
    loket_contact::graphql::ContactMutation,
    loket_notify::graphql::NotifyMutation,
    loket_appointments::graphql::AppointmentsMutation,
    demo_login::DemoLoginMutation,
);

/// Every subscription root.
// Subscriptions find the live feed (`loket_store::Feed`) in the schema data.
#[derive(MergedSubscription, Default)]
#[graphql(name = "Subscription")]
pub struct SubscriptionRoot(loket_cases::graphql::CasesSubscription);

/// The gateway's schema type.
pub type LoketSchema = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// The schema with the configured limits; callers add data before `finish()`.
pub fn builder(limits: &Limits) -> SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .limit_depth(limits.max_depth)
    .limit_complexity(limits.max_complexity)
    .limit_recursive_depth(limits.max_depth.max(32))
    .extension(mutations::Atomic)
}

/// The schema as SDL, as `loket schema` prints it and `schema/schema.graphql` holds it.
pub fn sdl(limits: &Limits) -> String {
    builder(limits).finish().sdl()
}

pub(crate) use loket_kernel::graphql::request_ctx;

/// The loaded tenants, put in the schema data at start-up.
pub(crate) fn tenants<'a>(
    ctx: &async_graphql::Context<'a>,
) -> async_graphql::Result<&'a Arc<TenantSet>> {
    ctx.data::<Arc<TenantSet>>()
        .map_err(|_| gql_error(ErrorCode::Internal, "internal error"))
}
