//! The demo tokens `loket serve` prints at start-up, so a newcomer can try every role at once.

use loket_authz::Authz;
use loket_kernel::{Bsn, Role, TenantId, config::TenantSet};
use loket_registry::Registry;

use crate::output;

/// How long demo tokens stay valid: a working day.
const DEMO_TTL_SECONDS: u64 = 12 * 3600;

/// Prints one token per built-in role for the first tenant that has a dev issuer; the
/// citizen token belongs to one of its demo residents.
pub(crate) async fn print_tokens(
    tenants: &TenantSet,
    authz: &Authz,
    registry: &Registry,
    graphql_url: &str,
) {
    let preferred = TenantId::new("enschede").ok();
    let tenant = preferred
        .filter(|t| authz.authenticator().dev_signer(t).is_some())
        .or_else(|| {
            tenants
                .tenants
                .keys()
                .find(|t| authz.authenticator().dev_signer(t).is_some())
                .cloned()
        });
    let Some(tenant) = tenant else {
        return;
    };
    let Some(signer) = authz.authenticator().dev_signer(&tenant) else {
        return;
    };
    let code = tenants
        .get(&tenant)
        .map(|t| t.municipality_code.as_str().to_owned());
    let bsn: Option<Bsn> = match code {
        Some(code) => registry.demo_resident(&code).await.ok().flatten(),
        None => None,
    };
    output::line(format!(
        "\nDemo tokens for tenant {tenant} (valid 12 hours; `loket token --help` for others):"
    ));
    for name in Role::BUILT_IN {
        let Ok(role) = Role::new(name) else { continue };
        if name == Role::CITIZEN && bsn.is_none() {
            continue;
        }
        match signer.sign(&role, bsn.as_ref(), DEMO_TTL_SECONDS) {
            Ok(token) => output::line(format!("  {name:<12} {token}")),
            Err(e) => tracing::warn!(role = name, error = %e, "cannot sign demo token"),
        }
    }
    output::line(format!(
        "\nTry:\n  curl -s {graphql_url} -H 'Content-Type: application/json' \\\n    -H \"Authorization: Bearer $TOKEN\" -d '{{\"query\":\"{{ me {{ actor roles tenant {{ name }} }} }}\"}}'\n"
    ));
}
