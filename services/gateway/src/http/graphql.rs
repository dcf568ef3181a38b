//! `POST /graphql` and `GET /graphql` as the GraphQL-over-HTTP specification describes them:
//! JSON bodies on POST, query parameters on GET (queries only), content negotiation between
//! `application/graphql-response+json` and `application/json`, GraphiQL for browsers, and
//! the WebSocket upgrade for subscriptions.

use std::{net::IpAddr, time::Duration};

use async_graphql::{
    ErrorExtensionValues, ServerError, http::GraphiQLSource, parser::types::OperationType,
};
use axum::{
    body::Body,
    extract::{ConnectInfo, Request, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{Html, IntoResponse, Response},
};
use loket_authz::AuthError;
use loket_kernel::{ErrorCode, HasCode};

use super::{
    App,
    body::BodyError,
    negotiate::{Media, negotiate},
    ws,
};
use crate::graphql::exec::inspect;

/// A GraphQL error response that never reached execution.
fn refuse(media: Media, status: StatusCode, code: ErrorCode, message: &str) -> Response {
    let mut error = ServerError::new(message, None);
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", code.as_str());
    error.extensions = Some(extensions);
    let response = async_graphql::Response::from_errors(vec![error]);
    // Under the legacy media type a well-formed request is answered with 200, refused
    // credentials included; a body that cannot be read at all keeps its 4xx.
    let status = match media {
        Media::Json if status == StatusCode::UNAUTHORIZED => StatusCode::OK,
        _ => status,
    };
    respond(media, status, &response, false)
}

/// Serialises a response. A request that never executed has no `data` entry at all, as the
/// GraphQL-over-HTTP specification requires (async-graphql would write `"data": null`).
fn respond(
    media: Media,
    status: StatusCode,
    response: &async_graphql::Response,
    executed: bool,
) -> Response {
    let body = if executed {
        serde_json::to_vec(response)
    } else {
        serde_json::to_value(response).and_then(|mut value| {
            if let Some(object) = value.as_object_mut() {
                object.remove("data");
            }
            serde_json::to_vec(&value)
        })
    }
    .unwrap_or_else(|_| b"{}".to_vec());
    let mut http = (status, body).into_response();
    http.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(media.content_type()),
    );
    if status == StatusCode::UNAUTHORIZED {
        http.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    http
}

fn not_acceptable() -> Response {
    (
        StatusCode::NOT_ACCEPTABLE,
        "accept application/graphql-response+json or application/json",
    )
        .into_response()
}

/// `POST /graphql`.
pub(crate) async fn post(
    State(app): State<App>,
    peer: super::Peer,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let peer = super::client_address(&app, &headers, peer);
    let Some(media) = negotiate(&headers) else {
        return not_acceptable();
    };
    let body = match super::body::read_limited(body, app.limits.max_body_bytes).await {
        Ok(body) => body,
        Err(BodyError::TooLarge) => {
            let message = format!(
                "request body larger than {} bytes",
                app.limits.max_body_bytes
            );
            return refuse(
                media,
                StatusCode::PAYLOAD_TOO_LARGE,
                ErrorCode::BadUserInput,
                &message,
            );
        }
        Err(BodyError::Unreadable(why)) => {
            let message = format!("the request body could not be read: {why}");
            return refuse(
                media,
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                &message,
            );
        }
    };
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    if !content_type
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("application/json")
    {
        return refuse(
            media,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ErrorCode::BadUserInput,
            "POST bodies must be application/json",
        );
    }
    let request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(request) => request,
        Err(e) => {
            let message = format!("the body is not a GraphQL request: {e}");
            return refuse(
                media,
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                &message,
            );
        }
    };
    execute(&app, &headers, peer, media, Method::POST, request).await
}

/// `GET /graphql`: a WebSocket upgrade, GraphiQL for a browser, or a query in the URL.
pub(crate) async fn get(State(app): State<App>, request: Request) -> Response {
    let headers = request.headers().clone();
    let peer = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(addr)| *addr);
    let peer = super::client_address(&app, &headers, super::Peer(peer));
    let is_upgrade = headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    if is_upgrade {
        return ws::upgrade(app, request, peer).await;
    }
    let query = request.uri().query().unwrap_or_default().to_owned();
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    if query.is_empty() && wants_html {
        let page = GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql")
            .title("Loket GraphiQL")
            .finish();
        return Html(page).into_response();
    }
    let Some(media) = negotiate(&headers) else {
        return not_acceptable();
    };
    match async_graphql::http::parse_query_string(&query) {
        Ok(request) => execute(&app, &headers, peer, media, Method::GET, request).await,
        Err(e) => refuse(
            media,
            StatusCode::BAD_REQUEST,
            ErrorCode::BadUserInput,
            &format!("invalid query parameters: {e}"),
        ),
    }
}

pub(crate) fn bearer(headers: &HeaderMap) -> Result<Option<&str>, AuthError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| AuthError::Malformed)?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(Some(token.trim()))
        }
        _ => Err(AuthError::Malformed),
    }
}

async fn execute(
    app: &App,
    headers: &HeaderMap,
    peer: Option<IpAddr>,
    media: Media,
    method: Method,
    mut request: async_graphql::Request,
) -> Response {
    if let Some(found) = inspect(&mut request) {
        if method == Method::GET && found.kind == OperationType::Mutation {
            let mut response = refuse(
                media,
                StatusCode::METHOD_NOT_ALLOWED,
                ErrorCode::BadUserInput,
                "mutations must be sent with POST",
            );
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("POST"));
            return response;
        }
        if found.kind == OperationType::Subscription {
            let message = "subscriptions run over WebSocket (graphql-transport-ws) on /graphql";
            return refuse(
                media,
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                message,
            );
        }
    }
    let ctx = match super::context(app, headers) {
        Ok(ctx) => ctx,
        Err(e) => {
            tracing::info!(reason = %e, "credentials refused");
            crate::metrics::request("invalid", "-", "unauthenticated", Duration::ZERO);
            return match e.code() {
                ErrorCode::BadUserInput => refuse(
                    media,
                    media.status(false),
                    ErrorCode::BadUserInput,
                    "name the tenant with a token or the Loket-Tenant header",
                ),
                code => refuse(
                    media,
                    StatusCode::UNAUTHORIZED,
                    code,
                    AuthError::PUBLIC_MESSAGE,
                ),
            };
        }
    };
    tracing::Span::current().record("tenant", ctx.tenant().as_str());
    let outcome = app.executor.run(request, ctx, peer).await;
    let status = if outcome.failed {
        StatusCode::INTERNAL_SERVER_ERROR
    } else if outcome.retry_after.is_some() {
        StatusCode::TOO_MANY_REQUESTS
    } else if outcome.unauthenticated {
        StatusCode::UNAUTHORIZED
    } else {
        media.status(outcome.executed)
    };
    let status = match media {
        // The legacy media type answers every well-formed request with 200 (a refused rate
        // keeps its 429, so that clients and proxies back off).
        Media::Json if status == StatusCode::UNAUTHORIZED || status == StatusCode::BAD_REQUEST => {
            StatusCode::OK
        }
        _ => status,
    };
    let mut response = respond(media, status, &outcome.response, outcome.executed);
    if let Some(wait) = outcome.retry_after {
        let seconds = wait
            .as_secs()
            .saturating_add(u64::from(wait.subsec_nanos() > 0))
            .max(1);
        if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
    }
    response
}
