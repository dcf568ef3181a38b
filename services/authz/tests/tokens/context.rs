//! The request context.

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// The request context

#[tokio::test]
async fn no_token_and_no_tenant_header_is_bad_user_input() {
    let f = fixture().await;
    let error = f.authz.context(None, None, "r1".into()).unwrap_err();
    assert_eq!(error, AuthError::NoTenant);
    assert_eq!(error.code(), ErrorCode::BadUserInput);
}

#[tokio::test]
async fn no_token_with_a_tenant_header_is_anonymous() {
    let f = fixture().await;
    for tenant in ["alpha", "gamma", " beta "] {
        let ctx = f.authz.context(None, Some(tenant), "req-1".into()).unwrap();
        assert_eq!(ctx.tenant(), &t(tenant.trim()));
        assert_eq!(ctx.actor(), &Actor::Anonymous);
        assert_eq!(ctx.roles(), [role("anonymous")]);
        assert_eq!(ctx.request_id(), "req-1");
        assert!(ctx.can("tenant/public", Action::Read));
        assert!(!ctx.can("person/name", Action::Read));
    }
}

#[tokio::test]
async fn no_token_with_an_unknown_or_invalid_tenant_header_is_refused() {
    let f = fixture().await;
    for header in ["nowhere", "Alpha", "not a slug", ""] {
        assert_refused!(
            f.authz.context(None, Some(header), "r1".into()),
            AuthError::UnknownTenant
        );
    }
}

#[tokio::test]
async fn token_gives_its_tenant_actor_and_capabilities() {
    let f = fixture().await;
    let token = rs(&idp_employee("alpha"), Some(RSA_KID));
    for header in [None, Some("alpha")] {
        let ctx = f
            .authz
            .context(Some(&token), header, "req-2".into())
            .unwrap();
        assert_eq!(ctx.tenant(), &t("alpha"));
        assert_eq!(
            ctx.actor(),
            &Actor::Employee {
                subject: "employee-42".to_owned()
            }
        );
        assert_eq!(ctx.roles(), [role(Role::FRONTOFFICE)]);
        assert_eq!(ctx.request_id(), "req-2");
        assert!(ctx.can("person/name", Action::Read));
    }
}

#[tokio::test]
async fn token_with_a_mismatching_tenant_header_is_refused() {
    let f = fixture().await;
    let token = hs(&dev_employee("alpha"));
    assert_refused!(
        f.authz.context(Some(&token), Some("beta"), "r1".into()),
        AuthError::TenantMismatch
    );
    // Also when the header names a tenant that does not exist (but is a valid slug).
    assert_refused!(
        f.authz.context(Some(&token), Some("nowhere"), "r1".into()),
        AuthError::TenantMismatch
    );
}

#[tokio::test]
async fn context_passes_on_verification_failures() {
    let f = fixture().await;
    let expired = hs(&with(dev_employee("alpha"), "exp", json!(now() - 3600)));
    assert_refused!(
        f.authz.context(Some(&expired), Some("alpha"), "r1".into()),
        AuthError::Rejected(ref s) if s == "ExpiredSignature"
    );
    assert_refused!(
        f.authz.context(Some("abc"), Some("alpha"), "r1".into()),
        AuthError::Malformed
    );
    assert_refused!(
        f.authz.context(Some(""), None, "r1".into()),
        AuthError::Malformed
    );
    assert_refused!(
        f.authz.context(
            Some(&rs(&idp_employee("beta"), Some(RSA_KID))),
            None,
            "r1".into()
        ),
        AuthError::UntrustedIssuer
    );
}

#[test]
fn every_refusal_has_one_public_message() {
    let message = AuthError::PUBLIC_MESSAGE;
    assert!(!message.trim().is_empty());
    let lower = message.to_lowercase();
    for leak in ["signature", "expired", "issuer", "audience", "kid", "bsn"] {
        assert!(!lower.contains(leak), "{message:?} mentions {leak}");
    }
    // Every variant except NoTenant is UNAUTHENTICATED.
    let all = [
        AuthError::Malformed,
        AuthError::UnknownIssuer,
        AuthError::AlgorithmNotAccepted,
        AuthError::UnknownKey,
        AuthError::Rejected("InvalidSignature".to_owned()),
        AuthError::BadClaims("roles"),
        AuthError::UntrustedIssuer,
        AuthError::UnknownTenant,
        AuthError::TenantMismatch,
    ];
    for error in all {
        assert_eq!(error.code(), ErrorCode::Unauthenticated, "{error:?}");
    }
    assert_eq!(AuthError::NoTenant.code(), ErrorCode::BadUserInput);
}
