//! `POST /graphql` and `GET /graphql` as the GraphQL-over-HTTP specification describes them:
//! JSON bodies on POST, query parameters on GET (queries only), content negotiation between
//! `application/graphql-response+json` and `application/json`, GraphiQL for browsers, and
//! the WebSocket upgrade for subscriptions.

use std::time::Instant;

use async_graphql::{
    ErrorExtensionValues, ServerError, Value, http::GraphiQLSource, parser::types::OperationType,
};
use axum::{
    body::Bytes,
    extract::{Request, State, rejection::BytesRejection},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{Html, IntoResponse, Response},
};
use loket_authz::AuthError;
use loket_kernel::{ErrorCode, HasCode};

use super::{
    App, TENANT_HEADER,
    negotiate::{Media, negotiate},
    request_id, ws,
};
use crate::graphql::{code_of, count_aliases};

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
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let Some(media) = negotiate(&headers) else {
        return not_acceptable();
    };
    let body = match body {
        Ok(body) => body,
        Err(BytesRejection::FailedToBufferBody(_)) => {
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
        Err(e) => return refuse(media, e.status(), ErrorCode::BadUserInput, &e.body_text()),
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
    execute(&app, &headers, media, Method::POST, request).await
}

/// `GET /graphql`: a WebSocket upgrade, GraphiQL for a browser, or a query in the URL.
pub(crate) async fn get(State(app): State<App>, request: Request) -> Response {
    let headers = request.headers().clone();
    let is_upgrade = headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    if is_upgrade {
        return ws::upgrade(app, request).await;
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
        Ok(request) => execute(&app, &headers, media, Method::GET, request).await,
        Err(e) => refuse(
            media,
            StatusCode::BAD_REQUEST,
            ErrorCode::BadUserInput,
            &format!("invalid query parameters: {e}"),
        ),
    }
}

/// The root field of the chosen operation, as a bounded metrics label.
struct Inspection {
    label: String,
    aliases: usize,
    operation: Option<OperationType>,
}

/// Parses the document once; execution reuses the parsed document kept on the request.
fn inspect(request: &mut async_graphql::Request) -> Option<Inspection> {
    let operation_name = request.operation_name.clone();
    let doc = request.parsed_query().ok()?;
    let operation = match &operation_name {
        Some(name) => doc
            .operations
            .iter()
            .find(|(n, _)| n.is_some_and(|n| n.as_str() == name))
            .map(|(_, op)| op),
        None => doc.operations.iter().next().map(|(_, op)| op),
    }?;
    let root = operation
        .node
        .selection_set
        .node
        .items
        .iter()
        .find_map(|item| match &item.node {
            async_graphql::parser::types::Selection::Field(f) => Some(f.node.name.node.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| "fragment".to_owned());
    Some(Inspection {
        label: root,
        aliases: count_aliases(doc),
        operation: Some(operation.node.ty),
    })
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
    media: Media,
    method: Method,
    mut request: async_graphql::Request,
) -> Response {
    let started = Instant::now();
    let inspection = inspect(&mut request);
    if let Some(found) = &inspection {
        if found.aliases > app.limits.max_aliases {
            let message = format!(
                "the query uses {} aliases; at most {} are allowed",
                found.aliases, app.limits.max_aliases
            );
            return refuse(
                media,
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                &message,
            );
        }
        if method == Method::GET && found.operation == Some(OperationType::Mutation) {
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
        if found.operation == Some(OperationType::Subscription) {
            let message = "subscriptions run over WebSocket (graphql-transport-ws) on /graphql";
            return refuse(
                media,
                StatusCode::BAD_REQUEST,
                ErrorCode::BadUserInput,
                message,
            );
        }
    }

    let tenant_header = headers.get(TENANT_HEADER).and_then(|v| v.to_str().ok());
    let ctx = bearer(headers)
        .and_then(|token| app.authz.context(token, tenant_header, request_id(headers)));
    let ctx = match ctx {
        Ok(ctx) => ctx,
        Err(e) => {
            tracing::info!(reason = %e, "credentials refused");
            let label = inspection.as_ref().map_or("invalid", |i| i.label.as_str());
            crate::metrics::request(label, "-", "unauthenticated", started.elapsed());
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
    let tenant = ctx.tenant().to_string();

    let mut response = app.schema.execute(request.data(ctx)).await;
    // A request error (parse, validation, limits) has errors without a path and no data; an
    // execution error that nulls a non-null root field still executed.
    let executed = response.data != Value::Null
        || response.errors.is_empty()
        || response.errors.iter().any(|e| !e.path.is_empty());
    for error in &mut response.errors {
        if code_of(error).is_none() {
            let code = if error.path.is_empty() {
                ErrorCode::BadUserInput
            } else {
                ErrorCode::Internal
            };
            error
                .extensions
                .get_or_insert_with(ErrorExtensionValues::default)
                .set("code", code.as_str());
        }
    }
    let outcome = if !executed {
        "rejected"
    } else if response.errors.is_empty() {
        "ok"
    } else {
        "error"
    };
    let label = match (&inspection, executed) {
        (Some(found), true) => found.label.as_str(),
        _ => "invalid",
    };
    crate::metrics::request(label, &tenant, outcome, started.elapsed());
    respond(media, media.status(executed), &response, executed)
}
