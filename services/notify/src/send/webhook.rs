//! Webhooks: the event as JSON, POSTed to the subscriber's URL, signed (see
//! [`crate::signature`]) with the delivery key in `Loket-Delivery`.

use super::{Message, SendError, http_error, http_status};
use crate::signature::{DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign};

/// Posts one event, to a public address only (a name is checked by the client's resolver; an
/// address written in the URL here).
pub(super) async fn send(
    http: &reqwest::Client,
    allow_loopback: bool,
    m: &Message<'_>,
) -> Result<(), SendError> {
    let url = reqwest::Url::parse(m.recipient)
        .map_err(|_| SendError::Permanent("the callback URL is not a URL".into()))?;
    let literal = match url.host() {
        Some(url::Host::Ipv4(ip)) => Some(std::net::IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(std::net::IpAddr::V6(ip)),
        _ => None,
    };
    if literal.is_some_and(|ip| !super::guard::allowed(ip, allow_loopback)) {
        return Err(SendError::Permanent(
            "the callback URL does not point to a public address".into(),
        ));
    }
    let secret = m
        .secret
        .ok_or_else(|| SendError::Permanent("the subscription has no signing secret".into()))?;
    let timestamp = chrono::Utc::now().timestamp();
    let response = http
        .post(m.recipient)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header(DELIVERY_HEADER, m.key)
        .header(EVENT_HEADER, m.kind)
        .header(TIMESTAMP_HEADER, timestamp.to_string())
        .header(SIGNATURE_HEADER, sign(secret, timestamp, m.body.as_bytes()))
        .body(m.body.to_owned())
        .send()
        .await
        .map_err(|e| http_error(&e))?;
    http_status(response.status())
}
