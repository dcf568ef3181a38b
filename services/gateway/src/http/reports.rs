//! Reports as files: `GET /reports/service.csv?from=2026-01-01&to=2026-12-31` (optionally
//! `compareFrom` and `compareTo`; by default the same period a year earlier), for managers with
//! a bearer token, as CSV for spreadsheets. Errors are JSON in the GraphQL error shape, with
//! `extensions.code` and, for a bad parameter, `extensions.field`.

use std::collections::HashMap;

use axum::{
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use loket_contact::{ContactError, Period, to_csv};
use loket_kernel::{ErrorCode, HasCode};
use serde_json::json;

use loket_store::Mode;

use super::{App, graphql::bearer};

fn error(status: StatusCode, code: ErrorCode, message: &str, field: Option<&str>) -> Response {
    let mut extensions = json!({ "code": code.as_str() });
    if let Some(field) = field {
        extensions["field"] = json!(field);
    }
    let body = json!({ "errors": [{ "message": message, "extensions": extensions }] });
    (status, axum::Json(body)).into_response()
}

fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::Unauthenticated => StatusCode::UNAUTHORIZED,
        ErrorCode::Forbidden => StatusCode::FORBIDDEN,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::BadUserInput => StatusCode::BAD_REQUEST,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// A date parameter, if given.
fn date(
    params: &HashMap<String, String>,
    field: &'static str,
) -> Result<Option<NaiveDate>, ContactError> {
    params
        .get(field)
        .map(|v| {
            v.parse()
                .map_err(|_| ContactError::bad(field, "a date as YYYY-MM-DD"))
        })
        .transpose()
}

/// A required date parameter.
fn required(
    params: &HashMap<String, String>,
    field: &'static str,
) -> Result<NaiveDate, ContactError> {
    date(params, field)?.ok_or_else(|| ContactError::bad(field, "required (YYYY-MM-DD)"))
}

/// The period and the optional comparison period the parameters name.
fn periods(params: &HashMap<String, String>) -> Result<(Period, Option<Period>), ContactError> {
    let period = Period::new(
        ["from", "to"],
        required(params, "from")?,
        required(params, "to")?,
    )?;
    let compare = match (
        params.contains_key("compareFrom"),
        params.contains_key("compareTo"),
    ) {
        (false, false) => None,
        _ => Some(Period::new(
            ["compareFrom", "compareTo"],
            required(params, "compareFrom")?,
            required(params, "compareTo")?,
        )?),
    };
    Ok((period, compare))
}

fn refused(e: &ContactError) -> Response {
    let code = e.code();
    let message = match code {
        ErrorCode::Internal => {
            tracing::error!(error = %e, "service report failed");
            "internal error".to_owned()
        }
        _ => e.to_string(),
    };
    error(status_of(code), code, &message, e.field())
}

/// The service report as CSV.
pub(crate) async fn service_csv(
    State(app): State<App>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let unauthenticated = || {
        error(
            StatusCode::UNAUTHORIZED,
            ErrorCode::Unauthenticated,
            "a bearer token is required",
            None,
        )
    };
    if !matches!(bearer(&headers), Ok(Some(_))) {
        return unauthenticated();
    }
    let Ok(ctx) = super::context(&app, &headers) else {
        return unauthenticated();
    };
    tracing::Span::current().record("tenant", ctx.tenant().as_str());
    let (period, compare) = match periods(&params) {
        Ok(p) => p,
        Err(e) => return refused(&e),
    };
    // One transaction for the report, as for a GraphQL request.
    let session = app.db.session(ctx.tenant(), Mode::Read);
    let report = app
        .contacts
        .service_report(&ctx, &session, period, compare)
        .await;
    if let Err(e) = session.finish(true).await {
        tracing::error!(error = %e, "the report's transaction did not end cleanly");
    }
    let report = match report {
        Ok(report) => report,
        Err(e) => return refused(&e),
    };
    let csv = match to_csv(&report) {
        Ok(csv) => csv,
        Err(e) => return refused(&e),
    };
    let filename = format!(
        "attachment; filename=\"service-report-{}-{}-{}.csv\"",
        ctx.tenant().as_str(),
        period.from,
        period.to
    );
    let mut response = (StatusCode::OK, csv).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&filename) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
