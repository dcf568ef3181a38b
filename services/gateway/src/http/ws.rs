//! GraphQL over WebSocket (`graphql-transport-ws`, and the older `graphql-ws`) on `/graphql`.
//!
//! Browsers cannot set headers on a WebSocket, so the token travels in the `connection_init`
//! payload as `authorization` (and the tenant, for anonymous use, as `tenant`). Loket reads
//! that first message itself: a refused token closes the socket with 4403 (Forbidden), a
//! socket that does not introduce itself within ten seconds with 4408, and one that
//! subscribes before introducing itself with 4401. Every operation on the socket then runs
//! through the same executor as HTTP requests, with the same limits, error codes and expiry
//! check; when the token expires the socket closes with 4403, and a client reconnects with a
//! fresh token.

use std::{net::IpAddr, time::Duration};

use async_graphql::{
    Data,
    futures_util::{SinkExt, StreamExt, stream::BoxStream},
    http::{ALL_WEBSOCKET_PROTOCOLS, ClientMessage, WebSocket as Protocol, WsMessage},
};
use axum::{
    extract::{
        FromRequestParts, Request, WebSocketUpgrade,
        ws::{CloseFrame, Message, WebSocket},
    },
    http::{StatusCode, header},
    response::{IntoResponse, Response},
};
use chrono::Utc;
use loket_authz::AuthError;
use loket_kernel::Ctx;

use super::{App, request_id};
use crate::graphql::exec::Executor;

/// How long a new socket may take to send `connection_init`.
const INIT_TIMEOUT: Duration = Duration::from_secs(10);

const FORBIDDEN: u16 = 4403;
const UNAUTHORIZED: u16 = 4401;
const INIT_TIMED_OUT: u16 = 4408;

fn text<'a>(payload: &'a serde_json::Value, keys: &[&str]) -> Option<&'a str> {
    keys.iter()
        .find_map(|k| payload.get(*k).and_then(|v| v.as_str()))
}

/// Upgrades the request and serves GraphQL over the socket.
pub(crate) async fn upgrade(app: App, request: Request, peer: Option<IpAddr>) -> Response {
    let (mut parts, _body) = request.into_parts();
    let protocol = parts
        .headers
        .get(header::SEC_WEBSOCKET_PROTOCOL)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.split(',').find_map(|p| {
                p.trim()
                    .parse::<async_graphql::http::WebSocketProtocols>()
                    .ok()
            })
        });
    let Some(protocol) = protocol else {
        return (
            StatusCode::BAD_REQUEST,
            "name the graphql-transport-ws subprotocol",
        )
            .into_response();
    };
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    let request_id = request_id(&parts.headers);
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| serve(app, socket, protocol, request_id, peer))
}

async fn close(socket: &mut WebSocket, code: u16, reason: &str) {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let _ = socket.send(Message::Close(Some(frame))).await;
}

/// The next client message that carries text, or `None` when the client went away.
async fn next_text(socket: &mut WebSocket) -> Option<Vec<u8>> {
    while let Some(Ok(message)) = socket.next().await {
        match message {
            Message::Text(t) => return Some(t.as_bytes().to_vec()),
            Message::Binary(b) => return Some(b.to_vec()),
            Message::Close(_) => return None,
            Message::Ping(_) | Message::Pong(_) => {}
        }
    }
    None
}

async fn serve(
    app: App,
    mut socket: WebSocket,
    protocol: async_graphql::http::WebSocketProtocols,
    request_id: String,
    peer: Option<IpAddr>,
) {
    let first = match tokio::time::timeout(INIT_TIMEOUT, next_text(&mut socket)).await {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return,
        Err(_) => {
            return close(
                &mut socket,
                INIT_TIMED_OUT,
                "Connection initialisation timeout",
            )
            .await;
        }
    };
    let payload = match ClientMessage::from_bytes(first) {
        Ok(ClientMessage::ConnectionInit { payload }) => payload.unwrap_or_default(),
        _ => return close(&mut socket, UNAUTHORIZED, "Unauthorized").await,
    };
    let bearer = text(&payload, &["authorization", "Authorization"])
        .map(|v| v.strip_prefix("Bearer ").unwrap_or(v).trim());
    let tenant = text(&payload, &["tenant", "Loket-Tenant", "loket-tenant"]);
    let ctx = match app.authz.context(bearer, tenant, request_id) {
        Ok(ctx) => ctx,
        Err(e) => {
            tracing::info!(reason = %e, "websocket credentials refused");
            return close(&mut socket, FORBIDDEN, AuthError::PUBLIC_MESSAGE).await;
        }
    };
    let expires_at = ctx.expires_at();
    let (mut sink, source) = socket.split();
    // Loket has read `connection_init`; the protocol machine gets it back first, then the rest.
    let init = async_graphql::futures_util::stream::once(async move {
        Ok(ClientMessage::ConnectionInit {
            payload: Some(payload),
        })
    });
    let rest = source
        .take_while(|m| std::future::ready(!matches!(m, Ok(Message::Close(_)) | Err(_))))
        .filter_map(|m| {
            std::future::ready(match m {
                Ok(Message::Text(t)) => Some(ClientMessage::from_bytes(t.as_bytes())),
                Ok(Message::Binary(b)) => Some(ClientMessage::from_bytes(&b)),
                _ => None,
            })
        });
    let executor = OnSocket {
        executor: app.executor.clone(),
        ctx,
        peer,
    };
    let messages = Protocol::from_message_stream(executor, init.chain(rest), protocol)
        .on_connection_init(|_| async { Ok(Data::default()) });
    let mut messages = std::pin::pin!(messages);
    let expiry = async {
        match expires_at.and_then(|at| at.signed_duration_since(Utc::now()).to_std().ok()) {
            Some(left) => tokio::time::sleep(left).await,
            None if expires_at.is_some() => {}
            None => std::future::pending::<()>().await,
        }
    };
    tokio::pin!(expiry);
    loop {
        tokio::select! {
            message = messages.next() => {
                let Some(message) = message else { break };
                let sent = match message {
                    WsMessage::Text(text) => sink.send(Message::Text(text.into())).await,
                    WsMessage::Close(code, reason) => {
                        let frame = CloseFrame { code, reason: reason.into() };
                        let _ = sink.send(Message::Close(Some(frame))).await;
                        break;
                    }
                };
                if sent.is_err() {
                    break;
                }
            }
            () = &mut expiry => {
                let frame = CloseFrame { code: FORBIDDEN, reason: "Forbidden: the token has expired".into() };
                let _ = sink.send(Message::Close(Some(frame))).await;
                break;
            }
        }
    }
}

/// The executor as async-graphql's protocol machine sees it: every operation runs with the
/// socket's context, under a request id of its own.
#[derive(Clone)]
struct OnSocket {
    executor: Executor,
    ctx: Ctx,
    peer: Option<IpAddr>,
}

impl OnSocket {
    fn ctx(&self) -> Ctx {
        self.ctx
            .clone()
            .with_request_id(uuid::Uuid::new_v4().to_string())
    }
}

impl async_graphql::Executor for OnSocket {
    async fn execute(&self, request: async_graphql::Request) -> async_graphql::Response {
        self.executor
            .run(request, self.ctx(), self.peer)
            .await
            .response
    }

    fn execute_stream(
        &self,
        request: async_graphql::Request,
        _session_data: Option<std::sync::Arc<Data>>,
    ) -> BoxStream<'static, async_graphql::Response> {
        self.executor.stream(request, self.ctx(), self.peer)
    }
}
