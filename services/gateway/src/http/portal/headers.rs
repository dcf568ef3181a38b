//! Security headers of the portal's responses. The Content-Security-Policy allows scripts,
//! styles, fonts and images from Loket itself only (no inline script or style, no other
//! origin), API calls to Loket and to the tenant's login providers, and no framing.

use axum::http::{HeaderMap, HeaderName, HeaderValue, header};

/// The policy for the app's pages; `login_origins` are the tenant's OpenID Connect providers
/// (residents' and staff's), which the app calls for discovery and tokens.
pub(crate) fn page_policy(login_origins: &[String]) -> String {
    let extra: String = login_origins.iter().map(|o| format!(" {o}")).collect();
    format!(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'{extra}; manifest-src 'self'; form-action 'self'; \
         base-uri 'none'; object-src 'none'; frame-ancestors 'none'"
    )
}

/// The policy for SVG images opened on their own: they render, and nothing runs.
pub(crate) const IMAGE_POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

/// The scheme, host and port of a URL (`https://login.example/path` gives
/// `https://login.example`), if it is an http(s) URL.
pub(crate) fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme, "http" | "https") {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty() && !host.contains(['\'', ';', ' ', ',']))
        .then(|| format!("{scheme}://{host}"))
}

/// Adds the headers every portal response carries, with this Content-Security-Policy.
pub(crate) fn secure(headers: &mut HeaderMap, policy: &str) {
    if let Ok(v) = HeaderValue::from_str(policy) {
        headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    // Geolocation for the portal's own pages only: a resident may place a report where they
    // stand ("use my current location"); the browser still asks them first.
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(self), payment=()"),
    );
}
