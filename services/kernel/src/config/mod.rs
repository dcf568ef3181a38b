//! Tenant configuration: the types of `tenants/<slug>/tenant.toml` and
//! `tenants/collaborations.toml`, and loading a tenants folder with errors that name file and
//! line.
//!
//! Most checks happen while parsing (typed fields refuse bad values, so the parser reports the
//! line); checks that span several fields happen in [`load`] and report the line of the item.

mod benchmark;
mod colour;
mod contact;
pub mod css;
mod hours;
mod load;
mod notify;
pub mod portal;
mod reports;
mod svg;
pub mod theme;

use std::{collections::BTreeMap, path::PathBuf};

use serde::Deserialize;

pub use benchmark::{BenchmarkConfig, BenchmarkShare, MAX_MINIMUM_EVENTS};
pub use contact::ContactCentreConfig;
pub use hours::{Day, OpeningHours};
pub use load::{ConfigError, TenantSet, describe, line_at, line_of_key, load_dir, parse_toml};
pub use notify::{NotificationConfig, SmsGatewayConfig};
pub use portal::{LoginConfig, LoginMethod, ResolvedLogin};
pub use reports::ReportsConfig;
pub use theme::Look;

use crate::{Confidentiality, Role, TenantId};

/// A CBS municipality code: four digits, for example `0153` for Enschede.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct MunicipalityCode(String);

impl MunicipalityCode {
    /// The four digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for MunicipalityCode {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        if value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(value))
        } else {
            Err(format!(
                "municipality_code must be the four-digit CBS code (for example \"0153\"), got {value:?}"
            ))
        }
    }
}

/// One tenant's `tenant.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantConfig {
    /// Must equal the folder name.
    pub slug: TenantId,
    /// Display name, for example "Gemeente Enschede".
    pub name: String,
    /// CBS municipality code.
    pub municipality_code: MunicipalityCode,
    /// Languages offered, first is the default (ISO 639-1, for example `nl`, `en`).
    pub languages: Vec<String>,
    /// Host names the portal is served on for this tenant, for example
    /// `mijn.enschede.nl` (without scheme or port). A public one makes this a production
    /// configuration (see [`portal`]).
    #[serde(default)]
    pub hosts: Vec<String>,
    /// How people log in to the web frontend.
    #[serde(default)]
    pub login: LoginConfig,
    /// Token issuers this tenant trusts.
    #[serde(default)]
    pub issuers: Vec<toml::Spanned<IssuerConfig>>,
    /// Browser origins of third-party frontends allowed to call the API.
    #[serde(default)]
    pub cors: CorsConfig,
    /// Highest confidentiality level each role may see.
    #[serde(default)]
    pub confidentiality: BTreeMap<Role, Confidentiality>,
    /// Promises the municipality makes to residents.
    pub service_norms: ServiceNorms,
    /// Contact channels with their opening hours.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Notification settings.
    #[serde(default)]
    pub notifications: NotificationConfig,
    /// Property valuation report settings.
    #[serde(default)]
    pub valuation: ValuationConfig,
    /// Contact-centre settings: callback teams and closed days.
    #[serde(default)]
    pub contact_centre: ContactCentreConfig,
    /// How long the processing log keeps this tenant's entries.
    #[serde(default)]
    pub processing_log: ProcessingLogConfig,
    /// Reports about public space: duplicates, anonymisation, the municipality's bounds.
    #[serde(default)]
    pub reports: ReportsConfig,
    /// Taking part in the comparison of municipalities (none: not taking part).
    #[serde(default)]
    pub benchmark: Option<BenchmarkConfig>,
    /// The folder the file was read from (set by the loader).
    #[serde(skip)]
    pub dir: PathBuf,
    /// The tenant's own look from its folder (set by the loader; see [`theme`]).
    #[serde(skip)]
    pub look: Look,
}

