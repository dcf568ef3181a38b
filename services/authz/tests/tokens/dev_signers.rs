//! Dev signers.

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// Dev signers

#[tokio::test]
async fn dev_signer_tokens_verify() {
    let f = fixture().await;
    for tenant in ["alpha", "beta"] {
        let signer = f
            .authz
            .authenticator()
            .dev_signer(&t(tenant))
            .unwrap_or_else(|| panic!("{tenant} trusts the dev issuer"));

        let token = signer.sign(&role(Role::BACKOFFICE), None, 300).unwrap();
        let verified = f.verify(&token).unwrap();
        assert_eq!(verified.tenant, t(tenant));
        assert_eq!(verified.roles, vec![role(Role::BACKOFFICE)]);
        assert!(matches!(verified.actor, Actor::Employee { .. }));

        let bsn = Bsn::new(CITIZEN_BSN).unwrap();
        let token = signer.sign(&role(Role::CITIZEN), Some(&bsn), 300).unwrap();
        let verified = f.verify(&token).unwrap();
        match verified.actor {
            Actor::Citizen { bsn: got, loa, .. } => {
                assert_eq!(got, bsn);
                assert_eq!(loa, loket_kernel::ctx::Loa::Substantial);
            }
            other => panic!("expected a citizen, got {other:?}"),
        }

        // The context accepts it for its own tenant only.
        let token = signer.sign(&role(Role::FRONTOFFICE), None, 300).unwrap();
        assert!(
            f.authz
                .context(Some(&token), Some(tenant), "r".into())
                .is_ok()
        );
        let other = if tenant == "alpha" { "beta" } else { "alpha" };
        assert_refused!(
            f.authz.context(Some(&token), Some(other), "r".into()),
            AuthError::TenantMismatch
        );
    }
}

#[tokio::test]
async fn dev_signer_refuses_a_citizen_without_bsn() {
    let f = fixture().await;
    let signer = f.authz.authenticator().dev_signer(&t("alpha")).unwrap();
    assert_refused!(
        signer.sign(&role(Role::CITIZEN), None, 300),
        AuthError::BadClaims("citizen without bsn")
    );
}

#[tokio::test]
async fn tenants_without_a_dev_issuer_have_no_dev_signer() {
    let f = fixture().await;
    let authenticator = f.authz.authenticator();
    assert!(
        authenticator.dev_signer(&t("delta")).is_none(),
        "delta trusts only a JWKS issuer"
    );
    assert!(
        authenticator.dev_signer(&t("gamma")).is_none(),
        "gamma trusts no issuer"
    );
    assert!(authenticator.dev_signer(&t("nowhere")).is_none());
}
