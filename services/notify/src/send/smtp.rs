//! E-mail over SMTP with lettre: plain text, with a calendar file (`.ics`) attached when the
//! message carries one; the delivery key as `Message-ID` so a mail system or reader can
//! recognise a retried message.

use lettre::{
    AsyncSmtpTransport, AsyncTransport, Tokio1Executor,
    message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType},
};

/// The attached calendar file's name.
const CALENDAR_FILE: &str = "afspraak.ics";

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
        let builder = lettre::Message::builder()
            .from(from)
            .to(to)
            .subject(m.subject.unwrap_or(m.kind))
            .message_id(Some(format!("<{}@{domain}>", m.key)));
        let built = match m.calendar {
            None => builder
                .header(ContentType::TEXT_PLAIN)
                .body(m.body.to_owned()),
            Some(calendar) => {
                let calendar_type =
                    ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                        .map_err(|e| SendError::Permanent(format!("calendar type: {e}")))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(m.body.to_owned()))
                        .singlepart(
                            Attachment::new(CALENDAR_FILE.to_owned())
                                .body(calendar.to_owned(), calendar_type),
                        ),
                )
            }
        };
        let email =
            built.map_err(|e| SendError::Permanent(format!("cannot build the e-mail: {e}")))?;
        self.transport.send(email).await.map(|_| ()).map_err(|e| {
            if e.is_permanent() {
                SendError::Permanent(format!("mail server refused: {e}"))
            } else {
                SendError::Transient(format!("mail server: {e}"))
            }
        })
    }
}
