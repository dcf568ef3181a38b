//! What the portal needs from `tenant.toml`: the host names the portal is served on
//! (`hosts`), how residents and staff log in (`[login.residents]`, `[login.staff]`), and what
//! makes a configuration a production one.
//!
//! **Production configuration.** A tenant whose `hosts` names a host outside the names set
//! aside for testing and documentation (`localhost`, IP addresses, and `.localhost`, `.test`,
//! `.example`, `.invalid`, `.local`, `.internal`, `example.com/.net/.org`; RFC 2606, 6761,
//! 6762) is served to the public, so its configuration is a production one. A development
//! issuer there lets anyone sign tokens for its residents: `loket check` warns about it.

use serde::Deserialize;

use std::{
    collections::{BTreeMap, HashMap},
    fs,
};

use super::{ConfigError, IssuerConfig, TenantConfig, line_at, line_of_key};
use crate::TenantId;

/// Tenant slugs that would hide the server's own paths when the tenant is named in the
/// first path segment (`/<tenant>/...`).
pub const RESERVED_SLUGS: &[&str] = &[
    "assets", "graphql", "healthz", "readyz", "metrics", "reports",
];

const TEST_SUFFIXES: &[&str] = &[
    ".localhost",
    ".test",
    ".example",
    ".invalid",
    ".local",
    ".internal",
    "example.com",
    "example.net",
    "example.org",
];

/// `[login]`: how people log in to the web frontend.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginConfig {
    /// How residents log in to the portal (Mijn Loket). Without it, the tenant's first
    /// development issuer, if any, gives the demo login.
    pub residents: Option<toml::Spanned<LoginMethod>>,
    /// How staff log in to the console. Without it, the tenant's first development issuer,
    /// if any, gives the demo login.
    pub staff: Option<toml::Spanned<LoginMethod>>,
}

impl LoginConfig {
    /// The sections that are present, each with its name in `tenant.toml`.
    fn sections(&self) -> impl Iterator<Item = (&'static str, &toml::Spanned<LoginMethod>)> {
        [
            ("login.residents", self.residents.as_ref()),
            ("login.staff", self.staff.as_ref()),
        ]
        .into_iter()
        .filter_map(|(name, method)| method.map(|m| (name, m)))
    }
}

/// One way to log in: OpenID Connect against an issuer the tenant trusts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginMethod {
    /// The issuer, one of the tenant's `[[issuers]]`; a development issuer means the demo
    /// login.
    pub issuer: String,
    /// The OpenID Connect client id registered at the issuer (not for the demo login).
    pub client_id: Option<String>,
    /// The scopes to ask for; `openid` among them.
    #[serde(default = "default_scopes")]
    pub scopes: Vec<String>,
}

fn default_scopes() -> Vec<String> {
    vec!["openid".to_owned()]
}

/// A login as the portal uses it: the method and the issuer it names.
#[derive(Debug, Clone, Copy)]
pub struct ResolvedLogin<'a> {
    /// The trusted issuer.
    pub issuer: &'a IssuerConfig,
    /// The OpenID Connect client id (none for the demo login).
    pub client_id: Option<&'a str>,
    /// The scopes to ask for.
    pub scopes: &'a [String],
}

impl ResolvedLogin<'_> {
    /// Whether this is the demo login (a development issuer).
    pub fn is_demo(&self) -> bool {
        self.issuer.dev
    }
}

impl TenantConfig {
    /// How residents log in: `[login.residents]`, else the first development issuer (the
    /// demo login), else none.
    pub fn resident_login(&self) -> Option<ResolvedLogin<'_>> {
        self.resolve_login(self.login.residents.as_ref())
    }

    /// How staff log in: `[login.staff]`, else the first development issuer (the demo
    /// login), else none.
    pub fn staff_login(&self) -> Option<ResolvedLogin<'_>> {
        self.resolve_login(self.login.staff.as_ref())
    }

    /// A login section resolved against `[[issuers]]`; without the section, the first
    /// development issuer. `None` when the section names an issuer the tenant does not trust
    /// (validation refuses that at load).
    fn resolve_login<'a>(
        &'a self,
        method: Option<&'a toml::Spanned<LoginMethod>>,
    ) -> Option<ResolvedLogin<'a>> {
        static OPENID: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(default_scopes);
        let mut issuers = self.issuers.iter().map(toml::Spanned::get_ref);
        match method.map(toml::Spanned::get_ref) {
            Some(method) => {
                let issuer = issuers.find(|i| i.issuer == method.issuer)?;
                Some(ResolvedLogin {
                    issuer,
                    client_id: method.client_id.as_deref(),
                    scopes: &method.scopes,
                })
            }
            None => issuers.find(|i| i.dev).map(|issuer| ResolvedLogin {
                issuer,
                client_id: None,
                scopes: &OPENID,
            }),
        }
    }

    /// Whether this is a production configuration: it serves a public host name.
    pub fn is_production(&self) -> bool {
        self.hosts.iter().any(|h| is_public_host(h))
    }
}

