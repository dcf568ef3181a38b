//! Tenant policies: one casbin enforcer per tenant (the default policy plus the tenant's own
//! lines; deny beats allow), and capability sets computed once per tenant and role set.
//!
//! casbin evaluates its matcher once per policy line on every `enforce()`, so it is never
//! called per field or per row: [`PolicySet::grant`] decides the whole object catalogue for a
//! role set once, caches it, and hands the same `Arc` to every later request with that role set.

mod glob;
mod objects;
mod parse;

use std::{
    collections::{BTreeSet, HashMap},
    fs,
    sync::{Arc, RwLock},
};

use casbin::{
    CoreApi, DefaultModel, Enforcer, MemoryAdapter, MgmtApi, function_map::OperatorFunction,
};
use loket_kernel::{
    Action, Capabilities, PolicyOracle, Role, TenantId,
    config::{Collaboration, ConfigError, TenantConfig, TenantSet},
};
pub use objects::{CATALOGUE, case_type_objects, is_valid as is_valid_object};
pub use parse::{Rule, parse as parse_policy};

/// The role of requests without a token.
pub const ANONYMOUS: &str = "anonymous";

/// Beyond this many distinct role sets per tenant, grants are computed per request rather than
/// cached, so tokens with invented role combinations cannot grow memory without bound.
const MAX_CACHED_ROLE_SETS: usize = 256;

/// One tenant's enforcer and settings.
pub struct TenantPolicy {
    tenant: TenantId,
    enforcer: Enforcer,
    config: TenantConfig,
    roles: Vec<Role>,
}

impl TenantPolicy {
    /// Every role this tenant's effective rules name (the default policy's and its own, both
    /// the role and the inherited role of `g` lines), sorted and without duplicates.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Whether any of `roles` may do `action` on `object` in this tenant's domain.
    pub fn decide(&self, roles: &[Role], object: &str, action: Action) -> bool {
        roles.iter().any(|role| {
            self.enforcer
                .enforce((role.as_str(), self.tenant.as_str(), object, action.as_str()))
                .unwrap_or_else(|e| {
                    tracing::error!(tenant = %self.tenant, error = %e, "policy evaluation failed");
                    false
                })
        })
    }
}

/// Decides ad-hoc questions for one role set, optionally confined to some objects.
struct RoleSetOracle {
    policy: Arc<TenantPolicy>,
    roles: Vec<Role>,
    /// When set, only these objects (or paths under them) can be allowed.
    confined_to: Option<Vec<String>>,
}

impl PolicyOracle for RoleSetOracle {
    fn decide(&self, object: &str, action: Action) -> bool {
        if !is_valid_object(object) {
            return false;
        }
        let inside = self.confined_to.as_ref().is_none_or(|prefixes| {
            prefixes
                .iter()
                .any(|p| object == p || object.starts_with(&format!("{p}/")))
        });
        inside && self.policy.decide(&self.roles, object, action)
    }
}

/// What one role set may do: in its own tenant, and in member tenants of collaborations that
/// its tenant hosts.
#[derive(Clone)]
pub struct Grant {
    /// Capabilities in the actor's own tenant.
    pub own: Arc<Capabilities>,
    /// Capabilities in member tenants' domains, for the shared case types only.
    pub delegated: HashMap<TenantId, Arc<Capabilities>>,
}

/// Every tenant's policy and the grant cache.
pub struct PolicySet {
    tenants: HashMap<TenantId, Arc<TenantPolicy>>,
    collaborations: Vec<Collaboration>,
    cache: RwLock<HashMap<(TenantId, Vec<Role>), Grant>>,
}

