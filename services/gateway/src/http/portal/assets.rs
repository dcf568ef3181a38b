//! The built web frontend, embedded in the binary at compile time from `web/dist/` (which is
//! committed, so that building Loket needs no Node.js), and served with the right type and
//! cache lifetime: content-hashed files under `/assets/` are immutable, anything else is
//! revalidated.

use axum::{
    body::Body,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use rust_embed::Embed;

/// `web/dist/`, without Vite's manifest (the build's bookkeeping, not served).
#[derive(Embed)]
#[folder = "../../web/dist/"]
#[exclude = ".vite/*"]
pub(crate) struct Dist;

/// Cache lifetime of content-hashed files: a year, never revalidated.
pub(crate) const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache policy of everything whose content may change under the same URL.
pub(crate) const REVALIDATE: &str = "no-cache";

/// The media type of a file by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The built `index.html`, if the bundle has one.
pub(crate) fn index_html() -> Option<String> {
    Dist::get("index.html").and_then(|f| String::from_utf8(f.data.into_owned()).ok())
}

/// Whether the request's `If-None-Match` names this ETag.
pub(crate) fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag))
}

/// `GET /assets/<file>`: an embedded file, or 404.
pub(crate) fn asset(path: &str, headers: &HeaderMap) -> Response {
    let Some(file) = Dist::get(path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let hash = file.metadata.sha256_hash();
    let etag = format!(
        "\"{}\"",
        hash.iter()
            .take(12)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    );
    let cache = if path.starts_with("assets/") {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let mut response = if not_modified(headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        Response::new(Body::from(file.data.into_owned()))
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    response
}
