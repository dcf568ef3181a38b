//! Webhook signatures: `Loket-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`
//! with `Loket-Timestamp: <unix seconds>`. A receiver recomputes the HMAC over the timestamp
//! and the raw body, compares in constant time, refuses timestamps older than a few minutes
//! (a replay) and remembers `Loket-Delivery` ids it has seen (a retry after a crash).

use ring::hmac;

/// Header with the delivery key: the same for every attempt of one message.
pub const DELIVERY_HEADER: &str = "Loket-Delivery";
/// Header with the event kind.
pub const EVENT_HEADER: &str = "Loket-Event";
/// Header with the signing time in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "Loket-Timestamp";
/// Header with the signature.
pub const SIGNATURE_HEADER: &str = "Loket-Signature";
/// How old a signed timestamp may be before a receiver should refuse it.
pub const TOLERANCE_SECONDS: i64 = 300;

fn key(secret: &str) -> hmac::Key {
    hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes())
}

fn message(timestamp: i64, body: &[u8]) -> Vec<u8> {
    let mut message = format!("{timestamp}.").into_bytes();
    message.extend_from_slice(body);
    message
}

/// The `Loket-Signature` value for a body signed at `timestamp`.
pub fn sign(secret: &str, timestamp: i64, body: &[u8]) -> String {
    format!(
        "v1={}",
        hex::encode(hmac::sign(&key(secret), &message(timestamp, body)).as_ref())
    )
}

/// Why a signed request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// The signature header is not `v1=<hex>`.
    #[error("malformed signature")]
    Malformed,
    /// The signature does not match the body and timestamp.
    #[error("signature mismatch")]
    Mismatch,
    /// The timestamp is too old or in the future: a replay.
    #[error("timestamp outside tolerance")]
    Stale,
}

/// Checks a request as a receiver should (constant-time comparison, timestamp tolerance).
pub fn verify(
    secret: &str,
    timestamp: i64,
    body: &[u8],
    signature: &str,
    now: i64,
) -> Result<(), SignatureError> {
    let hex_part = signature
        .strip_prefix("v1=")
        .ok_or(SignatureError::Malformed)?;
    let expected = hex::decode(hex_part).map_err(|_| SignatureError::Malformed)?;
    hmac::verify(&key(secret), &message(timestamp, body), &expected)
        .map_err(|_| SignatureError::Mismatch)?;
    if now.saturating_sub(timestamp).saturating_abs() > TOLERANCE_SECONDS {
        return Err(SignatureError::Stale);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_verifies_and_a_changed_body_or_old_timestamp_does_not() {
        let body = br#"{"kind":"case.created"}"#;
        let signature = sign("s3cret", 1_700_000_000, body);
        assert!(signature.starts_with("v1="));
        assert_eq!(
            verify("s3cret", 1_700_000_000, body, &signature, 1_700_000_010),
            Ok(())
        );
        assert_eq!(
            verify("s3cret", 1_700_000_000, b"{}", &signature, 1_700_000_010),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify("other", 1_700_000_000, body, &signature, 1_700_000_010),
            Err(SignatureError::Mismatch)
        );
        assert_eq!(
            verify("s3cret", 1_700_000_000, body, &signature, 1_700_000_900),
            Err(SignatureError::Stale)
        );
        assert_eq!(
            verify("s3cret", 1_700_000_000, body, "abc", 1_700_000_010),
            Err(SignatureError::Malformed)
        );
    }

    #[test]
    fn matches_the_rfc_4231_test_vector() {
        // RFC 4231 test case 2: key "Jefe", message "what do ya want for nothing?".
        let tag = hmac::sign(&key("Jefe"), b"what do ya want for nothing?");
        assert_eq!(
            hex::encode(tag.as_ref()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