impl PolicySet {
    /// Reads `_default/model.conf`, `_default/policy.csv` and each tenant's `policy.csv`, and
    /// builds one enforcer per tenant.
    pub async fn load(tenants: &TenantSet) -> Result<Self, crate::SetupError> {
        let default_dir = crate::default_dir(&tenants.root);
        let model_path = default_dir.join("model.conf");
        let model_text = fs::read_to_string(&model_path).map_err(|e| {
            ConfigError::new(&model_path, 0, format!("cannot read the casbin model: {e}"))
        })?;
        let default_rules = parse::parse_file(&default_dir.join("policy.csv"), "*", false)
            .map_err(crate::SetupError::Config)?;

        let mut errors = Vec::new();
        for collab in &tenants.collaborations {
            for object in collab.objects.iter().filter(|o| !is_valid_object(o)) {
                errors.push(ConfigError::new(
                    tenants.root.join("collaborations.toml"),
                    0,
                    format!(
                        "{}: object {object:?} is not a valid object path",
                        collab.slug
                    ),
                ));
            }
        }
        let mut parsed = Vec::new();
        for (slug, config) in &tenants.tenants {
            match parse::parse_file(&config.dir.join("policy.csv"), slug.as_str(), true) {
                Ok(rules) => parsed.push((slug, config, rules)),
                Err(mut e) => errors.append(&mut e),
            }
        }
        if !errors.is_empty() {
            return Err(crate::SetupError::Config(errors));
        }

        let mut policies = HashMap::new();
        for (slug, config, rules) in parsed {
            let model = DefaultModel::from_str(&model_text).await.map_err(|e| {
                ConfigError::new(&model_path, 0, format!("not a valid casbin model: {e}"))
            })?;
            let mut enforcer = Enforcer::new(model, MemoryAdapter::default()).await?;
            enforcer.add_function("globMatch", OperatorFunction::Arg2(glob::glob_match));
            let (permissions, groupings) = effective_rules(&default_rules, &rules, slug);
            let roles = rule_roles(&permissions, &groupings);
            if !permissions.is_empty() {
                enforcer.add_policies(permissions).await?;
            }
            if !groupings.is_empty() {
                enforcer.add_grouping_policies(groupings).await?;
            }
            // A matcher that names an unknown function only fails when evaluated: try it now,
            // so a broken model stops `loket check` and start-up instead of denying everything.
            enforcer
                .enforce((ANONYMOUS, slug.as_str(), "tenant/public", "read"))
                .map_err(|e| {
                    ConfigError::new(
                        &model_path,
                        0,
                        format!("the matcher cannot be evaluated: {e}"),
                    )
                })?;
            let policy = TenantPolicy {
                tenant: slug.clone(),
                enforcer,
                config: config.clone(),
                roles,
            };
            policies.insert(slug.clone(), Arc::new(policy));
        }
        Ok(Self {
            tenants: policies,
            collaborations: tenants.collaborations.clone(),
            cache: RwLock::new(HashMap::new()),
        })
    }

    /// The policy of one tenant.
    pub fn tenant(&self, tenant: &TenantId) -> Option<&Arc<TenantPolicy>> {
        self.tenants.get(tenant)
    }

    /// What `roles` may do as an actor of `tenant`; `None` for an unknown tenant.
    pub fn grant(&self, tenant: &TenantId, roles: &[Role]) -> Option<Grant> {
        let mut key_roles = roles.to_vec();
        key_roles.sort();
        key_roles.dedup();
        let key = (tenant.clone(), key_roles);
        if let Ok(cache) = self.cache.read()
            && let Some(grant) = cache.get(&key)
        {
            return Some(grant.clone());
        }
        let grant = self.compute_grant(tenant, &key.1)?;
        if let Ok(mut cache) = self.cache.write()
            && cache.len() < MAX_CACHED_ROLE_SETS.saturating_mul(self.tenants.len().max(1))
        {
            cache.insert(key, grant.clone());
        }
        Some(grant)
    }

