//! The public reads: `GET services`, `services/{code}`, `requests`, `requests/{id}` and
//! `tokens/{token}`, as anyone may make them.

use axum::{
    extract::{Path, RawQuery, State},
    http::{HeaderMap, HeaderValue, header},
    response::Response,
};
use chrono::Utc;
use loket_cases::CaseType;
use loket_kernel::Ctx;
use loket_store::Mode;
use uuid::Uuid;

use super::{
    App, Call, Peer, answer, begin,
    error::Open311Error,
    format::Format,
    mapping::{self, Receipt, Service, ServiceRequest},
    params,
};

/// The report categories of the jurisdiction, by main category and name.
fn services_of(app: &App, ctx: &Ctx) -> Vec<Service> {
    let mut categories: Vec<&std::sync::Arc<CaseType>> = app
        .cases
        .types()
        .of(ctx.tenant())
        .filter(|t| t.report.is_some())
        .collect();
    categories.sort_by_key(|c| {
        (
            c.report.as_ref().map(|r| r.group_name.clone()),
            c.name.clone(),
        )
    });
    categories.into_iter().map(|c| Service::of(c)).collect()
}

/// `GET services` and `GET requests`.
pub(super) async fn list(
    State(app): State<App>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    peer: Peer,
) -> Response {
    let encoded = query.unwrap_or_default();
    let (name, call) = match begin(&app, &headers, peer, &file, encoded.as_bytes(), false) {
        Ok(begun) => begun,
        Err(response) => return *response,
    };
    match name.as_str() {
        "services" => {
            let services = services_of(&app, &call.ctx);
            answer(
                &app,
                &call,
                Mode::Read,
                "open311.services",
                |_| async { Ok(services) },
                |services| call.format.list("services", "service", &services),
            )
            .await
        }
        "requests" => requests(&app, &call).await,
        _ => call
            .format
            .error(&Open311Error::NotFound("no such resource")),
    }
}

/// `GET requests`: a page of reports, newest first; a further page is named in the `Link`
/// header (`rel="next"`).
async fn requests(app: &App, call: &Call) -> Response {
    let query = match params::query(&call.params, Utc::now()) {
        Ok(query) => query,
        Err(e) => return call.format.error(&e),
    };
    let cases = app.cases.clone();
    let ctx = call.ctx.clone();
    let (filter, size, after) = (query.filter, query.size, query.after);
    let agency = call.agency.clone();
    let extension = match call.format {
        Format::Xml => "xml",
        Format::Json => "json",
    };
    let mut next_query = call.params.encode_without("after");
    answer(
        app,
        call,
        Mode::Read,
        "open311.requests",
        move |session| async move {
            cases
                .public_reports(&ctx, &session, &filter, size, after)
                .await
                .map_err(Open311Error::from_case)
        },
        |page| {
            let items: Vec<ServiceRequest> = page
                .reports
                .iter()
                .map(|r| ServiceRequest::of(r, &agency))
                .collect();
            let mut response = call.format.list("service_requests", "request", &items)?;
            if let Some(next) = page.next {
                next_query.push_str(&format!("&after={next}"));
                let link = format!("</open311/v2/requests.{extension}?{next_query}>; rel=\"next\"");
                if let Ok(value) = HeaderValue::from_str(&link) {
                    response.headers_mut().insert(header::LINK, value);
                }
            }
            Ok(response)
        },
    )
    .await
}

/// `GET services/{code}`: the service definition.
pub(super) async fn service(
    State(app): State<App>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    peer: Peer,
) -> Response {
    let encoded = query.unwrap_or_default();
    let (code, call) = match begin(&app, &headers, peer, &file, encoded.as_bytes(), false) {
        Ok(begun) => begun,
        Err(response) => return *response,
    };
    let category = app
        .cases
        .types()
        .get(call.ctx.tenant(), &code)
        .filter(|t| t.report.is_some())
        .cloned();
    answer(
        &app,
        &call,
        Mode::Read,
        "open311.service",
        move |_| async move { category.ok_or(Open311Error::UnknownService(code)) },
        |category| {
            let json = mapping::definition(&category);
            let xml = mapping::xml_definition(mapping::definition(&category));
            call.format.one("service_definition", &json, &xml)
        },
    )
    .await
}

/// `GET requests/{id}`: one report by its reference.
pub(super) async fn request(
    State(app): State<App>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    peer: Peer,
) -> Response {
    let encoded = query.unwrap_or_default();
    let (id, call) = match begin(&app, &headers, peer, &file, encoded.as_bytes(), false) {
        Ok(begun) => begun,
        Err(response) => return *response,
    };
    let cases = app.cases.clone();
    let ctx = call.ctx.clone();
    let agency = call.agency.clone();
    answer(
        &app,
        &call,
        Mode::Read,
        "open311.request",
        move |session| async move {
            cases
                .public_report(&ctx, &session, &id)
                .await
                .map_err(Open311Error::from_case)?
                .ok_or(Open311Error::UnknownRequest(id))
        },
        |report| {
            let items = [ServiceRequest::of(&report, &agency)];
            call.format.list("service_requests", "request", &items)
        },
    )
    .await
}

/// `GET tokens/{token}`: the reference of the report a token (a reporter id) belongs to.
pub(super) async fn token(
    State(app): State<App>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    peer: Peer,
) -> Response {
    let encoded = query.unwrap_or_default();
    let (token, call) = match begin(&app, &headers, peer, &file, encoded.as_bytes(), false) {
        Ok(begun) => begun,
        Err(response) => return *response,
    };
    let cases = app.cases.clone();
    let ctx = call.ctx.clone();
    answer(
        &app,
        &call,
        Mode::Read,
        "open311.token",
        move |session| async move {
            let unknown = || Open311Error::UnknownRequest(token.clone());
            let reporter = Uuid::parse_str(&token).map_err(|_| unknown())?;
            let report = cases
                .report_of_reporter(&ctx, &session, reporter)
                .await
                .map_err(Open311Error::from_case)?
                .ok_or_else(unknown)?;
            Ok(Receipt {
                service_request_id: report.reference,
                token: reporter.to_string(),
                service_notice: None,
            })
        },
        |receipt| call.format.list("service_requests", "request", &[receipt]),
    )
    .await
}
