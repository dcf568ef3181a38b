//! Reports as files: `GET /reports/service.csv?from=2026-01-01&to=2026-12-31` (optionally
//! `compareFrom` and `compareTo`; by default the same period a year earlier) and
//! `GET /reports/benchmark.csv?period=2026-11`, for managers with a bearer token, as CSV for
//! spreadsheets; and the public ranking of the comparison, `GET /benchmark/2026-11.json`.
//! Errors are JSON in the GraphQL error shape, with `extensions.code` and, for a bad
//! parameter, `extensions.field`.

use std::collections::HashMap;

use axum::{
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::NaiveDate;
use loket_contact::{
    ContactError, Period,
    benchmark::{BenchmarkPeriod, MIN_PARTICIPANTS, benchmark_csv as benchmark_csv_text},
    to_csv,
};
use loket_kernel::{ErrorCode, HasCode};
use serde_json::json;

use loket_store::{Mode, Session};

use super::{App, graphql::bearer};

/// An error in the GraphQL error shape, with `extensions.code` and, for a bad parameter,
/// `extensions.field`.
pub(super) fn error(
    status: StatusCode,
    code: ErrorCode,
    message: &str,
    field: Option<&str>,
) -> Response {
    let mut extensions = json!({ "code": code.as_str() });
    if let Some(field) = field {
        extensions["field"] = json!(field);
    }
    let body = json!({ "errors": [{ "message": message, "extensions": extensions }] });
    (status, axum::Json(body)).into_response()
}

/// The HTTP status of an error code.
pub(super) fn status_of(code: ErrorCode) -> StatusCode {
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

/// The refusal of a request without a valid bearer token.
pub(super) fn unauthenticated() -> Response {
    error(
        StatusCode::UNAUTHORIZED,
        ErrorCode::Unauthenticated,
        "a bearer token is required",
        None,
    )
}

/// The caller's context, when the request carries a valid bearer token.
pub(super) fn staff(app: &App, headers: &HeaderMap) -> Option<loket_kernel::Ctx> {
    if !matches!(bearer(headers), Ok(Some(_))) {
        return None;
    }
    let ctx = super::context(app, headers).ok()?;
    tracing::Span::current().record("tenant", ctx.tenant().as_str());
    Some(ctx)
}

/// Runs `work` in one read session of the caller, as a GraphQL request would, and ends it.
async fn read<T>(app: &App, ctx: &loket_kernel::Ctx, work: impl AsyncFnOnce(&Session) -> T) -> T {
    let session = app.db.session(ctx.tenant(), Mode::Read);
    let result = work(&session).await;
    if let Err(e) = session.finish(true).await {
        tracing::error!(error = %e, "a report's transaction did not end cleanly");
    }
    result
}

/// `csv` as a download named `filename`.
fn download(csv: String, filename: &str) -> Response {
    let disposition = format!("attachment; filename=\"{filename}\"");
    let mut response = (StatusCode::OK, csv).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The service report as CSV.
pub(crate) async fn service_csv(
    State(app): State<App>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(ctx) = staff(&app, &headers) else {
        return unauthenticated();
    };
    let (period, compare) = match periods(&params) {
        Ok(p) => p,
        Err(e) => return refused(&e),
    };
    let report = read(&app, &ctx, async |session| {
        app.contacts
            .service_report(&ctx, session, period, compare)
            .await
    })
    .await;
    let csv = report.and_then(|report| to_csv(&report));
    match csv {
        Ok(csv) => download(
            csv,
            &format!(
                "service-report-{}-{}-{}.csv",
                ctx.tenant().as_str(),
                period.from,
                period.to
            ),
        ),
        Err(e) => refused(&e),
    }
}

/// The comparison of municipalities as CSV: `GET /reports/benchmark.csv?period=2026-11`, as
/// `benchmark(period:)` gives it to the caller.
pub(crate) async fn benchmark_csv(
    State(app): State<App>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let Some(ctx) = staff(&app, &headers) else {
        return unauthenticated();
    };
    let period = params.get("period").map_or_else(
        || {
            Err(ContactError::bad(
                "period",
                "required: a year (2026) or a month (2026-11)",
            ))
        },
        |p| BenchmarkPeriod::parse("period", p),
    );
    let period = match period {
        Ok(period) => period,
        Err(e) => return refused(&e),
    };
    let key = period.key().to_owned();
    let view = read(&app, &ctx, async |session| {
        app.benchmark.view(&ctx, session, period).await
    })
    .await;
    match view.and_then(|view| benchmark_csv_text(&view)) {
        Ok(csv) => download(
            csv,
            &format!("benchmark-{}-{key}.csv", ctx.tenant().as_str()),
        ),
        Err(e) => refused(&e),
    }
}

/// The public ranking: `GET /benchmark/2026-11.json` lists, per figure, how many
/// municipalities were compared and the values of those that chose to be named; nothing of
/// the others.
pub(crate) async fn benchmark_json(State(app): State<App>, Path(file): Path<String>) -> Response {
    let Some(period) = file.strip_suffix(".json") else {
        return error(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no such file: ask for /benchmark/<period>.json",
            None,
        );
    };
    let period = match BenchmarkPeriod::parse("period", period) {
        Ok(period) => period,
        Err(e) => return refused(&e),
    };
    let view = match app.benchmark.public(&app.db, period).await {
        Ok(view) => view,
        Err(e) => return refused(&e),
    };
    let figures: Vec<serde_json::Value> = view
        .figures
        .iter()
        .map(|f| {
            let named: Vec<serde_json::Value> = f
                .named
                .iter()
                .map(|n| {
                    json!({
                        "municipality": n.tenant,
                        "name": n.name,
                        "percentage": n.percentage,
                        "rank": n.rank,
                    })
                })
                .collect();
            json!({
                "figure": f.figure.key(),
                "compared": f.spread.quartiles.is_some(),
                "participants": f.spread.participants,
                "named": named,
            })
        })
        .collect();
    let body = json!({
        "period": view.period.key(),
        "computedAt": view.computed_at,
        "minimumParticipants": MIN_PARTICIPANTS,
        "figures": figures,
    });
    let mut response = (StatusCode::OK, axum::Json(body)).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    response
}
