//! The senders: e-mail over SMTP (lettre), text messages through the tenant's HTTP SMS
//! gateway, signed webhooks (reqwest) and the log sink. Without an SMTP server or an SMS
//! gateway configured, e-mail and text messages go to the log sink: the development default.

pub mod guard;
mod log;
mod sms;
mod smtp;
mod webhook;

use std::{collections::HashMap, path::PathBuf, time::Duration};

use loket_kernel::{TenantId, config::TenantSet};

use crate::Channel;
pub use log::LogSink;

/// One message to send.
#[derive(Debug, Clone, Copy)]
pub struct Message<'a> {
    /// The municipality sending it.
    pub tenant: &'a TenantId,
    /// The delivery key: the same on every attempt, for the receiver to recognise a retry.
    pub key: &'a str,
    /// Message or event kind.
    pub kind: &'a str,
    /// E-mail address, phone number or URL.
    pub recipient: &'a str,
    /// E-mail subject.
    pub subject: Option<&'a str>,
    /// Text or JSON body.
    pub body: &'a str,
    /// An iCalendar text sent with an e-mail as `.ics` attachment.
    pub calendar: Option<&'a str>,
    /// Webhook signing secret.
    pub secret: Option<&'a str>,
}

/// Why a message was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth another try later (receiver down, timeout, 5xx, 429).
    #[error("{0}")]
    Transient(String),
    /// Will fail again (a refused address, a 4xx): dead-lettered at once.
    #[error("{0}")]
    Permanent(String),
}

/// Sender settings for the whole installation.
#[derive(Debug, Clone)]
pub struct SenderSettings {
    /// SMTP server, for example `smtp://mail.internal:25` or `smtps://user:pass@host`;
    /// `None`: e-mail goes to the log sink.
    pub smtp_url: Option<String>,
    /// File the log sink appends JSON lines to; `None`: only the application log.
    pub log_file: Option<PathBuf>,
    /// Time limit for one webhook or SMS gateway call.
    pub timeout: Duration,
    /// Let webhooks reach loopback addresses (development and tests only).
    pub loopback_webhooks: bool,
}

impl Default for SenderSettings {
    fn default() -> Self {
        Self {
            smtp_url: None,
            log_file: None,
            timeout: Duration::from_secs(10),
            loopback_webhooks: false,
        }
    }
}

/// Why the senders could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum SenderSetupError {
    /// The SMTP URL is not usable.
    #[error("SMTP: {0}")]
    Smtp(String),
    /// A tenant's SMS gateway token could not be read.
    #[error("tenant {tenant}: SMS gateway token: {message}")]
    SmsToken {
        /// The tenant.
        tenant: TenantId,
        /// What went wrong.
        message: String,
    },
    /// The HTTP client could not be built.
    #[error("HTTP client: {0}")]
    Http(String),
}

/// Every channel's sender.
pub struct Senders {
    smtp: Option<smtp::Smtp>,
    sms: HashMap<TenantId, sms::Gateway>,
    from: HashMap<TenantId, String>,
    http: reqwest::Client,
    webhooks: reqwest::Client,
    loopback_webhooks: bool,
    log: LogSink,
}

impl Senders {
    /// Sets the senders up for the tenants.
    pub fn new(settings: &SenderSettings, tenants: &TenantSet) -> Result<Self, SenderSetupError> {
        // The HTTP client needs a TLS provider: ring, as everywhere in Loket (a no-op when the
        // process installed it already).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let http = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("loket/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SenderSetupError::Http(e.to_string()))?;
        // Webhooks go where subscribers say: only to public addresses, checked again at
        // every connection against what the name resolves to then.
        let webhooks = reqwest::Client::builder()
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .dns_resolver(std::sync::Arc::new(guard::GuardedResolver {
                allow_loopback: settings.loopback_webhooks,
            }))
            .user_agent(concat!("loket/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SenderSetupError::Http(e.to_string()))?;
        let smtp = settings
            .smtp_url
            .as_deref()
            .map(smtp::Smtp::new)
            .transpose()?;
        let mut sms = HashMap::new();
        let mut from = HashMap::new();
        for (slug, tenant) in &tenants.tenants {
            let config = &tenant.notifications;
            if let Some(gateway) = &config.sms_gateway {
                let g = sms::Gateway::new(gateway, config.sms_sender.clone(), &tenant.dir)
                    .map_err(|message| SenderSetupError::SmsToken {
                        tenant: slug.clone(),
                        message,
                    })?;
                sms.insert(slug.clone(), g);
            }
            let address = config
                .email_from
                .clone()
                .unwrap_or_else(|| format!("{} <noreply@{slug}.loket.local>", tenant.name));
            from.insert(slug.clone(), address);
        }
        if smtp.is_none() {
            tracing::info!("no SMTP server configured: e-mail goes to the log sink");
        }
        Ok(Self {
            smtp,
            sms,
            from,
            http,
            webhooks,
            loopback_webhooks: settings.loopback_webhooks,
            log: LogSink::new(settings.log_file.clone()),
        })
    }

    /// Sends one message on its channel.
    pub async fn send(&self, channel: Channel, message: &Message<'_>) -> Result<(), SendError> {
        let outcome = match channel {
            Channel::Email => match (&self.smtp, self.from.get(message.tenant)) {
                (Some(smtp), Some(from)) => smtp.send(from, message).await,
                _ => self.log.send(channel, message).await,
            },
            Channel::Sms => match self.sms.get(message.tenant) {
                Some(gateway) => gateway.send(&self.http, message).await,
                None => self.log.send(channel, message).await,
            },
            Channel::Webhook => {
                webhook::send(&self.webhooks, self.loopback_webhooks, message).await
            }
            Channel::Log => self.log.send(channel, message).await,
        };
        let result = match &outcome {
            Ok(()) => "sent",
            Err(SendError::Transient(_)) => "retry",
            Err(SendError::Permanent(_)) => "refused",
        };
        metrics::counter!("loket_notify_attempts_total", "channel" => channel.as_str(), "result" => result)
            .increment(1);
        outcome
    }
}

/// Classifies an HTTP status: 2xx accepted; 408, 425, 429 and 5xx worth a retry; the rest
/// refused.
pub(crate) fn http_status(status: reqwest::StatusCode) -> Result<(), SendError> {
    if status.is_success() {
        Ok(())
    } else if status.is_server_error() || matches!(status.as_u16(), 408 | 425 | 429) {
        Err(SendError::Transient(format!("receiver answered {status}")))
    } else {
        Err(SendError::Permanent(format!("receiver answered {status}")))
    }
}

/// Describes a failed HTTP call without leaking more than the kind of failure.
pub(crate) fn http_error(e: &reqwest::Error) -> SendError {
    let what = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "connection refused or unreachable"
    } else {
        "request failed"
    };
    SendError::Transient(what.to_owned())
}
