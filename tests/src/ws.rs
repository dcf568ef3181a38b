//! Live updates end to end: a GraphQL-over-WebSocket client (`graphql-transport-ws`, token in
//! the `connection_init` payload) and further replicas of a running `loket serve` on the same
//! database, for the tests and benchmarks of subscriptions.

use std::{path::Path, process::Stdio, time::Duration};

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::{
    io::{AsyncBufReadExt, BufReader},
    net::TcpStream,
    process::{Child, Command},
};
use tokio_tungstenite::{
    MaybeTlsStream, WebSocketStream,
    tungstenite::{Message, client::IntoClientRequest},
};

/// One `graphql-transport-ws` connection to `/graphql`.
pub struct Socket {
    inner: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Socket {
    /// Connects to the server at `base` (`http://host:port`), protocol negotiated.
    pub async fn connect(base: &str) -> Self {
        let url = format!("{}/graphql", base.replace("http://", "ws://"));
        let mut request = url.into_client_request().expect("a WebSocket URL");
        request.headers_mut().insert(
            "sec-websocket-protocol",
            "graphql-transport-ws".parse().expect("a header value"),
        );
        let (inner, response) = tokio_tungstenite::connect_async(request)
            .await
            .expect("WebSocket connection");
        assert_eq!(
            response.headers()["sec-websocket-protocol"],
            "graphql-transport-ws"
        );
        Self { inner }
    }

    /// Connects and sends `connection_init` with `token` (as `Bearer ...`) and `tenant`;
    /// panics unless the server acknowledges.
    pub async fn open(base: &str, token: Option<&str>, tenant: Option<&str>) -> Self {
        let mut socket = Self::connect(base).await;
        let mut payload = json!({});
        if let Some(token) = token {
            payload["authorization"] = json!(format!("Bearer {token}"));
        }
        if let Some(tenant) = tenant {
            payload["tenant"] = json!(tenant);
        }
        socket
            .send(json!({ "type": "connection_init", "payload": payload }))
            .await;
        let ack = socket.next_within(Duration::from_secs(10)).await;
        assert_eq!(
            ack.as_ref().map(|a| &a["type"]),
            Some(&json!("connection_ack")),
            "{ack:?}"
        );
        socket
    }

    /// Sends one protocol message.
    pub async fn send(&mut self, message: Value) {
        self.inner
            .send(Message::text(message.to_string()))
            .await
            .expect("send on the socket");
    }

    /// The next protocol message within `wait` (pings are answered and skipped); `None` when
    /// nothing came. A close frame is returned as `{"type": "close", "code", "reason"}`.
    pub async fn next_within(&mut self, wait: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let frame = tokio::time::timeout_at(deadline, self.inner.next())
                .await
                .ok()?
                .expect("socket open")
                .expect("a frame");
            match frame {
                Message::Text(text) => {
                    let message: Value = serde_json::from_str(&text).expect("JSON message");
                    if message["type"] == "ping" {
                        self.send(json!({ "type": "pong" })).await;
                        continue;
                    }
                    return Some(message);
                }
                Message::Close(frame) => {
                    let (code, reason) = frame.map_or((0, String::new()), |f| {
                        (u16::from(f.code), f.reason.as_str().to_owned())
                    });
                    return Some(json!({ "type": "close", "code": code, "reason": reason }));
                }
                _ => {}
            }
        }
    }

    /// Starts subscription `id` and returns once the server runs it: a query sent after it on
    /// the same socket has been answered.
    pub async fn subscribe(&mut self, id: &str, query: &str) {
        self.send(json!({ "id": id, "type": "subscribe", "payload": { "query": query } }))
            .await;
        let ready = format!("{id}-ready");
        self.send(
            json!({ "id": ready, "type": "subscribe", "payload": { "query": "{ __typename }" } }),
        )
        .await;
        loop {
            let message = self
                .next_within(Duration::from_secs(10))
                .await
                .expect("an answer to the readiness query");
            assert_ne!(message["id"], json!(id), "early message: {message}");
            if message["id"] == json!(ready) && message["type"] == "complete" {
                return;
            }
        }
    }

    /// The payload of the next `next` message of subscription `id` within `wait`; panics on
    /// a message of another subscription or a `complete`/`error` of this one.
    pub async fn next_of(&mut self, id: &str, wait: Duration) -> Option<Value> {
        let message = self.next_within(wait).await?;
        assert_eq!(
            (&message["id"], &message["type"]),
            (&json!(id), &json!("next")),
            "{message}"
        );
        Some(message["payload"].clone())
    }
}

/// Another `loket serve` process on the database of a running one: a second replica.
/// Killed when dropped.
pub struct Replica {
    _child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    client: reqwest::Client,
}

impl Replica {
    /// Starts `loket serve` on port 0 against `database_url` with the demo tenants and extra
    /// environment; demo data is already there, made by the first replica.
    pub async fn start(database_url: &str, env: &[(&str, &str)]) -> Self {
        Self::start_with(database_url, &crate::tenants_dir(), env).await
    }

    /// [`Replica::start`] with a tenants folder of its own.
    pub async fn start_with(database_url: &str, tenants: &Path, env: &[(&str, &str)]) -> Self {
        let mut child = Command::new(crate::binary())
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--database",
                database_url,
            ])
            .arg("--tenants")
            .arg(tenants)
            .env("LOKET_DEMO_TOKENS", "false")
            .env("LOKET_LOG_FORMAT", "json")
            // No photos: nothing here uploads any, and no folder is made in the clone.
            .env("LOKET_PHOTO_STORE", "none")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("spawn a second loket");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let base = tokio::time::timeout(Duration::from_secs(60), async {
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(url) = line.strip_prefix("Loket listening on ") {
                    return url.strip_suffix("/graphql").map(str::to_owned);
                }
            }
            None
        })
        .await
        .ok()
        .flatten()
        .expect("the second loket listens within 60 s");
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
        Self {
            _child: child,
            base,
            client: reqwest::Client::new(),
        }
    }

    /// POSTs a GraphQL query with `token`; returns the JSON body (HTTP 200 required).
    pub async fn graphql(&self, token: &str, query: &str) -> Value {
        let response = self
            .client
            .post(format!("{}/graphql", self.base))
            .bearer_auth(token)
            .json(&json!({ "query": query }))
            .send()
            .await
            .expect("request");
        assert_eq!(response.status().as_u16(), 200);
        response.json().await.expect("JSON body")
    }
}
