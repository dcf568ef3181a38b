//! Mutation roots of the registry.

use async_graphql::{Context, InputObject, Object, Result, SimpleObject, connection::Connection};
use chrono::NaiveDate;
use loket_kernel::graphql::{connection_items, to_gql};
use loket_store::graphql::request;

use super::{
    person::{Person, person_connection, requested_groups},
    query::page,
};
use crate::{AlienRegistration, Registry};

/// Mutation root for the registries.
#[derive(Default)]
pub struct RegistryMutation;

/// What the alien-registration desk records.
#[derive(InputObject)]
pub struct RegisterAlienInput {
    /// The resident's citizen service number.
    bsn: String,
    /// Nationality, ISO 3166-1 alpha-2 (non-EU).
    nationality: String,
    /// V-number: ten digits.
    v_number: String,
    /// Permit kind, for example `regular-fixed-term`.
    permit_kind: String,
    /// Valid until.
    valid_until: NaiveDate,
}

/// The result of `registerAlien`.
#[derive(SimpleObject)]
pub struct RegisterAlienPayload {
    /// The resident with the registered permit.
    person: Person,
}

#[Object]
impl RegistryMutation {
    /// Registers a non-EU resident's nationality, V-number and permit (the regional desk).
    async fn register_alien(
        &self,
        ctx: &Context<'_>,
        input: RegisterAlienInput,
    ) -> Result<RegisterAlienPayload> {
        let (rctx, session) = request(ctx)?;
        let registration = AlienRegistration {
            bsn: input.bsn,
            nationality: input.nationality.trim().to_uppercase(),
            v_number: input.v_number.trim().to_owned(),
            permit_kind: input.permit_kind,
            valid_until: input.valid_until,
        };
        ctx.data::<Registry>()?
            .register_alien(rctx, session, registration)
            .await
            .map(|record| RegisterAlienPayload {
                person: Person(record),
            })
            .map_err(|e| to_gql(&e))
    }
}

/// Query root for the desk's list.
#[derive(Default)]
pub struct AlienDeskQuery;

#[Object]
impl AlienDeskQuery {
    /// Residents of a municipality with a residence permit, soonest expiry first (the desk).
    async fn alien_registrations(
        &self,
        ctx: &Context<'_>,
        municipality_code: String,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, Person>> {
        let (rctx, session) = request(ctx)?;
        let page = page(first, after.as_deref())?;
        let groups = requested_groups(&connection_items(&ctx.look_ahead()));
        let (records, has_next) = ctx
            .data::<Registry>()?
            .alien_registrations(rctx, session, &municipality_code, page.clone(), &groups)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(person_connection(records, &page, has_next))
    }
}
