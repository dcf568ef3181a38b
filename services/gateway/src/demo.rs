//! The demo tokens `loket serve` prints at start-up, so a newcomer can try every role at once.

use loket_authz::Authz;
use loket_kernel::{Bsn, Role, TenantId, config::TenantSet};

use crate::output;

/// A test BSN (passes the 11-check; the 9999 range is used for test persons).
pub(crate) const DEMO_BSN: &str = "999993653";
/// How long demo tokens stay valid: a working day.
const DEMO_TTL_SECONDS: u64 = 12 * 3600;

/// Prints one token per built-in role for the first tenant that has a dev issuer.
pub(crate) fn print_tokens(tenants: &TenantSet, authz: &Authz, graphql_url: &str) {
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
    let bsn = Bsn::new(DEMO_BSN).ok();
    output::line(format!(
        "\nDemo tokens for tenant {tenant} (valid 12 hours; `loket token --help` for others):"
    ));
    for name in Role::BUILT_IN {
        let Ok(role) = Role::new(name) else { continue };
        match signer.sign(&role, bsn.as_ref(), DEMO_TTL_SECONDS) {
            Ok(token) => output::line(format!("  {name:<12} {token}")),
            Err(e) => tracing::warn!(role = name, error = %e, "cannot sign demo token"),
        }
    }
    output::line(format!(
        "\nTry:\n  curl -s {graphql_url} -H 'Content-Type: application/json' \\\n    -H \"Authorization: Bearer $TOKEN\" -d '{{\"query\":\"{{ me {{ actor roles tenant {{ name }} }} }}\"}}'\n"
    ));
}
