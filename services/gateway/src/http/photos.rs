//! Photos with reports about public space.
//!
//! - `POST /reports/photos`: one JPEG or PNG image as the body, its type as `Content-Type`,
//!   from anyone who may file a report in the tenant (named by the bearer token or the
//!   `Loket-Tenant` header), under the same limits and turns as GraphQL operations. Its
//!   metadata (EXIF location included) is removed, and the answer, `201`, carries the id to
//!   name in `fileReport`'s `photos`. A replica reads at most [`super::PHOTO_UPLOADS`] uploads
//!   at once; beyond that the answer is `429` with `Retry-After`.
//! - `GET /reports/{tenant}/photos/{id}`: the photo, for staff whose bearer token lets them
//!   read the report it belongs to; `404` for everyone else. Never cached, never public.
//!
//! Errors are JSON in the GraphQL error shape, as in [`super::reports`].

use std::future::Future;

use axum::{
    body::Body,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use loket_cases::CaseError;
use loket_kernel::{Ctx, ErrorCode, HasCode};
use loket_store::{Mode, Session};
use serde_json::json;
use uuid::Uuid;

use super::{
    App, Peer,
    body::{BodyError, read_limited},
    public::{Failed, busy, failed_answer, run},
    reports::{error, staff, status_of, unauthenticated},
};

/// Runs `work` on the shared path for endpoints outside GraphQL, counted as `endpoint`.
async fn shared<T, F>(
    app: &App,
    ctx: &Ctx,
    peer: Option<std::net::IpAddr>,
    endpoint: &'static str,
    work: impl FnOnce(Session) -> F + Send + 'static,
) -> Result<T, Response>
where
    T: Send + 'static,
    F: Future<Output = Result<T, CaseError>> + Send + 'static,
{
    run(app, ctx, peer, Mode::Read, endpoint, work)
        .await
        .map_err(|failed| match failed {
            // What is not a photo is a media type refused, not a bad request.
            Failed::Service(e @ CaseError::BadInput { field: "photo", .. }) => {
                bad(StatusCode::UNSUPPORTED_MEDIA_TYPE, &e.to_string())
            }
            failed => failed_answer(failed),
        })
}

fn bad(status: StatusCode, message: &str) -> Response {
    error(status, ErrorCode::BadUserInput, message, Some("photo"))
}

/// `POST /reports/photos`.
pub(crate) async fn upload(
    State(app): State<App>,
    peer: Peer,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let ctx = match super::context(&app, &headers) {
        Ok(ctx) => ctx,
        Err(e) => {
            let code = e.code();
            return error(status_of(code), code, &e.to_string(), None);
        }
    };
    tracing::Span::current().record("tenant", ctx.tenant().as_str());
    let address = super::client_address(&app, &headers, peer);
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    // Photos are read whole before they are checked: a bounded number at once, so a flood
    // of large uploads cannot take the replica's memory.
    let Ok(_place) = app.uploads.clone().try_acquire_owned() else {
        return busy(
            "too many photos are being sent; try again shortly",
            std::time::Duration::from_secs(1),
        );
    };
    let limit = app.limits.max_photo_bytes;
    let bytes = match read_limited(body, limit).await {
        Ok(bytes) => bytes,
        Err(BodyError::TooLarge) => {
            return bad(
                StatusCode::PAYLOAD_TOO_LARGE,
                &format!("a photo may be at most {limit} bytes"),
            );
        }
        Err(BodyError::Unreadable(why)) => {
            return bad(
                StatusCode::BAD_REQUEST,
                &format!("the photo could not be read: {why}"),
            );
        }
    };
    if bytes.is_empty() {
        return bad(StatusCode::BAD_REQUEST, "the body holds no photo");
    }
    let cases = app.cases.clone();
    let work = {
        let ctx = ctx.clone();
        move |_: Session| async move { cases.store_photo(&ctx, &declared, bytes).await }
    };
    match shared(&app, &ctx, address, "reports.photo_upload", work).await {
        Ok(stored) => (
            StatusCode::CREATED,
            axum::Json(json!({
                "photo": stored.id,
                "contentType": stored.content_type,
                "bytes": stored.bytes,
            })),
        )
            .into_response(),
        Err(response) => response,
    }
}

/// `GET /reports/{tenant}/photos/{id}`.
pub(crate) async fn download(
    State(app): State<App>,
    peer: Peer,
    headers: HeaderMap,
    Path((tenant, id)): Path<(String, String)>,
) -> Response {
    let Some(ctx) = staff(&app, &headers) else {
        return unauthenticated();
    };
    let Ok(id) = Uuid::parse_str(&id) else {
        return failed_answer(Failed::Service(CaseError::NotFound));
    };
    let address = super::client_address(&app, &headers, peer);
    let cases = app.cases.clone();
    let work = {
        let ctx = ctx.clone();
        move |session: Session| async move { cases.photo(&ctx, &session, &tenant, id).await }
    };
    let (content_type, bytes) = match shared(&app, &ctx, address, "reports.photo", work).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let mut response = (StatusCode::OK, bytes).into_response();
    let set = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        set.insert(header::CONTENT_TYPE, value);
    }
    set.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    set.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    set.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; sandbox"),
    );
    response
}
