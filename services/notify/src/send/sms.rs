//! Text messages through a tenant's HTTP SMS gateway: `POST {"from", "to", "text",
//! "reference"}` with an optional bearer token; `reference` is the delivery key, for the
//! gateway to drop a retried message it already sent.

use std::path::Path;

use loket_kernel::config::SmsGatewayConfig;

use super::{Message, SendError, http_error, http_status};

/// One tenant's gateway.
pub(super) struct Gateway {
    url: String,
    token: Option<String>,
    sender: String,
}

impl Gateway {
    /// Reads the token (`env:NAME` or `file:PATH`, relative to the tenant folder).
    pub(super) fn new(
        config: &SmsGatewayConfig,
        sender: Option<String>,
        tenant_dir: &Path,
    ) -> Result<Self, String> {
        let token = match config.token.as_deref() {
            None => None,
            Some(reference) => Some(if let Some(name) = reference.strip_prefix("env:") {
                std::env::var(name)
                    .map_err(|_| format!("environment variable {name} is not set"))?
            } else if let Some(path) = reference.strip_prefix("file:") {
                std::fs::read_to_string(tenant_dir.join(path))
                    .map_err(|e| format!("{path}: {e}"))?
                    .trim()
                    .to_owned()
            } else {
                return Err("use env:NAME or file:PATH".into());
            }),
        };
        Ok(Self {
            url: config.url.clone(),
            token,
            sender: sender.unwrap_or_else(|| "Gemeente".into()),
        })
    }

    /// Sends one text message.
    pub(super) async fn send(
        &self,
        http: &reqwest::Client,
        m: &Message<'_>,
    ) -> Result<(), SendError> {
        let mut request = http.post(&self.url).json(&serde_json::json!({
            "from": self.sender,
            "to": m.recipient,
            "text": m.body,
            "reference": m.key,
        }));
        if let Some(token) = &self.token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.map_err(|e| http_error(&e))?;
        http_status(response.status())
    }
}
