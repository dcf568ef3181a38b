//! Per-tenant markers: strings that belong to one municipality's data (its residents' BSNs,
//! its case references, the global ids of its cases, contacts, callbacks, subscriptions and
//! deliveries). A response to a caller of tenant X that carries a marker of tenant Y, and did
//! not get it from the request itself, crossed a tenant line.
//!
//! BSNs and case references are read from the database directly, because no API lists every
//! resident of a municipality; global ids come from the fixtures each tenant's own staff read.
//! The documented collaborations (`tenants/collaborations.toml`) are honoured: the host's
//! callers may see its members' residents, and a case is visible to its owner and to the
//! tenant that handles it. A marker a tenant's own caller has sent in a request counts as that
//! tenant's from then on (it may have been stored, as a contact's subject, say).

use std::collections::{BTreeSet, HashMap, HashSet};

use loket_store::Db;
use sea_orm::{ConnectionTrait, Statement};

/// The demo tenants' municipality codes and collaborations, from `tenants/`.
#[derive(Debug, Clone, Default)]
pub struct TenantMap {
    /// Municipality code → tenant slug.
    pub by_code: HashMap<String, String>,
    /// Tenant slug → municipality code.
    pub code_of: HashMap<String, String>,
    /// Member tenant → the hosts serving it.
    pub hosts: HashMap<String, Vec<String>>,
}

impl TenantMap {
    /// Reads the repository's tenants folder.
    pub fn load() -> Self {
        let dir = crate::tenants_dir();
        let mut map = Self::default();
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path().join("tenant.toml")) else {
                continue;
            };
            let Ok(config) = text.parse::<toml::Table>() else {
                continue;
            };
            let field = |k: &str| config.get(k).and_then(|v| v.as_str()).map(str::to_owned);
            if let (Some(slug), Some(code)) = (field("slug"), field("municipality_code")) {
                map.by_code.insert(code.clone(), slug.clone());
                map.code_of.insert(slug, code);
            }
        }
        let text = std::fs::read_to_string(dir.join("collaborations.toml")).unwrap_or_default();
        let config = text.parse::<toml::Table>().unwrap_or_default();
        let list = config.get("collaboration").and_then(|v| v.as_array());
        for collaboration in list.into_iter().flatten() {
            let host = collaboration.get("host").and_then(|v| v.as_str());
            let members = collaboration.get("members").and_then(|v| v.as_array());
            for (host, member) in host
                .into_iter()
                .flat_map(|h| members.into_iter().flatten().map(move |m| (h, m)))
            {
                if let Some(member) = member.as_str() {
                    map.hosts
                        .entry(member.to_owned())
                        .or_default()
                        .push(host.to_owned());
                }
            }
        }
        map
    }
}

/// A marker found where it does not belong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leak {
    /// The marker.
    pub marker: String,
    /// The tenants it belongs to.
    pub owners: Vec<String>,
}

/// Every marker and the tenants allowed to see it.
#[derive(Debug, Clone, Default)]
pub struct Markers {
    allowed: HashMap<String, BTreeSet<String>>,
    tainted: HashMap<String, HashSet<String>>,
}

impl Markers {
    /// Reads BSNs and case references from the database at `db_url`.
    pub async fn collect(db_url: &str, tenants: &TenantMap) -> Self {
        let mut markers = Self::default();
        let db = Db::connect(db_url)
            .await
            .expect("connect to the test database");
        let rows = |sql: &str| {
            let statement = Statement::from_string(db.db_backend(), sql.to_owned());
            let raw = db.raw();
            async move { raw.query_all_raw(statement).await.expect("read markers") }
        };
        for row in rows("SELECT bsn, municipality_code FROM persons").await {
            let bsn: String = row.try_get_by_index(0).expect("bsn");
            let code: Option<String> = row.try_get_by_index(1).expect("municipality code");
            let Some(tenant) = code.and_then(|c| tenants.by_code.get(&c).cloned()) else {
                continue;
            };
            let mut owners = vec![tenant.clone()];
            owners.extend(tenants.hosts.get(&tenant).into_iter().flatten().cloned());
            markers.add(&bsn, owners);
        }
        for row in rows("SELECT tenant_id, handling_tenant, reference FROM cases").await {
            let owner: String = row.try_get_by_index(0).expect("tenant");
            let handler: String = row.try_get_by_index(1).expect("handling tenant");
            let reference: String = row.try_get_by_index(2).expect("reference");
            markers.add(&reference, vec![owner, handler]);
        }
        let _ = db.close().await;
        markers
    }

    /// Records that `marker` belongs to `owners`.
    pub fn add(&mut self, marker: &str, owners: Vec<String>) {
        if marker.len() < 6 {
            return;
        }
        self.allowed
            .entry(marker.to_owned())
            .or_default()
            .extend(owners);
    }

    /// How many markers are known.
    pub fn len(&self) -> usize {
        self.allowed.len()
    }

    /// Whether none are known.
    pub fn is_empty(&self) -> bool {
        self.allowed.is_empty()
    }

    /// The markers of other tenants in `response` that a caller of `tenant` received and did
    /// not send in `request`.
    pub fn leaks(&self, tenant: &str, request: &str, response: &str) -> Vec<Leak> {
        let sent: HashSet<&str> = tokens(request).collect();
        let tainted = self.tainted.get(tenant);
        let mut found: Vec<Leak> = tokens(response)
            .filter(|t| !sent.contains(t))
            .filter(|t| tainted.is_none_or(|set| !set.contains(*t)))
            .filter_map(|t| {
                let owners = self.allowed.get(t)?;
                (!owners.contains(tenant)).then(|| Leak {
                    marker: t.to_owned(),
                    owners: owners.iter().cloned().collect(),
                })
            })
            .collect();
        found.dedup();
        found
    }

    /// Notes the markers a caller of `tenant` sent: they may be stored as that tenant's data.
    pub fn taint(&mut self, tenant: &str, request: &str) {
        let known: Vec<String> = tokens(request)
            .filter(|t| self.allowed.contains_key(*t))
            .map(str::to_owned)
            .collect();
        if !known.is_empty() {
            self.tainted
                .entry(tenant.to_owned())
                .or_default()
                .extend(known);
        }
    }
}

/// The words of a text as markers are written: runs of letters, digits, `-` and `_` (BSNs,
/// references, base64url global ids).
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .filter(|t| t.len() >= 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_marker_is_a_leak_unless_it_was_sent() {
        let mut markers = Markers::default();
        markers.add("999900018", vec!["haarlem".into()]);
        markers.add("ENS-2026-000001", vec!["enschede".into()]);
        let response = r#"{"data":{"x":"999900018","y":"ENS-2026-000001"}}"#;
        assert_eq!(markers.leaks("enschede", "{}", response).len(), 1);
        assert!(
            markers
                .leaks("enschede", "person(bsn: \"999900018\")", response)
                .is_empty()
        );
        markers.taint("enschede", "999900018");
        assert!(markers.leaks("enschede", "{}", response).is_empty());
        assert!(markers.leaks("haarlem", "{}", response).len() == 1);
    }
}
