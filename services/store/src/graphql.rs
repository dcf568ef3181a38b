//! What resolvers need of the request's database work: its [`Session`], and noting a read of
//! personal data as the field that shows it resolves, so the processing log holds exactly
//! what was read (a field not selected is not resolved, so not logged; a field the policy
//! refuses returns an error before it records anything).

use async_graphql::{Context, Error, ErrorExtensions};
use loket_kernel::{Bsn, Ctx, ErrorCode};

use crate::{Session, processing_log::Processing};

fn internal() -> Error {
    Error::new("internal error").extend_with(|_, e| e.set("code", ErrorCode::Internal.as_str()))
}

/// The request's session, put in the request data by the gateway.
pub fn session<'a>(ctx: &Context<'a>) -> Result<&'a Session, Error> {
    ctx.data::<Session>().map_err(|_| internal())
}

/// The request's context and session.
pub fn request<'a>(ctx: &Context<'a>) -> Result<(&'a Ctx, &'a Session), Error> {
    let rctx = ctx.data::<Ctx>().map_err(|_| internal())?;
    Ok((rctx, session(ctx)?))
}

/// Notes that the caller read `field_group` of the person with `bsn` through `operation`,
/// for `purpose`. A value that is not a BSN names nobody and is not logged.
pub fn record(
    ctx: &Context<'_>,
    bsn: &str,
    operation: &str,
    purpose: &str,
    field_group: &str,
) -> Result<(), Error> {
    let Ok(person) = Bsn::new(bsn) else {
        return Ok(());
    };
    let (rctx, session) = request(ctx)?;
    session.record(
        rctx,
        Processing {
            person: &person,
            purpose,
            operation,
            field_group,
        },
    );
    Ok(())
}
