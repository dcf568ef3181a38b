//! Malformed tokens and claims.

use crate::support::*;

// ---------------------------------------------------------------------------------------------
// Malformed tokens and claims

#[tokio::test]
async fn garbage_tokens_are_malformed() {
    let f = fixture().await;
    let valid = hs(&dev_employee("alpha"));
    let parts: Vec<&str> = valid.split('.').collect();
    let two_parts = format!("{}.{}", parts[0], parts[1]);
    let four_parts = format!("{valid}.{}", parts[2]);
    let header_not_json = format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode("nope"),
        parts[1],
        parts[2]
    );
    let payload_not_json = format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode("nope"),
        parts[2]
    );
    for token in [
        "",
        "abc",
        "a.b",
        "a.b.c",
        "...",
        two_parts.as_str(),
        four_parts.as_str(),
        header_not_json.as_str(),
        payload_not_json.as_str(),
    ] {
        assert_refused!(f.verify(token), AuthError::Malformed);
    }
}

#[tokio::test]
async fn roles_missing_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "roles"))),
        AuthError::BadClaims(_)
    );
}

#[tokio::test]
async fn roles_empty_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "roles", json!([]));
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("roles must not be empty")
    );
}

#[tokio::test]
async fn roles_not_an_array_is_refused() {
    let f = fixture().await;
    for roles in [
        json!("frontoffice"),
        json!(null),
        json!({"frontoffice": true}),
        json!([1]),
    ] {
        let claims = with(dev_employee("alpha"), "roles", roles);
        assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims(_));
    }
}

#[tokio::test]
async fn role_that_is_not_a_valid_name_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "roles", json!(["Front Office"]));
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("roles"));
}

#[tokio::test]
async fn token_claiming_the_anonymous_role_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "roles", json!(["anonymous"]));
    let token = hs(&claims);
    assert_refused!(f.verify(&token), AuthError::BadClaims("roles"));
    assert_refused!(
        f.authz.context(Some(&token), Some("alpha"), "r1".into()),
        AuthError::BadClaims("roles")
    );
    let claims = with(
        dev_employee("alpha"),
        "roles",
        json!(["frontoffice", "anonymous"]),
    );
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("roles"));
}

#[tokio::test]
async fn citizen_without_bsn_is_refused() {
    let f = fixture().await;
    let claims = without(citizen(DEV_ISS, DEV_AUD, "alpha"), "bsn");
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("citizen without bsn")
    );
}

#[tokio::test]
async fn citizen_with_a_bsn_failing_the_eleven_check_is_refused() {
    let f = fixture().await;
    for bsn in [
        INVALID_BSN,
        "000000000",
        "99999365",
        "9999936530",
        "99999365a",
    ] {
        let claims = with(citizen(DEV_ISS, DEV_AUD, "alpha"), "bsn", json!(bsn));
        assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("bsn"));
    }
}

#[tokio::test]
async fn citizen_without_loa_is_refused() {
    let f = fixture().await;
    let claims = without(citizen(DEV_ISS, DEV_AUD, "alpha"), "loa");
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("citizen without loa")
    );
    let claims = with(citizen(DEV_ISS, DEV_AUD, "alpha"), "loa", json!("medium"));
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims(_));
}

#[tokio::test]
async fn citizen_with_other_roles_is_refused() {
    let f = fixture().await;
    let claims = with(
        citizen(DEV_ISS, DEV_AUD, "alpha"),
        "roles",
        json!(["citizen", "backoffice"]),
    );
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("a citizen token carries no other roles")
    );
}

#[tokio::test]
async fn bsn_on_a_non_citizen_token_is_refused() {
    let f = fixture().await;
    let claims = with(dev_employee("alpha"), "bsn", json!(CITIZEN_BSN));
    assert_refused!(
        f.verify(&hs(&claims)),
        AuthError::BadClaims("bsn on a non-citizen token")
    );
}

#[tokio::test]
async fn tenant_that_is_not_a_slug_is_refused() {
    let f = fixture().await;
    for tenant in ["Alpha", "alpha beta", "a", "1alpha", "", "alpha/../beta"] {
        let claims = with(dev_employee("alpha"), "tenant", json!(tenant));
        assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("tenant"));
    }
    let claims = without(dev_employee("alpha"), "tenant");
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims(_));
}

#[tokio::test]
async fn missing_exp_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "exp"))),
        AuthError::BadClaims(_)
    );
    assert_refused!(
        f.verify(&rs(&without(idp_employee("alpha"), "exp"), Some(RSA_KID))),
        AuthError::BadClaims(_)
    );
}

#[tokio::test]
async fn missing_or_empty_subject_is_refused() {
    let f = fixture().await;
    assert_refused!(
        f.verify(&hs(&without(dev_employee("alpha"), "sub"))),
        AuthError::BadClaims(_)
    );
    let claims = with(dev_employee("alpha"), "sub", json!(""));
    assert_refused!(f.verify(&hs(&claims)), AuthError::BadClaims("sub"));
}
