//! The public map feed: `GET /map/{tenant}/reports.geojson?limit=&after=`, a GeoJSON
//! `FeatureCollection` of the open reports in categories on the public map, for anyone.
//!
//! A feature holds only the report's reference, category, status and filing date, at its
//! position coarsened to about 50 m ([`loket_cases::PublicReport`]): never the reporter's
//! words, details or photos. Pages run newest first; `next` in the body and the `Link`
//! header (`rel="next"`) name the following page as a path on this server.

use axum::{
    extract::{Path, RawQuery, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use loket_cases::{MAX_PAGE, PublicReport, ReportFilter};
use loket_kernel::{ErrorCode, calendar::Calendar};
use loket_store::Mode;
use serde_json::{Value, json};
use uuid::Uuid;

use super::{
    App, Peer, client_address,
    public::{anonymous, failed_answer, run},
    reports::error,
};

/// The feed's only file.
const FILE: &str = "reports.geojson";
/// Reports on a page unless `limit` says otherwise.
const DEFAULT_LIMIT: u64 = 100;

/// What a page asks for.
struct Paging {
    limit: u64,
    after: Option<Uuid>,
}

fn bad(field: &str, message: &str) -> Response {
    error(
        StatusCode::BAD_REQUEST,
        ErrorCode::BadUserInput,
        &format!("{field}: {message}"),
        Some(field),
    )
}

fn paging(query: Option<&str>) -> Result<Paging, Box<Response>> {
    let mut paging = Paging {
        limit: DEFAULT_LIMIT,
        after: None,
    };
    for (key, value) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        match key.as_ref() {
            "limit" => {
                paging.limit = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_PAGE).contains(n))
                    .ok_or_else(|| {
                        Box::new(bad("limit", &format!("a number from 1 to {MAX_PAGE}")))
                    })?;
            }
            "after" => {
                paging.after = Some(
                    Uuid::parse_str(value.trim())
                        .map_err(|_| Box::new(bad("after", "not a cursor of this feed")))?,
                );
            }
            _ => {}
        }
    }
    Ok(paging)
}

/// One report as a GeoJSON feature; `None` without a public position.
fn feature(report: &PublicReport) -> Option<Value> {
    let (lat, lon) = report.position?;
    let (status, _) = report.status_name_and_text();
    Some(json!({
        "type": "Feature",
        "id": report.reference,
        "geometry": { "type": "Point", "coordinates": [lon, lat] },
        "properties": {
            "reference": report.reference,
            "category": report.category.code,
            "categoryName": report.category.name,
            "status": status,
            "filed": Calendar::local_date(report.created_at).to_string(),
        },
    }))
}

/// The map feed of one tenant.
pub(crate) async fn reports(
    State(app): State<App>,
    Path((tenant, file)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    peer: Peer,
) -> Response {
    let Some(ctx) = anonymous(&app, &tenant, super::request_id(&headers)) else {
        return error(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no such municipality",
            None,
        );
    };
    if file != FILE {
        return error(
            StatusCode::NOT_FOUND,
            ErrorCode::NotFound,
            "no such file: ask for reports.geojson",
            None,
        );
    }
    tracing::Span::current().record("tenant", ctx.tenant().as_str());
    let paging = match paging(query.as_deref()) {
        Ok(paging) => paging,
        Err(response) => return *response,
    };
    let address = client_address(&app, &headers, peer);
    let cases = app.cases.clone();
    let page = run(&app, &ctx, address, Mode::Read, "map.reports", {
        let ctx = ctx.clone();
        let filter = ReportFilter {
            open: Some(true),
            on_map: true,
            ..ReportFilter::default()
        };
        move |session| async move {
            cases
                .public_reports(&ctx, &session, &filter, paging.limit, paging.after)
                .await
        }
    })
    .await;
    let page = match page {
        Ok(page) => page,
        Err(failed) => return failed_answer(failed),
    };
    let next = page.next.map(|after| {
        format!(
            "/map/{}/{FILE}?limit={}&after={after}",
            ctx.tenant(),
            paging.limit
        )
    });
    let body = json!({
        "type": "FeatureCollection",
        "features": page.reports.iter().filter_map(feature).collect::<Vec<_>>(),
        "next": next,
    });
    let mut response = (StatusCode::OK, body.to_string()).into_response();
    let out = response.headers_mut();
    out.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/geo+json"),
    );
    out.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    if let Some(link) =
        next.and_then(|n| HeaderValue::from_str(&format!("<{n}>; rel=\"next\"")).ok())
    {
        out.insert(header::LINK, link);
    }
    response
}
