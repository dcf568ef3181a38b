//! Query roots of the registry.

use async_graphql::{Context, Object, Result, connection::Connection};
use chrono::NaiveDate;
pub(super) use loket_kernel::graphql::page;
use loket_kernel::graphql::{connection_items, field_error, to_gql};
use loket_store::{graphql::request, processing_log::ReadAs};

use super::{
    person::{Address, Person, person_connection, requested_groups},
    valuation::ValuationReportInfo,
};
use crate::{Registry, SearchBy};

/// Query root for persons and addresses.
#[derive(Default)]
pub struct RegistryQuery;

fn registry<'a>(ctx: &Context<'a>) -> Result<&'a Registry> {
    ctx.data::<Registry>()
}

#[Object]
impl RegistryQuery {
    /// A resident by citizen service number: yourself as a citizen; for staff, residents of
    /// their municipality (or of a collaboration's member municipality, for the shared work).
    async fn person(&self, ctx: &Context<'_>, bsn: String) -> Result<Person> {
        let (rctx, session) = request(ctx)?;
        let groups = requested_groups(&[ctx.look_ahead()]);
        let read_as = ReadAs {
            operation: "person",
            purpose: "look up a resident",
        };
        registry(ctx)?
            .person(rctx, session, &bsn, &groups, read_as)
            .await
            .map(Person)
            .map_err(|e| to_gql(&e))
    }

    /// The front office's resident search within its own municipality: by surname and birth
    /// date, or by postcode and house number.
    #[allow(clippy::too_many_arguments)]
    async fn search_persons(
        &self,
        ctx: &Context<'_>,
        surname: Option<String>,
        birth_date: Option<NaiveDate>,
        postcode: Option<String>,
        house_number: Option<i32>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<String, Person>> {
        let (rctx, session) = request(ctx)?;
        let by = match (surname, birth_date, postcode, house_number) {
            (Some(surname), Some(birth_date), None, None) => SearchBy::NameAndBirth {
                surname,
                birth_date,
            },
            (None, None, Some(postcode), Some(house_number)) => SearchBy::Address {
                postcode,
                house_number,
            },
            _ => {
                return Err(field_error(
                    "surname",
                    "give surname and birthDate, or postcode and houseNumber",
                ));
            }
        };
        let page = page(first, after.as_deref())?;
        let groups = requested_groups(&connection_items(&ctx.look_ahead()));
        let (records, has_next) = registry(ctx)?
            .search(rctx, session, by, page.clone(), &groups)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(person_connection(records, &page, has_next))
    }

    /// An address by postcode and house number (BAG data is public).
    async fn address(
        &self,
        ctx: &Context<'_>,
        postcode: String,
        house_number: i32,
        letter: Option<String>,
        addition: Option<String>,
    ) -> Result<Option<Address>> {
        let (_, session) = request(ctx)?;
        registry(ctx)?
            .address(
                session,
                &postcode,
                house_number,
                letter.as_deref(),
                addition.as_deref(),
            )
            .await
            .map(|found| found.map(Address::from))
            .map_err(|e| to_gql(&e))
    }

    /// A property valuation report with comparable properties. A citizen without `objectId`
    /// gets the dwelling at their own address.
    async fn valuation_report(
        &self,
        ctx: &Context<'_>,
        object_id: Option<String>,
    ) -> Result<ValuationReportInfo> {
        let (rctx, session) = request(ctx)?;
        registry(ctx)?
            .valuation_report(rctx, session, object_id.as_deref())
            .await
            .map(Into::into)
            .map_err(|e| to_gql(&e))
    }
}
