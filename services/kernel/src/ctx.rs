//! The request context every service function takes first: who asks, for which tenant, and
//! what the tenant's policy lets them do.
//!
//! Policy decisions are made before a service runs: [`Capabilities`] holds the decisions for
//! one tenant and role set, computed once and shared by every request with that role set, so
//! services ask `ctx.can(..)` per field without calling the policy engine in a loop.

use std::{
    collections::{BTreeSet, HashMap},
    fmt,
    str::FromStr,
    sync::{Arc, RwLock},
};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::{Bsn, Role, TenantId};

/// What an actor wants to do with an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// See it.
    Read,
    /// Make a new one.
    Create,
    /// Change it.
    Update,
    /// Take a decision on it (cases).
    Decide,
}

impl Action {
    /// Every action, in policy order.
    pub const ALL: [Action; 4] = [Self::Read, Self::Create, Self::Update, Self::Decide];

    /// The action as written in policies.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Read => "read",
            Self::Create => "create",
            Self::Update => "update",
            Self::Decide => "decide",
        }
    }
}

impl FromStr for Action {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|a| a.as_str() == s).ok_or(())
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Confidentiality levels of case types and information, lowest first (as in ZGW's
/// `vertrouwelijkheidaanduiding`). A role may see up to its ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Confidentiality {
    /// openbaar
    Public,
    /// beperkt openbaar
    Restricted,
    /// intern
    Internal,
    /// zaakvertrouwelijk
    CaseConfidential,
    /// vertrouwelijk
    Confidential,
    /// confidentieel
    HighlyConfidential,
    /// geheim
    Secret,
    /// zeer geheim
    TopSecret,
}

impl Confidentiality {
    /// The level as written in configuration.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Restricted => "restricted",
            Self::Internal => "internal",
            Self::CaseConfidential => "case-confidential",
            Self::Confidential => "confidential",
            Self::HighlyConfidential => "highly-confidential",
            Self::Secret => "secret",
            Self::TopSecret => "top-secret",
        }
    }
}

/// Level of assurance of a citizen's login (eIDAS: low, substantial, high).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Loa {
    /// eIDAS low (DigiD basis).
    Low,
    /// eIDAS substantial (DigiD midden/substantieel).
    Substantial,
    /// eIDAS high (DigiD hoog).
    High,
}

impl Loa {
    /// The level as written in tokens and configuration.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Substantial => "substantial",
            Self::High => "high",
        }
    }
}

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// No token: only what the tenant's policy grants the `anonymous` role.
    Anonymous,
    /// A resident, identified by BSN.
    Citizen {
        /// The token's subject.
        subject: String,
        /// The resident's citizen service number.
        bsn: Bsn,
        /// How strongly the resident logged in.
        loa: Loa,
    },
    /// A municipal employee.
    Employee {
        /// The token's subject (employee id at the identity provider).
        subject: String,
    },
    /// A third-party frontend using client credentials.
    App {
        /// The client id.
        client: String,
    },
}

impl Actor {
    /// The token subject, or `anonymous`.
    pub fn subject(&self) -> &str {
        match self {
            Self::Anonymous => "anonymous",
            Self::Citizen { subject, .. } | Self::Employee { subject } => subject,
            Self::App { client } => client,
        }
    }

    /// The BSN of a citizen actor.
    pub fn bsn(&self) -> Option<&Bsn> {
        match self {
            Self::Citizen { bsn, .. } => Some(bsn),
            _ => None,
        }
    }

    /// A short kind name for logs and `me.actor`.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Anonymous => "anonymous",
            Self::Citizen { .. } => "citizen",
            Self::Employee { .. } => "employee",
            Self::App { .. } => "app",
        }
    }
}

/// Decides a single (object, action) pair for a fixed tenant and role set; implemented by the
/// policy engine. Only consulted for objects outside the precomputed catalogue.
pub trait PolicyOracle: Send + Sync {
    /// Whether the role set may do `action` on `object`.
    fn decide(&self, object: &str, action: Action) -> bool;
}

/// Gives the context an actor with roles would have in a tenant, as a request of theirs with a
/// token would: for work done later on their behalf (what a webhook's app may learn of an
/// event). Implemented by the policy engine.
pub trait Grants: Send + Sync {
    /// The context, or `None` for a tenant the policy does not know.
    fn context(&self, tenant: &TenantId, actor: Actor, roles: Vec<Role>) -> Option<Ctx>;
}

