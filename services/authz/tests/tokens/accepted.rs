//! Accepted tokens.

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// Accepted tokens

#[tokio::test]
async fn valid_hs256_token_is_accepted() {
    let f = fixture().await;
    let claims = dev_employee("alpha");
    let verified = f.verify(&hs(&claims)).unwrap();
    let exp = claims["exp"].as_i64().unwrap();
    assert_eq!(
        verified,
        Verified {
            tenant: t("alpha"),
            actor: Actor::Employee {
                subject: "employee-42".to_owned()
            },
            roles: vec![role(Role::FRONTOFFICE)],
            // The last moment it is accepted: its expiry plus the clock leeway.
            expires_at: chrono::DateTime::from_timestamp(exp + 30, 0).unwrap(),
        }
    );
    // The dev issuer is shared: beta accepts it too.
    let verified = f.verify(&hs(&dev_employee("beta"))).unwrap();
    assert_eq!(verified.tenant, t("beta"));
}

#[tokio::test]
async fn valid_rs256_token_with_kid_is_accepted() {
    let f = fixture().await;
    let claims = with(
        idp_employee("alpha"),
        "roles",
        json!(["frontoffice", "manager"]),
    );
    let verified = f.verify(&rs(&claims, Some(RSA_KID))).unwrap();
    assert_eq!(verified.tenant, t("alpha"));
    assert_eq!(
        verified.actor,
        Actor::Employee {
            subject: "employee-42".to_owned()
        }
    );
    assert_eq!(
        verified.roles,
        vec![role(Role::FRONTOFFICE), role(Role::MANAGER)]
    );
}

#[tokio::test]
async fn valid_es256_token_with_kid_is_accepted() {
    let f = fixture().await;
    let verified = f.verify(&es(&idp_employee("alpha"), Some(EC_KID))).unwrap();
    assert_eq!(verified.tenant, t("alpha"));
    assert_eq!(verified.roles, vec![role(Role::FRONTOFFICE)]);
}

#[tokio::test]
async fn citizen_token_gives_a_citizen_actor() {
    let f = fixture().await;
    let expected = Actor::Citizen {
        subject: "citizen-7".to_owned(),
        bsn: Bsn::new(CITIZEN_BSN).unwrap(),
        loa: loket_kernel::ctx::Loa::Substantial,
    };
    for token in [
        hs(&citizen(DEV_ISS, DEV_AUD, "alpha")),
        rs(&citizen(IDP_ISS, IDP_AUD, "alpha"), Some(RSA_KID)),
        es(&citizen(IDP_ISS, IDP_AUD, "alpha"), Some(EC_KID)),
    ] {
        let verified = f.verify(&token).unwrap();
        assert_eq!(verified.tenant, t("alpha"));
        assert_eq!(verified.actor, expected);
        assert_eq!(verified.actor.bsn().unwrap().as_str(), CITIZEN_BSN);
        assert_eq!(verified.roles, vec![role(Role::CITIZEN)]);
    }
}

#[tokio::test]
async fn app_token_gives_an_app_actor() {
    let f = fixture().await;
    let claims = with(
        with(dev_employee("beta"), "roles", json!([Role::APP])),
        "sub",
        json!("client-9"),
    );
    let verified = f.verify(&hs(&claims)).unwrap();
    assert_eq!(
        verified.actor,
        Actor::App {
            client: "client-9".to_owned()
        }
    );
}

#[tokio::test]
async fn audience_may_be_a_list_that_contains_ours() {
    let f = fixture().await;
    let claims = with(
        dev_employee("alpha"),
        "aud",
        json!(["someone-else", DEV_AUD]),
    );
    assert!(f.verify(&hs(&claims)).is_ok());
    let claims = with(
        dev_employee("alpha"),
        "aud",
        json!(["someone-else", "another"]),
    );
    assert_refused!(f.verify(&hs(&claims)), AuthError::Rejected(ref s) if s == "InvalidAudience");
}

#[tokio::test]
async fn clock_skew_within_the_leeway_is_tolerated() {
    let f = fixture().await;
    let n = now();
    let just_expired = with(dev_employee("alpha"), "exp", json!(n - 10));
    assert!(f.verify(&hs(&just_expired)).is_ok());
    let almost_valid = with(dev_employee("alpha"), "nbf", json!(n + 10));
    assert!(f.verify(&hs(&almost_valid)).is_ok());
}