    fn compute_grant(&self, tenant: &TenantId, roles: &[Role]) -> Option<Grant> {
        let policy = self.tenants.get(tenant)?;
        let own = capabilities(
            policy,
            roles,
            CATALOGUE.iter().map(|o| (*o).to_owned()),
            None,
        );
        let mut delegated = HashMap::new();
        for collab in self.collaborations.iter().filter(|c| &c.host == tenant) {
            let acting: Vec<Role> = roles
                .iter()
                .filter(|r| collab.roles.contains(r))
                .cloned()
                .collect();
            if acting.is_empty() {
                continue;
            }
            // The host's policy decides what its desk staff may do; the collaboration confines
            // it to the shared case types and objects in the members' domains.
            let scope: Vec<String> = collab
                .case_types
                .iter()
                .map(|t| format!("case/{t}"))
                .chain(collab.objects.iter().cloned())
                .collect();
            let catalogue: Vec<String> = collab
                .case_types
                .iter()
                .flat_map(|t| case_type_objects(t))
                .chain(collab.objects.iter().cloned())
                .collect();
            let caps = capabilities(policy, &acting, catalogue.into_iter(), Some(scope));
            for member in &collab.members {
                delegated.insert(member.clone(), Arc::clone(&caps));
            }
        }
        Some(Grant { own, delegated })
    }
}

/// Decides `catalogue` × every action for `roles` in `policy`'s domain.
fn capabilities(
    policy: &Arc<TenantPolicy>,
    roles: &[Role],
    catalogue: impl Iterator<Item = String>,
    confined_to: Option<Vec<String>>,
) -> Arc<Capabilities> {
    let mut decided = HashMap::new();
    for object in catalogue {
        for action in Action::ALL {
            let allowed = policy.decide(roles, &object, action);
            decided.insert((object.clone(), action), allowed);
        }
    }
    let ceiling = roles
        .iter()
        .filter_map(|r| policy.config.confidentiality.get(r))
        .max()
        .copied();
    let oracle = RoleSetOracle {
        policy: Arc::clone(policy),
        roles: roles.to_vec(),
        confined_to,
    };
    Arc::new(Capabilities::new(decided, ceiling, Some(Arc::new(oracle))))
}

/// The default rules with `*` replaced by the tenant's slug, then the tenant's own rules,
/// without duplicates (casbin refuses a batch that repeats a rule).
fn effective_rules(
    default_rules: &[Rule],
    tenant_rules: &[Rule],
    slug: &TenantId,
) -> (Vec<Vec<String>>, Vec<Vec<String>>) {
    let mut seen = BTreeSet::new();
    let mut permissions = Vec::new();
    let mut groupings = Vec::new();
    for rule in default_rules.iter().chain(tenant_rules) {
        let (fields, domain_index, out) = match rule {
            Rule::Permission(f) => (f, 1, &mut permissions),
            Rule::Grouping(f) => (f, 2, &mut groupings),
        };
        let mut fields = fields.clone();
        fields[domain_index] = slug.to_string();
        if seen.insert((domain_index, fields.clone())) {
            out.push(fields);
        }
    }
    (permissions, groupings)
}

/// The roles `permissions` (`sub, dom, obj, act, eft`) and `groupings` (`role, inherited,
/// dom`) name, sorted and without duplicates; names that are not valid roles are skipped.
fn rule_roles(permissions: &[Vec<String>], groupings: &[Vec<String>]) -> Vec<Role> {
    let named = permissions
        .iter()
        .flat_map(|p| p.first())
        .chain(groupings.iter().flat_map(|g| g.iter().take(2)));
    let roles: BTreeSet<Role> = named.filter_map(|n| Role::new(n.as_str()).ok()).collect();
    roles.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(lines: &[&str]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|l| l.split(", ").map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn rule_roles_are_both_sides_of_groupings_sorted_once() {
        let permissions = rules(&[
            "frontoffice, alpha, case/*, read, allow",
            "citizen, alpha, case/*, read, allow",
            "frontoffice, alpha, case/*, create, allow",
            "Not A Role, alpha, case/*, read, allow",
        ]);
        let groupings = rules(&["kcc-senior, frontoffice, alpha", "lead, manager, alpha"]);
        let names: Vec<String> = rule_roles(&permissions, &groupings)
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            names,
            ["citizen", "frontoffice", "kcc-senior", "lead", "manager"]
        );
    }
}
