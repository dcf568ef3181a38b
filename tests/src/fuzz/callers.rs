//! Who sends the generated requests: a token of every demo role for several tenants, made with
//! `loket token` as an operator would, and the anonymous caller naming a tenant with the
//! `Loket-Tenant` header.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use futures_util::future::join_all;
use serde_json::Value;

/// The tenants the suite speaks for (dordrecht hosts the alien-registration desk of
/// zwijndrecht, so the collaboration is exercised both ways).
pub const TENANTS: [&str; 4] = ["enschede", "haarlem", "dordrecht", "zwijndrecht"];
/// The demo roles.
pub const ROLES: [&str; 6] = [
    "citizen",
    "frontoffice",
    "backoffice",
    "manager",
    "admin",
    "app",
];

/// One caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The tenant it acts for.
    pub tenant: String,
    /// The role, `None` for anonymous.
    pub role: Option<String>,
    /// The bearer token, `None` for anonymous.
    pub token: Option<String>,
    /// The BSN of a citizen token.
    pub bsn: Option<String>,
    /// Lifetime of the token in seconds.
    pub ttl: u64,
}

impl Caller {
    /// The anonymous caller of `tenant`.
    pub fn anonymous(tenant: &str) -> Self {
        Self {
            tenant: tenant.to_owned(),
            role: None,
            token: None,
            bsn: None,
            ttl: 0,
        }
    }

    /// `tenant/role`, or `tenant/anonymous`.
    pub fn label(&self) -> String {
        format!(
            "{}/{}",
            self.tenant,
            self.role.as_deref().unwrap_or("anonymous")
        )
    }

    /// How to make the same credentials again, for a failure report.
    pub fn replay(&self) -> String {
        match &self.role {
            None => format!("no token, header `Loket-Tenant: {}`", self.tenant),
            Some(role) => {
                let bsn = self
                    .bsn
                    .as_ref()
                    .map(|b| format!(" --bsn {b}"))
                    .unwrap_or_default();
                format!(
                    "token of `loket token --tenant {} --role {role}{bsn} --ttl {}`",
                    self.tenant, self.ttl
                )
            }
        }
    }
}

/// A token from `loket token` against the database at `db_url` (for a citizen's BSN).
pub async fn token(db_url: &str, tenant: &str, role: &str, bsn: Option<&str>, ttl: u64) -> Caller {
    let dir = crate::tenants_dir();
    let ttl_text = ttl.to_string();
    let mut args = vec![
        "token",
        "--tenant",
        tenant,
        "--role",
        role,
        "--ttl",
        &ttl_text,
        "--database",
        db_url,
    ];
    let dir_text = dir.to_string_lossy().into_owned();
    args.extend(["--tenants", &dir_text]);
    if let Some(bsn) = bsn {
        args.extend(["--bsn", bsn]);
    }
    let (status, out, err) = crate::run(&args).await;
    assert_eq!(
        status, 0,
        "loket token --tenant {tenant} --role {role}: {err}"
    );
    let token = out.trim().to_owned();
    Caller {
        tenant: tenant.to_owned(),
        role: Some(role.to_owned()),
        bsn: claim(&token, "bsn"),
        token: Some(token),
        ttl,
    }
}

/// A string claim of a JWT (read, not verified).
pub fn claim(token: &str, name: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let bytes = URL_SAFE_NO_PAD.decode(payload).ok()?;
    let claims: Value = serde_json::from_slice(&bytes).ok()?;
    claims.get(name)?.as_str().map(str::to_owned)
}

/// Every role of every tenant in [`TENANTS`], and each tenant's anonymous caller.
pub async fn everyone(db_url: &str) -> Vec<Caller> {
    let made = join_all(TENANTS.iter().flat_map(|tenant| {
        ROLES
            .iter()
            .map(move |role| token(db_url, tenant, role, None, 24 * 3600))
    }))
    .await;
    let mut callers = made;
    callers.extend(TENANTS.iter().map(|t| Caller::anonymous(t)));
    callers
}
