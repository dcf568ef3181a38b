//! What a web frontend needs to know about a municipality before anyone logs in: how
//! residents and staff log in (the public part of `[login]`), its look (theme classes and the URLs of
//! its stylesheet, logo and favicon) and the choices its notification settings leave
//! residents. Part of the public `tenant` query.

use async_graphql::SimpleObject;
use loket_kernel::{
    TenantId,
    config::{ResolvedLogin, TenantConfig},
};

use crate::looks::Look;

/// How people log in.
#[derive(SimpleObject)]
pub struct TenantLogin {
    /// How residents log in to the portal; null when the municipality offers no login.
    residents: Option<LoginMethodInfo>,
    /// How staff log in to the console; null when the municipality offers no staff login.
    staff: Option<LoginMethodInfo>,
}

/// One way to log in: OpenID Connect (authorization code with PKCE) against `issuer`, or,
/// where `demo` is true, the demo login with `demoLogin` (residents from `demoPersonas`,
/// staff roles from `demoStaff`).
#[derive(SimpleObject)]
pub struct LoginMethodInfo {
    /// The issuer URL; its `/.well-known/openid-configuration` describes the provider.
    issuer: String,
    /// The client id registered at the issuer (null for the demo login).
    client_id: Option<String>,
    /// The scopes to ask for.
    scopes: Vec<String>,
    /// A development issuer: no OpenID Connect, a demo login with demo residents or staff
    /// roles instead.
    demo: bool,
}

impl From<ResolvedLogin<'_>> for LoginMethodInfo {
    fn from(l: ResolvedLogin<'_>) -> Self {
        Self {
            issuer: l.issuer.issuer.clone(),
            client_id: l.client_id.map(str::to_owned).filter(|_| !l.is_demo()),
            scopes: l.scopes.to_vec(),
            demo: l.is_demo(),
        }
    }
}

impl TenantLogin {
    pub(crate) fn of(tenant: &TenantConfig) -> Self {
        Self {
            residents: tenant.resident_login().map(Into::into),
            staff: tenant.staff_login().map(Into::into),
        }
    }
}

/// The web frontend's look for a municipality: design tokens as CSS custom properties under
/// theme classes on `<html>`.
#[derive(SimpleObject)]
pub struct TenantTheme {
    /// The classes to put on `<html>` (space-separated).
    class_name: String,
    /// The stylesheet with the tokens (a path on this server).
    stylesheet: String,
    /// The logo (SVG), if there is one; without it, show the name.
    logo: Option<String>,
    /// The favicon (SVG), if there is one.
    favicon: Option<String>,
}

impl TenantTheme {
    pub(crate) fn of(slug: &TenantId, look: &Look) -> Self {
        Self {
            class_name: look.classes.clone(),
            stylesheet: look.stylesheet_url(slug.as_str()),
            logo: look.logo_url(slug.as_str()),
            favicon: look.favicon_url(slug.as_str()),
        }
    }
}

/// What residents may choose when they subscribe to notifications.
#[derive(SimpleObject)]
pub struct NotificationSettings {
    /// The radius "permits near me" starts with, in metres.
    near_me_radius_meters: u32,
    /// The largest radius a resident may choose, in metres.
    near_me_max_radius_meters: u32,
    /// How many weeks before a travel document expires reminders go out.
    travel_document_reminder_weeks: Vec<u32>,
}

impl NotificationSettings {
    pub(crate) fn of(tenant: &TenantConfig) -> Self {
        let n = &tenant.notifications;
        Self {
            near_me_radius_meters: n.near_me_radius_m,
            near_me_max_radius_meters: n.near_me_max_radius_m,
            travel_document_reminder_weeks: n.travel_document_reminder_weeks.clone(),
        }
    }
}
