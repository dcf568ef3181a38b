//! Open311 GeoReport v2 at `/open311/v2/`, for reporting apps such as FixMyStreet: the
//! report categories as services (`services.{xml,json}`, `services/{code}.{xml,json}`),
//! filing (`POST requests.{xml,json}`, with an app token of the municipality as `api_key`),
//! and the public view of reports (`GET requests`, `requests/{id}`, `tokens/{id}`).
//!
//! `jurisdiction_id` names the municipality (the tenant's slug); it may be left out only
//! where Loket serves one. Every call runs through the report service as GraphQL does,
//! under the same rate limits and turns, and counts in `/metrics` as `open311.*`. See
//! `docs/open311.md` for the choices made.

mod error;
mod file;
mod format;
mod mapping;
mod params;
mod read;

use axum::{
    Router,
    http::HeaderMap,
    response::Response,
    routing::{any, get},
};
use loket_kernel::{Actor, Ctx};
use loket_store::Mode;

use self::{error::Open311Error, format::Format, params::Params};
use super::{
    App, Peer, client_address,
    public::{Failed, anonymous, run},
};
use crate::graphql::exec::Held;

/// The routes, all under `/open311/v2/`.
pub(crate) fn router() -> Router<App> {
    Router::new()
        .route(
            "/open311/v2/{file}",
            get(read::list).post(file::file_request),
        )
        .route("/open311/v2/services/{file}", get(read::service))
        .route("/open311/v2/requests/{file}", get(read::request))
        .route("/open311/v2/tokens/{file}", get(read::token))
        // Anything else under /open311 is Open311's 404, not the portal's page.
        .route("/open311", any(unknown))
        .route("/open311/{*rest}", any(unknown))
}

/// A path under `/open311` that names no resource.
async fn unknown() -> Response {
    Format::Xml.error(&Open311Error::NotFound(
        "no such resource: see /open311/v2/services.xml",
    ))
}

/// What every call knows before its work: the format, the parameters and the caller.
struct Call {
    format: Format,
    params: Params,
    ctx: Ctx,
    /// The municipality's name, as `agency_responsible`.
    agency: String,
    address: Option<std::net::IpAddr>,
}

/// The format of `file`, its name, and the parameters; refuses an unknown extension in XML.
fn open(file: &str, encoded: &[u8]) -> Result<(String, Format, Params), Box<Response>> {
    let Some((name, format)) = Format::split(file) else {
        return Err(Box::new(Format::Xml.error(&Open311Error::NotFound(
            "no such resource: ask for .xml or .json",
        ))));
    };
    Ok((name.to_owned(), format, Params::parse(encoded)))
}

/// The caller in the jurisdiction the parameters name: anonymous, or the app whose token
/// is the `api_key` when `api_key` is true.
fn caller(
    app: &App,
    headers: &HeaderMap,
    params: &Params,
    api_key: bool,
) -> Result<(Ctx, String), Open311Error> {
    let slug = match params.get("jurisdiction_id") {
        Some(slug) => slug.to_owned(),
        None => match app.tenants.tenants.keys().collect::<Vec<_>>().as_slice() {
            [only] => only.to_string(),
            _ => {
                return Err(Open311Error::Missing {
                    field: "jurisdiction_id",
                    message: "required: the municipality's id (such as enschede)",
                });
            }
        },
    };
    let unknown = || Open311Error::UnknownJurisdiction(slug.clone());
    let anonymous = anonymous(app, &slug, super::request_id(headers)).ok_or_else(unknown)?;
    let agency = app
        .tenants
        .get(anonymous.tenant())
        .map(|t| t.name.clone())
        .unwrap_or_default();
    tracing::Span::current().record("tenant", anonymous.tenant().as_str());
    if !api_key {
        return Ok((anonymous, agency));
    }
    let key = params.get("api_key").ok_or(Open311Error::Missing {
        field: "api_key",
        message: "required: an app token of the municipality",
    })?;
    let ctx = app
        .authz
        .context(Some(key), Some(&slug), super::request_id(headers))
        .map_err(|e| {
            tracing::info!(error = %e, "an Open311 api_key was refused");
            Open311Error::ApiKey("not a valid app token of this jurisdiction")
        })?;
    if !matches!(ctx.actor(), Actor::App { .. }) {
        return Err(Open311Error::ApiKey("not an app token"));
    }
    Ok((ctx, agency))
}

/// Parses and authenticates a call, or answers its refusal.
fn begin(
    app: &App,
    headers: &HeaderMap,
    peer: Peer,
    file: &str,
    encoded: &[u8],
    api_key: bool,
) -> Result<(String, Call), Box<Response>> {
    let (name, format, params) = open(file, encoded)?;
    let (ctx, agency) =
        caller(app, headers, &params, api_key).map_err(|e| Box::new(format.error(&e)))?;
    Ok((
        name,
        Call {
            format,
            params,
            ctx,
            agency,
            address: client_address(app, headers, peer),
        },
    ))
}

/// What a refusal of the work becomes.
fn failed(e: Failed<Open311Error>) -> Open311Error {
    match e {
        Failed::Service(e) => e,
        Failed::Held(Held::Busy(wait)) => Open311Error::Busy(wait),
        Failed::Held(Held::Expired) => Open311Error::ApiKey("the app token has expired"),
        Failed::Internal => Open311Error::Internal,
    }
}

/// Runs `work` for the call and writes its answer, or its refusal.
async fn answer<T, F>(
    app: &App,
    call: &Call,
    mode: Mode,
    endpoint: &'static str,
    work: impl FnOnce(loket_store::Session) -> F + Send + 'static,
    write: impl FnOnce(T) -> Result<Response, Open311Error>,
) -> Response
where
    T: Send + 'static,
    F: std::future::Future<Output = Result<T, Open311Error>> + Send + 'static,
{
    let result = run(app, &call.ctx, call.address, mode, endpoint, work)
        .await
        .map_err(failed)
        .and_then(write);
    result.unwrap_or_else(|e| call.format.error(&e))
}