/// Beyond this many memoised ad-hoc decisions, new ones are computed but not kept, so that
/// callers inventing object names cannot grow memory without bound.
const MEMO_LIMIT: usize = 4096;

/// Decisions per object, one slot per [`Action`]; `None` is "not decided yet".
type Slots = [Option<bool>; 4];

const fn slot(action: Action) -> usize {
    match action {
        Action::Read => 0,
        Action::Create => 1,
        Action::Update => 2,
        Action::Decide => 3,
    }
}

/// The policy decisions for one tenant and role set.
pub struct Capabilities {
    decided: HashMap<String, Slots>,
    ceiling: Option<Confidentiality>,
    oracle: Option<Arc<dyn PolicyOracle>>,
    memo: RwLock<HashMap<String, Slots>>,
}

impl Capabilities {
    /// Capabilities from decisions made ahead over the object catalogue, the confidentiality
    /// ceiling, and an oracle for objects outside the catalogue.
    pub fn new(
        decisions: HashMap<(String, Action), bool>,
        ceiling: Option<Confidentiality>,
        oracle: Option<Arc<dyn PolicyOracle>>,
    ) -> Self {
        let mut decided: HashMap<String, Slots> = HashMap::new();
        for ((object, action), allowed) in decisions {
            decided.entry(object).or_default()[slot(action)] = Some(allowed);
        }
        Self {
            decided,
            ceiling,
            oracle,
            memo: RwLock::new(HashMap::new()),
        }
    }

    /// Grants nothing.
    pub fn none() -> Self {
        Self::new(HashMap::new(), None, None)
    }

    /// Whether `action` on `object` is allowed. Looks up without allocating; only an object
    /// outside the catalogue, seen for the first time, reaches the policy engine.
    pub fn allows(&self, object: &str, action: Action) -> bool {
        let i = slot(action);
        if let Some(decision) = self.decided.get(object).and_then(|s| s[i]) {
            return decision;
        }
        let Some(oracle) = &self.oracle else {
            return false;
        };
        if let Ok(memo) = self.memo.read()
            && let Some(decision) = memo.get(object).and_then(|s| s[i])
        {
            return decision;
        }
        let decision = oracle.decide(object, action);
        if let Ok(mut memo) = self.memo.write()
            && (memo.len() < MEMO_LIMIT || memo.contains_key(object))
        {
            memo.entry(object.to_owned()).or_default()[i] = Some(decision);
        }
        decision
    }

    /// The granted pairs of the catalogue, sorted.
    pub fn granted(&self) -> BTreeSet<(&str, Action)> {
        self.decided
            .iter()
            .flat_map(|(object, slots)| {
                Action::ALL
                    .into_iter()
                    .filter(|a| slots[slot(*a)] == Some(true))
                    .map(move |a| (object.as_str(), a))
            })
            .collect()
    }

    /// The highest confidentiality level these roles may see; `None` sees nothing classified.
    pub fn ceiling(&self) -> Option<Confidentiality> {
        self.ceiling
    }
}

impl fmt::Debug for Capabilities {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Capabilities")
            .field("granted", &self.granted().len())
            .field("ceiling", &self.ceiling)
            .finish_non_exhaustive()
    }
}

/// The context of one request.
#[derive(Debug, Clone)]
pub struct Ctx {
    tenant: TenantId,
    actor: Actor,
    roles: Vec<Role>,
    capabilities: Arc<Capabilities>,
    /// Capabilities in other tenants' domains granted through a collaboration.
    delegated: HashMap<TenantId, Arc<Capabilities>>,
    request_id: String,
    trace_id: String,
    expires_at: Option<DateTime<Utc>>,
}

impl Ctx {
    /// A context for an authenticated or anonymous actor of `tenant`.
    pub fn new(
        tenant: TenantId,
        actor: Actor,
        roles: Vec<Role>,
        capabilities: Arc<Capabilities>,
        delegated: HashMap<TenantId, Arc<Capabilities>>,
        request_id: String,
    ) -> Self {
        Self {
            tenant,
            actor,
            roles,
            capabilities,
            delegated,
            trace_id: trace_id_of(&request_id),
            request_id,
            expires_at: None,
        }
    }

    /// The same context in the W3C trace `trace_id` (32 lowercase hex digits, as a valid
    /// `traceparent` header carries it); anything else is ignored.
    pub fn in_trace(mut self, trace_id: &str) -> Self {
        if is_trace_id(trace_id) {
            trace_id.clone_into(&mut self.trace_id);
        }
        self
    }

