//! Filing: `POST requests`, form-encoded, for an app's user, with an app token of the
//! municipality as `api_key`.

use axum::{
    body::Body,
    extract::{Path, State},
    http::{HeaderMap, header},
    response::Response,
};
use chrono::Utc;
use loket_store::Mode;

use super::{
    App, Peer, answer, begin, error::Open311Error, format::Format, mapping::Receipt, params,
};
use crate::http::body::{BodyError, read_limited};

/// `POST requests`: files a report for the app's user.
pub(super) async fn file_request(
    State(app): State<App>,
    Path(file): Path<String>,
    headers: HeaderMap,
    peer: Peer,
    body: Body,
) -> Response {
    let form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !form {
        let format = Format::split(&file).map_or(Format::Xml, |(_, format)| format);
        return format.error(&Open311Error::invalid(
            "Content-Type",
            "send the parameters as application/x-www-form-urlencoded",
        ));
    }
    let body = match read_limited(body, app.limits.max_body_bytes).await {
        Ok(body) => body,
        Err(refused) => {
            let format = Format::split(&file).map_or(Format::Xml, |(_, format)| format);
            return format.error(&match refused {
                BodyError::TooLarge => Open311Error::TooLarge(app.limits.max_body_bytes),
                BodyError::Unreadable(why) => Open311Error::invalid("body", why),
            });
        }
    };
    let (name, call) = match begin(&app, &headers, peer, &file, &body, true) {
        Ok(begun) => begun,
        Err(response) => return *response,
    };
    if name != "requests" {
        return call
            .format
            .error(&Open311Error::NotFound("no such resource"));
    }
    let new = match params::new_report(&call.params, Utc::now()) {
        Ok(new) => new,
        Err(e) => return call.format.error(&e),
    };
    let known = app
        .cases
        .types()
        .get(call.ctx.tenant(), new.category.trim());
    if known.is_none_or(|t| t.report.is_none()) {
        return call
            .format
            .error(&Open311Error::UnknownService(new.category));
    }
    let cases = app.cases.clone();
    let ctx = call.ctx.clone();
    answer(
        &app,
        &call,
        Mode::Write,
        "open311.file",
        move |session| async move {
            cases
                .file_report(&ctx, &session, new)
                .await
                .map_err(Open311Error::from_case)
        },
        |filed| {
            let (_, notice) = filed.report.status_name_and_text();
            let receipt = Receipt {
                service_request_id: filed.report.reference.clone(),
                token: filed.reporter_id.to_string(),
                service_notice: Some(notice.to_owned()).filter(|n| !n.is_empty()),
            };
            call.format.list("service_requests", "request", &[receipt])
        },
    )
    .await
}
