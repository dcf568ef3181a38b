//! The notifications part of `tenant.toml`: sender names and addresses, the SMS gateway,
//! reminder lead times and the "permits near me" radius.

use serde::Deserialize;

/// `[notifications]` in `tenant.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotificationConfig {
    /// Sender name on SMS messages (at most 11 characters, as SMS gateways require).
    pub sms_sender: Option<String>,
    /// How many weeks before a travel document expires a reminder goes out (one per entry).
    #[serde(default = "default_reminder_weeks")]
    pub travel_document_reminder_weeks: Vec<u32>,
    /// Default radius in metres for "permits near me".
    #[serde(default = "default_near_me_radius")]
    pub near_me_radius_m: u32,
    /// The largest radius in metres a resident may choose for "permits near me".
    #[serde(default = "default_near_me_max_radius")]
    pub near_me_max_radius_m: u32,
    /// The `From` of notification e-mails, for example `Gemeente Enschede <noreply@enschede.nl>`.
    pub email_from: Option<String>,
    /// The SMS gateway; without one, text messages go to the log sink.
    pub sms_gateway: Option<SmsGatewayConfig>,
}

/// An HTTP SMS gateway: Loket posts `{"from", "to", "text", "reference"}` as JSON.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmsGatewayConfig {
    /// The gateway's endpoint.
    pub url: String,
    /// Bearer token: `env:NAME` or `file:PATH` (never the token itself).
    pub token: Option<String>,
}

fn default_reminder_weeks() -> Vec<u32> {
    vec![6]
}

fn default_near_me_radius() -> u32 {
    250
}

fn default_near_me_max_radius() -> u32 {
    2000
}

impl Default for NotificationConfig {
    fn default() -> Self {
        Self {
            sms_sender: None,
            travel_document_reminder_weeks: default_reminder_weeks(),
            near_me_radius_m: default_near_me_radius(),
            near_me_max_radius_m: default_near_me_max_radius(),
            email_from: None,
            sms_gateway: None,
        }
    }
}

impl NotificationConfig {
    /// What is wrong with these settings, each as `(key, message)`.
    pub fn problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self
            .sms_sender
            .as_ref()
            .is_some_and(|s| s.is_empty() || s.chars().count() > 11)
        {
            problems.push(("sms_sender", "sms_sender must be 1 to 11 characters".into()));
        }
        if self
            .travel_document_reminder_weeks
            .iter()
            .any(|w| !(1..=52).contains(w))
        {
            problems.push((
                "travel_document_reminder_weeks",
                "travel_document_reminder_weeks must be between 1 and 52 each".into(),
            ));
        }
        if !(100..=10_000).contains(&self.near_me_max_radius_m) {
            problems.push((
                "near_me_max_radius_m",
                "near_me_max_radius_m must be between 100 and 10000".into(),
            ));
        }
        if self.near_me_radius_m < 50 || self.near_me_radius_m > self.near_me_max_radius_m {
            problems.push((
                "near_me_radius_m",
                "near_me_radius_m must be at least 50 and at most near_me_max_radius_m".into(),
            ));
        }
        if let Some(from) = &self.email_from
            && (!from.contains('@') || from.contains('\n'))
        {
            problems.push((
                "email_from",
                "email_from must be an e-mail address, optionally with a name: \"Gemeente X <noreply@x.nl>\"".into(),
            ));
        }
        if let Some(gateway) = &self.sms_gateway {
            if !(gateway.url.starts_with("https://") || gateway.url.starts_with("http://")) {
                problems.push(("url", "sms_gateway.url must be an http(s) URL".into()));
            }
            if gateway
                .token
                .as_ref()
                .is_some_and(|t| !(t.starts_with("env:") || t.starts_with("file:")))
            {
                problems.push((
                    "token",
                    "sms_gateway.token must be env:NAME or file:PATH".into(),
                ));
            }
        }
        problems
    }
}
