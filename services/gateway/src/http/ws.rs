//! GraphQL subscriptions over WebSocket (`graphql-transport-ws`, and the older `graphql-ws`)
//! on `/graphql`. Browsers cannot set headers on a WebSocket, so the token travels in the
//! `connection_init` payload as `authorization` (and the tenant, for anonymous use, as
//! `tenant`); a refused token closes the connection. Subscriptions (`caseUpdated`) run with
//! the context made from that payload for as long as they last.

use async_graphql::{Data, http::ALL_WEBSOCKET_PROTOCOLS};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::{
    extract::{FromRequestParts, Request, WebSocketUpgrade},
    response::{IntoResponse, Response},
};
use loket_authz::AuthError;

use super::{App, request_id};

fn text<'a>(payload: &'a serde_json::Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| payload.get(*k).and_then(|v| v.as_str()))
}

/// Upgrades the request and serves GraphQL over the socket.
pub(crate) async fn upgrade(app: App, request: Request) -> Response {
    let (mut parts, _body) = request.into_parts();
    let protocol = match GraphQLProtocol::from_request_parts(&mut parts, &()).await {
        Ok(protocol) => protocol,
        Err(rejection) => return rejection.into_response(),
    };
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let request_id = request_id(&parts.headers);
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| async move {
            let schema = app.schema.clone();
            GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let bearer = text(&payload, &["authorization", "Authorization"])
                        .map(|v| v.strip_prefix("Bearer ").unwrap_or(v).trim());
                    let tenant = text(&payload, &["tenant", "Loket-Tenant", "loket-tenant"]);
                    let ctx = app.authz.context(bearer, tenant, request_id).map_err(|e| {
                        tracing::info!(reason = %e, "websocket credentials refused");
                        async_graphql::Error::new(AuthError::PUBLIC_MESSAGE)
                    })?;
                    let mut data = Data::default();
                    data.insert(ctx);
                    Ok(data)
                })
                .serve()
                .await;
        })
}
