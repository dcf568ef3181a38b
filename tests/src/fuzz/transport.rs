//! Sending one generated request over HTTP POST, HTTP GET or a WebSocket, and recording what
//! came back without judging it (that is [`super::oracle`]'s job).

use std::time::Duration;

use serde_json::{Value, json};

use super::{
    callers::Caller,
    socket::{Frame, WsClient},
    value::abbreviate,
};

/// How long a request may take before the client gives up and reports it.
pub const ANSWER_WITHIN: Duration = Duration::from_secs(30);
/// How long a running subscription is watched before the client completes it.
const SUBSCRIPTION_WATCH: Duration = Duration::from_millis(400);
/// GET is used only while the URL stays short enough for any server to take it.
pub const MAX_GET_URL: usize = 6_000;

/// The way a request travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    /// `POST /graphql` with a JSON body.
    Post,
    /// `GET /graphql?query=…&variables=…` (queries only).
    Get,
    /// `graphql-transport-ws` on `/graphql`.
    Ws,
}

/// One request, with everything needed to replay it.
#[derive(Debug, Clone)]
pub struct Request {
    /// How it travels.
    pub transport: Transport,
    /// Who sends it.
    pub caller: Caller,
    /// The document.
    pub query: String,
    /// The variables, if any.
    pub variables: Option<Value>,
    /// Extra HTTP headers.
    pub headers: Vec<(String, String)>,
    /// Whether it is a subscription (watched briefly, then completed).
    pub subscription: bool,
}

impl Request {
    /// The body a POST or the payload a `subscribe` message carries.
    pub fn body(&self) -> Value {
        let mut body = json!({ "query": self.query });
        if let Some(variables) = &self.variables {
            body["variables"] = variables.clone();
        }
        body
    }

    /// Everything needed to send it again, written out (long values abbreviated; the full
    /// body goes to a file when it is long).
    pub fn replay(&self) -> String {
        let body = self.body().to_string();
        let full = if body.chars().count() > 2_000 {
            let dir = std::env::temp_dir().join("loket-fuzz");
            let _ = std::fs::create_dir_all(&dir);
            let path = dir.join(format!("{:016x}.json", fingerprint(&body)));
            match std::fs::write(&path, &body) {
                Ok(()) => format!("\n  full body: {}", path.display()),
                Err(_) => String::new(),
            }
        } else {
            String::new()
        };
        let headers: String = self
            .headers
            .iter()
            .map(|(k, v)| format!("\n  header: {k}: {}", abbreviate(v, 120)))
            .collect();
        let variables = self
            .variables
            .as_ref()
            .map(|v| format!("\n  variables: {}", abbreviate(&v.to_string(), 600)))
            .unwrap_or_default();
        format!(
            "{:?} /graphql as {} ({}){headers}\n  query: {}{variables}{full}",
            self.transport,
            self.caller.label(),
            self.caller.replay(),
            abbreviate(&self.query, 1_200),
        )
    }
}

fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// What came back.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// An HTTP response: status, `x-request-id` header and body (JSON, or the text when it
    /// is not JSON).
    Http {
        /// The status code.
        status: u16,
        /// The `x-request-id` response header.
        request_id: Option<String>,
        /// The `Retry-After` header.
        retry_after: Option<String>,
        /// The body.
        body: Result<Value, String>,
    },
    /// The connection failed or was dropped before a complete response.
    Dropped(String),
    /// No answer within [`ANSWER_WITHIN`].
    TimedOut,
    /// What the socket delivered: messages for the operation, and how it ended.
    Ws {
        /// `next`, `error` and `complete` messages, in order.
        messages: Vec<Value>,
        /// Set when the server closed or dropped the socket, or a step failed.
        ended: Option<String>,
    },
}

/// Sends `request` to the server at `base`.
pub async fn send(client: &reqwest::Client, base: &str, request: &Request) -> Outcome {
    match request.transport {
        Transport::Post | Transport::Get => http(client, base, request).await,
        Transport::Ws => ws(base, request).await,
    }
}

async fn http(client: &reqwest::Client, base: &str, request: &Request) -> Outcome {
    let url = format!("{base}/graphql");
    let mut builder = if request.transport == Transport::Get {
        let mut query = vec![("query", request.query.clone())];
        if let Some(variables) = &request.variables {
            query.push(("variables", variables.to_string()));
        }
        match reqwest::Url::parse_with_params(&url, &query) {
            Ok(url) => client.get(url),
            Err(e) => return Outcome::Dropped(format!("cannot build the GET URL: {e}")),
        }
    } else {
        client.post(url).json(&request.body())
    }
    .header("accept", "application/graphql-response+json");
    if let Some(token) = &request.caller.token {
        builder = builder.bearer_auth(token);
    } else {
        builder = builder.header("loket-tenant", &request.caller.tenant);
    }
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let sent = tokio::time::timeout(ANSWER_WITHIN, async {
        let response = builder.send().await?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let (request_id, retry_after) = (header("x-request-id"), header("retry-after"));
        let bytes = response.bytes().await?;
        let body = serde_json::from_slice(&bytes)
            .map_err(|_| abbreviate(&String::from_utf8_lossy(&bytes), 300));
        Ok::<_, reqwest::Error>(Outcome::Http {
            status,
            request_id,
            retry_after,
            body,
        })
    })
    .await;
    match sent {
        Err(_) => Outcome::TimedOut,
        Ok(Err(e)) => Outcome::Dropped(error_chain(&e.without_url())),
        Ok(Ok(outcome)) => outcome,
    }
}

/// An error with its sources, which say whether the peer reset or closed the connection.
pub fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

async fn ws(base: &str, request: &Request) -> Outcome {
    let ended = |why: String| Outcome::Ws {
        messages: Vec::new(),
        ended: Some(why),
    };
    let mut socket = match WsClient::connect(base).await {
        Ok(socket) => socket,
        Err(e) => return Outcome::Dropped(e),
    };
    let payload = WsClient::init_payload(request.caller.token.as_deref(), &request.caller.tenant);
    match socket.init(payload).await {
        Frame::Message(m) if m["type"] == "connection_ack" => {}
        other => return ended(format!("connection_init was not acknowledged: {other:?}")),
    }
    if let Err(e) = socket
        .subscribe("1", &request.query, request.variables.as_ref())
        .await
    {
        return ended(e);
    }
    let mut messages = Vec::new();
    let wait = if request.subscription {
        SUBSCRIPTION_WATCH
    } else {
        ANSWER_WITHIN
    };
    loop {
        match socket.next_within(wait).await {
            Frame::Message(m) => {
                let done = m["type"] == "complete" || m["type"] == "error";
                messages.push(m);
                if done {
                    break;
                }
            }
            Frame::Silent if request.subscription => {
                // Still running: end it as a client would.
                let _ = socket.send(json!({ "id": "1", "type": "complete" })).await;
                break;
            }
            Frame::Silent => return Outcome::TimedOut,
            Frame::Close(code, reason) => {
                return Outcome::Ws {
                    messages,
                    ended: Some(format!("the server closed the socket: {code} {reason}")),
                };
            }
            Frame::Dropped(e) => {
                return Outcome::Ws {
                    messages,
                    ended: Some(format!("the socket dropped: {e}")),
                };
            }
        }
    }
    socket.close().await;
    Outcome::Ws {
        messages,
        ended: None,
    }
}