    /// The W3C trace id this request belongs to: from the caller's `traceparent`, else derived
    /// from the request id.
    pub fn trace_id(&self) -> &str {
        &self.trace_id
    }

    /// The same context, valid until `expires_at` (the token's expiry); `None` never expires
    /// (anonymous callers, background work).
    pub fn expiring_at(mut self, expires_at: Option<DateTime<Utc>>) -> Self {
        self.expires_at = expires_at;
        self
    }

    /// The same context under another request id (each operation on a socket has its own).
    pub fn with_request_id(mut self, request_id: String) -> Self {
        self.trace_id = trace_id_of(&request_id);
        self.request_id = request_id;
        self
    }

    /// When the credentials behind this context stop being valid.
    pub fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.expires_at
    }

    /// Whether the credentials have expired at `now`.
    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.expires_at.is_some_and(|at| at < now)
    }

    /// The tenant the actor acts for.
    pub fn tenant(&self) -> &TenantId {
        &self.tenant
    }

    /// Who is asking.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// The actor's roles as the token names them.
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// The decisions of the actor's own tenant.
    pub fn capabilities(&self) -> &Capabilities {
        &self.capabilities
    }

    /// The request id, for logs and the processing log.
    pub fn request_id(&self) -> &str {
        &self.request_id
    }

    /// Whether the actor may do `action` on `object` in their own tenant.
    pub fn can(&self, object: &str, action: Action) -> bool {
        self.capabilities.allows(object, action)
    }

    /// Whether the actor may do `action` on `object` in `domain`: their own tenant, or a
    /// member tenant of a collaboration their tenant hosts (shared case types only).
    pub fn can_in(&self, domain: &TenantId, object: &str, action: Action) -> bool {
        if domain == &self.tenant {
            return self.can(object, action);
        }
        self.delegated
            .get(domain)
            .is_some_and(|caps| caps.allows(object, action))
    }

    /// The capabilities that apply in `domain`: the own tenant's, or those a collaboration
    /// delegates; `None` when the actor has no standing there.
    pub fn capabilities_in(&self, domain: &TenantId) -> Option<&Capabilities> {
        if domain == &self.tenant {
            Some(&self.capabilities)
        } else {
            self.delegated.get(domain).map(AsRef::as_ref)
        }
    }

    /// The member tenants whose domain this actor may act in through a collaboration.
    pub fn delegated_domains(&self) -> impl Iterator<Item = &TenantId> {
        self.delegated.keys()
    }
}

/// Whether `id` is a W3C trace id: 32 lowercase hex digits, not all zero.
pub fn is_trace_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        && id.bytes().any(|b| b != b'0')
}

/// A trace id for a request id: the request id's hex digits when it is a UUID, else a new one.
fn trace_id_of(request_id: &str) -> String {
    let hex: String = request_id
        .chars()
        .filter(|c| *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    if is_trace_id(&hex) {
        hex
    } else {
        uuid::Uuid::new_v4().simple().to_string()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    struct Counting(AtomicUsize);

    impl PolicyOracle for Counting {
        fn decide(&self, object: &str, action: Action) -> bool {
            self.0.fetch_add(1, Ordering::SeqCst);
            object == "case/x/status" && action == Action::Read
        }
    }

    #[test]
    fn catalogue_answers_without_the_oracle_and_others_are_asked_once() {
        let oracle = Arc::new(Counting(AtomicUsize::new(0)));
        let decided = HashMap::from([
            (("case/*/status".to_owned(), Action::Read), true),
            (("case/*/status".to_owned(), Action::Decide), false),
        ]);
        let caps = Capabilities::new(
            decided,
            Some(Confidentiality::Internal),
            Some(oracle.clone()),
        );
        assert!(caps.allows("case/*/status", Action::Read));
        assert!(!caps.allows("case/*/status", Action::Decide));
        assert_eq!(oracle.0.load(Ordering::SeqCst), 0);
        for _ in 0..3 {
            assert!(caps.allows("case/x/status", Action::Read));
            assert!(!caps.allows("case/x/status", Action::Update));
        }
        assert_eq!(
            oracle.0.load(Ordering::SeqCst),
            2,
            "each new question asked once"
        );
        assert_eq!(
            caps.granted().into_iter().collect::<Vec<_>>(),
            vec![("case/*/status", Action::Read)]
        );
        assert!(!Capabilities::none().allows("case/*/status", Action::Read));
    }
}
