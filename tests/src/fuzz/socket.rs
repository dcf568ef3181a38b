//! A `graphql-transport-ws` client that reports what the server did instead of panicking:
//! a close frame, a dropped connection or silence are outcomes a hostile-input test must see
//! and describe (the harness's [`crate::ws::Socket`] fails the test on them).

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::{net::TcpStream, time::Instant};
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream,
    tungstenite::{Message, client::IntoClientRequest},
};

/// What the server sent next.
#[derive(Debug, Clone, PartialEq)]
pub enum Frame {
    /// A protocol message (pings are answered and skipped).
    Message(Value),
    /// A close frame with its code and reason (code 0 when the frame had none).
    Close(u16, String),
    /// The connection ended without a close frame, or failed.
    Dropped(String),
    /// Nothing arrived in time.
    Silent,
}

/// One connection to `/graphql`.
pub struct WsClient {
    inner: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl WsClient {
    /// Connects to the server at `base` (`http://host:port`) with the
    /// `graphql-transport-ws` sub-protocol.
    pub async fn connect(base: &str) -> Result<Self, String> {
        let url = format!("{}/graphql", base.replace("http://", "ws://"));
        let mut request = url.into_client_request().map_err(|e| e.to_string())?;
        request
            .headers_mut()
            .insert("sec-websocket-protocol", http_value("graphql-transport-ws"));
        let (inner, _) = tokio::time::timeout(
            Duration::from_secs(10),
            tokio_tungstenite::connect_async(request),
        )
        .await
        .map_err(|_| "no WebSocket handshake within 10 s".to_owned())?
        .map_err(|e| format!("WebSocket handshake failed: {e}"))?;
        Ok(Self { inner })
    }

    /// Sends `connection_init` with `payload`; returns the server's answer (a
    /// `connection_ack` message when accepted).
    pub async fn init(&mut self, payload: Value) -> Frame {
        if let Err(e) = self
            .send(json!({ "type": "connection_init", "payload": payload }))
            .await
        {
            return Frame::Dropped(e);
        }
        self.next_within(Duration::from_secs(10)).await
    }

    /// `connection_init` with a bearer token, or a tenant for anonymous use.
    pub fn init_payload(token: Option<&str>, tenant: &str) -> Value {
        match token {
            Some(token) => json!({ "authorization": format!("Bearer {token}") }),
            None => json!({ "tenant": tenant }),
        }
    }

    /// Sends one protocol message.
    pub async fn send(&mut self, message: Value) -> Result<(), String> {
        self.inner
            .send(Message::text(message.to_string()))
            .await
            .map_err(|e| format!("send failed: {e}"))
    }

    /// Starts operation `id`.
    pub async fn subscribe(
        &mut self,
        id: &str,
        query: &str,
        variables: Option<&Value>,
    ) -> Result<(), String> {
        let mut payload = json!({ "query": query });
        if let Some(variables) = variables {
            payload["variables"] = variables.clone();
        }
        self.send(json!({ "id": id, "type": "subscribe", "payload": payload }))
            .await
    }

    /// The next frame within `wait`; pings are answered with pongs and skipped.
    pub async fn next_within(&mut self, wait: Duration) -> Frame {
        let deadline = Instant::now() + wait;
        loop {
            let frame = match tokio::time::timeout_at(deadline, self.inner.next()).await {
                Err(_) => return Frame::Silent,
                Ok(None) => {
                    return Frame::Dropped("the connection ended without a close frame".into());
                }
                Ok(Some(Err(e))) => return Frame::Dropped(e.to_string()),
                Ok(Some(Ok(frame))) => frame,
            };
            match frame {
                Message::Text(text) => {
                    let Ok(message) = serde_json::from_str::<Value>(&text) else {
                        return Frame::Message(
                            json!({ "type": "unparsable", "text": text.as_str() }),
                        );
                    };
                    if message["type"] == "ping" {
                        if let Err(e) = self.send(json!({ "type": "pong" })).await {
                            return Frame::Dropped(e);
                        }
                        continue;
                    }
                    return Frame::Message(message);
                }
                Message::Close(frame) => {
                    let (code, reason) = frame.map_or((0, String::new()), |f| {
                        (u16::from(f.code), f.reason.as_str().to_owned())
                    });
                    return Frame::Close(code, reason);
                }
                _ => {}
            }
        }
    }

    /// Closes the connection politely.
    pub async fn close(mut self) {
        let _ = self.inner.close(None).await;
    }
}

fn http_value(text: &'static str) -> tokio_tungstenite::tungstenite::http::HeaderValue {
    tokio_tungstenite::tungstenite::http::HeaderValue::from_static(text)
}
