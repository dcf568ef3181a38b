//! E-mail over SMTP with lettre: plain text, the delivery key as `Message-ID` so a mail
//! system or reader can recognise a retried message.

use lettre::{
    AsyncSmtpTransport, AsyncTransport, Tokio1Executor,
    message::{Mailbox, header::ContentType},
};

use super::{Message, SendError, SenderSetupError};

/// A pooled SMTP connection.
pub(super) struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
}

impl Smtp {
    /// From `smtp://host:port` (plain, or `?tls=required` for STARTTLS) or
    /// `smtps://user:password@host:port`.
    pub(super) fn new(url: &str) -> Result<Self, SenderSetupError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| SenderSetupError::Smtp(e.to_string()))?
            .build();
        Ok(Self { transport })
    }

    /// Sends one e-mail.
    pub(super) async fn send(&self, from: &str, m: &Message<'_>) -> Result<(), SendError> {
        let from: Mailbox = from.parse().map_err(|_| {
            SendError::Permanent("the tenant's email_from is not an address".into())
        })?;
        let to: Mailbox = m
            .recipient
            .parse()
            .map_err(|_| SendError::Permanent("not an e-mail address".into()))?;
        let domain = from.email.domain().to_owned();
        let email = lettre::Message::builder()
            .from(from)
            .to(to)
            .subject(m.subject.unwrap_or(m.kind))
            .message_id(Some(format!("<{}@{domain}>", m.key)))
            .header(ContentType::TEXT_PLAIN)
            .body(m.body.to_owned())
            .map_err(|e| SendError::Permanent(format!("cannot build the e-mail: {e}")))?;
        self.transport.send(email).await.map(|_| ()).map_err(|e| {
            if e.is_permanent() {
                SendError::Permanent(format!("mail server refused: {e}"))
            } else {
                SendError::Transient(format!("mail server: {e}"))
            }
        })
    }
}