/// A trusted token issuer.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuerConfig {
    /// The `iss` claim.
    pub issuer: String,
    /// The expected `aud` claim.
    pub audience: String,
    /// Accepted signature algorithms: `HS256`, `RS256`, `ES256`.
    pub algorithms: Vec<String>,
    /// Where the HS256 secret comes from: `env:NAME`, `file:PATH` or, for dev issuers only,
    /// `plain:TEXT`.
    pub hs_secret: Option<String>,
    /// A JWKS file (relative to the tenant folder) with the RS256/ES256 public keys.
    pub jwks_file: Option<PathBuf>,
    /// Or the issuer's JWKS URL (`https://`, or `http://` to localhost), fetched at start-up
    /// and again when a token names a key not seen yet or the keys grow old.
    pub jwks_url: Option<String>,
    /// A development issuer: `loket token` may sign for it. Never for production.
    #[serde(default)]
    pub dev: bool,
}

/// CORS settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorsConfig {
    /// Exact origins, for example `https://mijn.enschede.nl`.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
}

/// Service norms (servicenormen).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceNorms {
    /// Phone calls answered within this many seconds…
    pub phone_answer_seconds: u32,
    /// …for at least this percentage of calls.
    pub phone_answer_percentage: u8,
    /// E-mail answered within this many working days.
    pub email_answer_working_days: u32,
    /// Callback requests handled within this many working days.
    pub callback_working_days: u32,
}

/// A contact channel.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Which channel.
    pub kind: ChannelKind,
    /// How residents reach it: a phone number, address, URL.
    pub contact: String,
    /// Weekly opening hours, for example `"mon-fri 08:30-17:00"`.
    #[serde(default)]
    pub hours: Vec<OpeningHours>,
    /// Only by appointment.
    #[serde(default)]
    pub appointment_only: bool,
}

/// Contact channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChannelKind {
    /// Telephone.
    Phone,
    /// E-mail.
    Email,
    /// Counter (balie).
    Counter,
    /// Web form / online.
    Online,
    /// Chat.
    Chat,
    /// Letter.
    Letter,
    /// Social media.
    SocialMedia,
}

impl ChannelKind {
    /// The kind as configured.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Counter => "counter",
            Self::Online => "online",
            Self::Chat => "chat",
            Self::Letter => "letter",
            Self::SocialMedia => "social-media",
        }
    }
}

/// The processing log's retention for one tenant.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingLogConfig {
    /// Months an entry is kept after the month it was written in (1 to 1200); without it,
    /// entries are kept until a retention is set.
    pub retention_months: Option<u16>,
}

/// How comparable properties are chosen for a valuation report.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValuationConfig {
    /// Comparable objects' values lie within this percentage of the object's value.
    #[serde(default = "default_band")]
    pub comparables_band_percent: u32,
    /// …and within this many metres.
    #[serde(default = "default_radius")]
    pub comparables_radius_m: u32,
    /// At most this many comparables, nearest first.
    #[serde(default = "default_comparables")]
    pub comparables_limit: u32,
}

fn default_band() -> u32 {
    10
}

fn default_radius() -> u32 {
    1500
}

fn default_comparables() -> u32 {
    10
}

impl Default for ValuationConfig {
    fn default() -> Self {
        Self {
            comparables_band_percent: default_band(),
            comparables_radius_m: default_radius(),
            comparables_limit: default_comparables(),
        }
    }
}

/// One regional collaboration from `collaborations.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Collaboration {
    /// Short name, for example `vreemdelingenloket-drechtsteden`.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// The tenant that runs the shared desk.
    pub host: TenantId,
    /// The tenants whose residents the host serves.
    pub members: Vec<TenantId>,
    /// The case types the host handles for the members.
    pub case_types: Vec<String>,
    /// Further policy objects the shared work needs in the members' domains, for example
    /// `person/residence-permit` for an alien-registration desk.
    #[serde(default)]
    pub objects: Vec<String>,
    /// The host's roles that act in the members' domains.
    pub roles: Vec<Role>,
}

/// The file `collaborations.toml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollaborationsFile {
    /// Every collaboration.
    #[serde(default)]
    pub collaboration: Vec<toml::Spanned<Collaboration>>,
}
