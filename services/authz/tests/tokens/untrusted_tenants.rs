//! Tenants that do not trust the issuer.

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// Tenants that do not trust the issuer

#[tokio::test]
async fn tenant_that_does_not_trust_the_issuer_is_refused() {
    let f = fixture().await;
    // The identity provider is trusted by alpha only.
    assert_refused!(
        f.verify(&rs(&idp_employee("beta"), Some(RSA_KID))),
        AuthError::UntrustedIssuer
    );
    assert_refused!(
        f.verify(&es(&idp_employee("gamma"), Some(EC_KID))),
        AuthError::UntrustedIssuer
    );
    // gamma trusts no issuer at all.
    assert_refused!(
        f.verify(&hs(&dev_employee("gamma"))),
        AuthError::UntrustedIssuer
    );
    // delta's issuer cannot sign for alpha.
    let claims = employee(DELTA_ISS, DELTA_AUD, "alpha");
    assert_refused!(
        f.verify(&es(&claims, Some(EC_KID))),
        AuthError::UntrustedIssuer
    );
}

#[tokio::test]
async fn nonexistent_tenant_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&dev_employee("nowhere"))),
        AuthError::UntrustedIssuer
    );
}
