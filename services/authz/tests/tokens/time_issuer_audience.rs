//! Time, issuer, audience.

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// Time, issuer, audience

#[tokio::test]
async fn expired_token_is_refused() {
    let f = fixture().await;
    let n = now();
    let claims = with(
        with(dev_employee("alpha"), "exp", json!(n - 3600)),
        "nbf",
        json!(n - 7200),
    );
    assert_refused!(f.verify(&hs(&claims)), AuthError::Rejected(ref s) if s == "ExpiredSignature");
    let claims = with(idp_employee("alpha"), "exp", json!(n - 120));
    assert_refused!(
        f.verify(&rs(&claims, Some(RSA_KID))),
        AuthError::Rejected(ref s) if s == "ExpiredSignature"
    );
}

#[tokio::test]
async fn not_yet_valid_token_is_refused() {
    let f = fixture().await;
    let n = now();
    let claims = with(
        with(dev_employee("alpha"), "nbf", json!(n + 3600)),
        "exp",
        json!(n + 7200),
    );
    assert_refused!(f.verify(&hs(&claims)), AuthError::Rejected(ref s) if s == "ImmatureSignature");
    let claims = with(idp_employee("alpha"), "nbf", json!(n + 120));
    assert_refused!(
        f.verify(&es(&claims, Some(EC_KID))),
        AuthError::Rejected(ref s) if s == "ImmatureSignature"
    );
}

#[tokio::test]
async fn unknown_issuer_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "iss", json!("https://evil.example"));
    assert_refused!(f.verify(&hs(&claims)), AuthError::UnknownIssuer);
    // Close but not equal.
    let claims = with(dev_employee("alpha"), "iss", json!(format!("{DEV_ISS}/")));
    assert_refused!(f.verify(&hs(&claims)), AuthError::UnknownIssuer);
    let claims = with(
        idp_employee("alpha"),
        "iss",
        json!("https://login.evil.example"),
    );
    assert_refused!(
        f.verify(&rs(&claims, Some(RSA_KID))),
        AuthError::UnknownIssuer
    );
}

#[tokio::test]
async fn missing_issuer_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "iss"))),
        AuthError::Malformed
    );
}

#[tokio::test]
async fn wrong_audience_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "aud", json!("not-loket"));
    assert_refused!(f.verify(&hs(&claims)), AuthError::Rejected(ref s) if s == "InvalidAudience");
    // The dev issuer's audience is not the identity provider's.
    let claims = with(idp_employee("alpha"), "aud", json!(DEV_AUD));
    assert_refused!(
        f.verify(&rs(&claims, Some(RSA_KID))),
        AuthError::Rejected(ref s) if s == "InvalidAudience"
    );
}

#[tokio::test]
async fn missing_audience_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "aud"))),
        AuthError::BadClaims(_)
    );
}
