//! Signatures and algorithms.

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// Signatures and algorithms

#[tokio::test]
async fn token_signed_with_another_secret_is_refused() {
    let f = fixture().await;
    let token = hs_with_secret(
        &dev_employee("alpha"),
        b"another-secret-that-is-also-long-enough-000",
    );
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");
}

#[tokio::test]
async fn es256_token_signed_by_a_key_outside_the_jwks_is_refused() {
    let f = fixture().await;
    let token = es_with_key(
        &idp_employee("alpha"),
        Some(EC_KID),
        &keys().other_ec_private_pem,
    );
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");
}

#[tokio::test]
async fn tampered_payload_is_refused() {
    let f = fixture().await;
    let escalated = with(dev_employee("alpha"), "roles", json!(["admin"]));
    let token = tamper(&hs(&dev_employee("alpha")), &escalated);
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");

    let escalated = with(idp_employee("alpha"), "roles", json!(["admin"]));
    let token = tamper(&rs(&idp_employee("alpha"), Some(RSA_KID)), &escalated);
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");

    let token = tamper(&es(&idp_employee("alpha"), Some(EC_KID)), &escalated);
    assert_refused!(f.verify(&token), AuthError::Rejected(ref s) if s == "InvalidSignature");
}

#[tokio::test]
async fn alg_none_is_refused() {
    let f = fixture().await;
    for alg in ["none", "None", "NONE"] {
        let head = b64(&json!({"alg": alg, "typ": "JWT"}));
        for claims in [dev_employee("alpha"), idp_employee("alpha")] {
            let unsigned = format!("{head}.{}.", b64(&claims));
            assert_refused!(f.verify(&unsigned), AuthError::Malformed);
            // With a real signature appended it is still not a token we read.
            let signed = hs(&claims);
            let signature = signed.rsplit('.').next().unwrap();
            let token = format!("{head}.{}.{signature}", b64(&claims));
            assert_refused!(f.verify(&token), AuthError::Malformed);
        }
    }
}

#[tokio::test]
async fn hs256_token_for_the_rs_issuer_is_refused() {
    // The classic confusion attack: HMAC with the public key as the secret.
    let f = fixture().await;
    let public_pem = keys().rsa_public_pem.as_bytes();
    let token = hs_with_secret(&idp_employee("alpha"), public_pem);
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);

    let mut head = Header::new(Algorithm::HS256);
    head.kid = Some(RSA_KID.to_owned());
    let token = encode(
        &head,
        &idp_employee("alpha"),
        &EncodingKey::from_secret(public_pem).unwrap(),
    )
    .unwrap();
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
}

#[tokio::test]
async fn rs256_token_for_the_hs_dev_issuer_is_refused() {
    let f = fixture().await;
    let token = rs(&dev_employee("alpha"), Some(RSA_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
    let token = es(&dev_employee("alpha"), Some(EC_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
}

#[tokio::test]
async fn algorithm_must_match_the_key_of_the_kid() {
    let f = fixture().await;
    // ES256 header naming the RSA key.
    let token = es(&idp_employee("alpha"), Some(RSA_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
    // RS256 header naming the EC key.
    let token = rs(&idp_employee("alpha"), Some(EC_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
}

#[tokio::test]
async fn algorithm_not_listed_for_the_issuer_is_refused_even_with_a_known_kid() {
    // delta's issuer lists only ES256, although its JWKS also holds the RSA key.
    let f = fixture().await;
    let token = rs(&employee(DELTA_ISS, DELTA_AUD, "delta"), Some(RSA_KID));
    assert_refused!(f.verify(&token), AuthError::AlgorithmNotAccepted);
    let token = es(&employee(DELTA_ISS, DELTA_AUD, "delta"), Some(EC_KID));
    assert_eq!(f.verify(&token).unwrap().tenant, t("delta"));
}

#[tokio::test]
async fn unknown_kid_is_refused() {
    let f = fixture().await;
    let token = rs(&idp_employee("alpha"), Some("alpha-rsa-2"));
    assert_refused!(f.verify(&token), AuthError::UnknownKey);
    let token = es(&idp_employee("alpha"), Some("alpha-ec-2"));
    assert_refused!(f.verify(&token), AuthError::UnknownKey);
}

#[tokio::test]
async fn missing_kid_on_a_jwks_issuer_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&rs(&idp_employee("alpha"), None)),
        AuthError::UnknownKey
    );
    assert_refused!(
        f.verify(&es(&idp_employee("alpha"), None)),
        AuthError::UnknownKey
    );
}
