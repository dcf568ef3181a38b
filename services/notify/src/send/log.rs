//! The log sink: every message as one JSON line in a file (and the application log). The
//! development default for e-mail and text messages.

use std::path::PathBuf;

use tokio::{io::AsyncWriteExt, sync::Mutex};

use super::{Message, SendError};
use crate::Channel;

/// Appends messages to a file, one JSON object per line.
pub struct LogSink {
    file: Option<PathBuf>,
    lock: Mutex<()>,
}

impl LogSink {
    /// A sink writing to `file`, or only to the application log.
    pub fn new(file: Option<PathBuf>) -> Self {
        Self {
            file,
            lock: Mutex::new(()),
        }
    }

    /// Writes one message.
    pub async fn send(&self, channel: Channel, m: &Message<'_>) -> Result<(), SendError> {
        tracing::info!(tenant = %m.tenant, channel = channel.as_str(), kind = m.kind, key = m.key,
            "notification written to the log sink");
        let Some(path) = &self.file else {
            return Ok(());
        };
        let mut line = serde_json::json!({
            "at": chrono::Utc::now(),
            "tenant": m.tenant.as_str(),
            "channel": channel.as_str(),
            "key": m.key,
            "kind": m.kind,
            "to": m.recipient,
            "subject": m.subject,
            "body": m.body,
            "calendar": m.calendar,
        })
        .to_string();
        line.push('\n');
        let _guard = self.lock.lock().await;
        let failed = |e: std::io::Error| SendError::Transient(format!("log sink: {e}"));
        let mut file = tokio::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .await
            .map_err(failed)?;
        file.write_all(line.as_bytes()).await.map_err(failed)?;
        file.flush().await.map_err(failed)
    }
}