/// Whether a host name is a public one (not set aside for testing or documentation).
pub fn is_public_host(host: &str) -> bool {
    let host = host.trim_end_matches('.');
    let ip = host.bytes().all(|b| b.is_ascii_digit() || b == b'.') || host.contains(':');
    !(ip || host == "localhost" || TEST_SUFFIXES.iter().any(|s| host.ends_with(s)))
}

/// Whether a host name is written as `hosts` wants it: lowercase DNS labels, no port.
pub fn is_host_name(host: &str) -> bool {
    host.len() <= 253
        && !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// Whether a URL is https, or http to this machine (development and tests).
pub fn is_secure_url(url: &str) -> bool {
    if let Some(rest) = url.strip_prefix("https://") {
        return !rest.is_empty();
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit_once(':').map_or(host, |(h, port)| {
        if port.bytes().all(|b| b.is_ascii_digit()) {
            h
        } else {
            host
        }
    });
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

/// Problems with `hosts`, `[login]` and the slug, each with its line in `text`.
pub(crate) fn problems(tenant: &TenantConfig, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    if RESERVED_SLUGS.contains(&tenant.slug.as_str()) {
        out.push((
            line_of_key(text, "slug"),
            format!(
                "slug {:?} is one of the server's own paths; choose another",
                tenant.slug.as_str()
            ),
        ));
    }
    for host in &tenant.hosts {
        if !is_host_name(host) {
            out.push((
                line_of_key(text, "hosts"),
                format!("host {host:?} must be a lowercase host name without scheme or port"),
            ));
        }
    }
    for (section, method) in tenant.login.sections() {
        login_problems(tenant, text, section, method, &mut out);
    }
    out
}

/// Problems with one login section (`section` is its name, `login.residents` or
/// `login.staff`): the issuer must be trusted, and an OpenID Connect login needs a client id,
/// the `openid` scope and a secure issuer URL.
fn login_problems(
    tenant: &TenantConfig,
    text: &str,
    section: &str,
    spanned: &toml::Spanned<LoginMethod>,
    out: &mut Vec<(usize, String)>,
) {
    let method = spanned.get_ref();
    let line = line_at(text, spanned.span().start);
    let issuer = tenant
        .issuers
        .iter()
        .map(toml::Spanned::get_ref)
        .find(|i| i.issuer == method.issuer);
    let Some(issuer) = issuer else {
        out.push((
            line,
            format!(
                "{section}: issuer {:?} is not one of this tenant's [[issuers]]",
                method.issuer
            ),
        ));
        return;
    };
    if issuer.dev {
        return;
    }
    if method
        .client_id
        .as_deref()
        .is_none_or(|c| c.trim().is_empty())
    {
        out.push((
            line,
            format!("{section}: client_id is needed for an OpenID Connect login"),
        ));
    }
    if !method.scopes.iter().any(|s| s == "openid") {
        out.push((line, format!("{section}: scopes must include \"openid\"")));
    }
    if !is_secure_url(&method.issuer) {
        out.push((
            line,
            format!(
                "{section}: issuer {:?} must be an https URL (http only to localhost)",
                method.issuer
            ),
        ));
    }
}

/// Warnings for a production configuration (see the module documentation): every
/// development issuer it trusts, at the line of its `[[issuers]]` entry.
pub(crate) fn warnings(tenant: &TenantConfig, text: &str) -> Vec<(usize, String)> {
    if !tenant.is_production() {
        return Vec::new();
    }
    let public: Vec<&str> = tenant
        .hosts
        .iter()
        .map(String::as_str)
        .filter(|h| is_public_host(h))
        .collect();
    tenant
        .issuers
        .iter()
        .filter(|i| i.get_ref().dev)
        .map(|i| {
            (
                line_at(text, i.span().start),
                format!(
                    "development issuer {:?} in a production configuration (hosts: {}): anyone can \
                     sign tokens for it and the demo login is open; remove it or its dev flag",
                    i.get_ref().issuer,
                    public.join(", ")
                ),
            )
        })
        .collect()
}

/// A host name serves one tenant only.
pub(crate) fn check_hosts(
    tenants: &BTreeMap<TenantId, TenantConfig>,
    errors: &mut Vec<ConfigError>,
) {
    let mut seen: HashMap<&str, &TenantId> = HashMap::new();
    for (slug, tenant) in tenants {
        for host in &tenant.hosts {
            if let Some(first) = seen.insert(host, slug) {
                let file = tenant.dir.join("tenant.toml");
                let line = fs::read_to_string(&file).map_or(0, |text| line_of_key(&text, "hosts"));
                errors.push(ConfigError::new(
                    file,
                    line,
                    format!("host {host:?} is also a host of {first}; a host serves one tenant"),
                ));
            }
        }
    }
}
