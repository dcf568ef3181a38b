//! Media types of the GraphQL-over-HTTP specification: which one the client accepts, and the
//! status codes that go with it.

use axum::http::{HeaderMap, StatusCode, header};

/// The response media types Loket speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Media {
    /// `application/graphql-response+json`: status codes say what happened.
    GraphqlResponse,
    /// `application/json`: the legacy type, 200 for every well-formed request.
    Json,
}

pub(crate) const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";
const JSON: &str = "application/json";

impl Media {
    /// The Content-Type value.
    pub(crate) fn content_type(self) -> &'static str {
        match self {
            Self::GraphqlResponse => "application/graphql-response+json; charset=utf-8",
            Self::Json => "application/json; charset=utf-8",
        }
    }

    /// The status of an executed (or refused) GraphQL response: a request error (nothing
    /// executed) is 400 under the new media type; the legacy type uses 200 throughout.
    pub(crate) fn status(self, executed: bool) -> StatusCode {
        match self {
            Self::GraphqlResponse if !executed => StatusCode::BAD_REQUEST,
            _ => StatusCode::OK,
        }
    }
}

/// The media type to answer with, highest quality first; `None` when the client accepts
/// neither (406). No Accept header, or `*/*`, means `application/json` for older clients.
pub(crate) fn negotiate(headers: &HeaderMap) -> Option<Media> {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()) else {
        return Some(Media::Json);
    };
    let mut offers: Vec<(f32, Media)> = accept
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            let media = match media.as_str() {
                GRAPHQL_RESPONSE => Media::GraphqlResponse,
                JSON | "application/*" | "*/*" => Media::Json,
                _ => return None,
            };
            (q > 0.0).then_some((q, media))
        })
        .collect();
    // Stable sort keeps the client's order among equal qualities.
    offers.sort_by(|a, b| b.0.total_cmp(&a.0));
    offers.first().map(|(_, media)| *media)
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn accept(value: &str) -> Option<Media> {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT, HeaderValue::from_str(value).unwrap());
        negotiate(&headers)
    }

    #[test]
    fn picks_what_the_client_prefers() {
        assert_eq!(negotiate(&HeaderMap::new()), Some(Media::Json));
        assert_eq!(accept("*/*"), Some(Media::Json));
        assert_eq!(accept(GRAPHQL_RESPONSE), Some(Media::GraphqlResponse));
        assert_eq!(
            accept("application/graphql-response+json, application/json;q=0.9"),
            Some(Media::GraphqlResponse)
        );
        assert_eq!(
            accept("application/json, application/graphql-response+json;q=0.5"),
            Some(Media::Json)
        );
        assert_eq!(accept("text/html"), None);
        assert_eq!(accept("application/json;q=0"), None);
    }
}
