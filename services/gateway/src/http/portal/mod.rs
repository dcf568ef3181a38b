//! The web frontend (Mijn Loket) served by the binary: the embedded bundle under `/assets/`,
//! each tenant's look under `/_theme/`, and the app's page for every other path, so that deep
//! links work. The tenant comes from the host name (`hosts` in `tenant.toml`; the app then
//! lives at `/`) or from the first path segment (`/enschede/...`, for development and for
//! one host serving several municipalities). A host that belongs to no tenant gets the list
//! of municipalities at `/`.

mod assets;
mod headers;
mod page;

use std::{collections::HashMap, sync::Arc};

use axum::{
    Router,
    body::Body,
    extract::{Path, Query, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header},
    response::{IntoResponse, Redirect, Response},
    routing::get,
};
use loket_kernel::{TenantId, config::TenantSet};
use tower_http::compression::CompressionLayer;

use crate::looks::{DEFAULT_SEGMENT, Look, Looks, ThemeFile};

/// What the portal's handlers share.
struct Portal {
    looks: Arc<Looks>,
    pages: page::Pages,
    hosts: HashMap<String, TenantId>,
    policies: HashMap<TenantId, String>,
    default_policy: String,
}

/// The portal's routes, with their own state; merged into the main router.
pub(crate) fn router(tenants: &TenantSet, looks: Arc<Looks>) -> Router {
    let index = assets::index_html().unwrap_or_else(|| {
        tracing::error!(
            "the web frontend's bundle has no index.html; build web/ and rebuild loket"
        );
        String::new()
    });
    let mut hosts = HashMap::new();
    let mut policies = HashMap::new();
    for (slug, tenant) in &tenants.tenants {
        for host in &tenant.hosts {
            hosts.insert(host.clone(), slug.clone());
        }
        let mut logins: Vec<String> = [tenant.resident_login(), tenant.staff_login()]
            .into_iter()
            .flatten()
            .filter(|l| !l.is_demo())
            .filter_map(|l| headers::origin(&l.issuer.issuer))
            .collect();
        logins.sort();
        logins.dedup();
        policies.insert(slug.clone(), headers::page_policy(&logins));
    }
    let portal = Portal {
        pages: page::Pages::new(&index, tenants, &looks),
        looks,
        hosts,
        policies,
        default_policy: headers::page_policy(&[]),
    };
    Router::new()
        .route("/assets/{*path}", get(asset))
        .route("/_theme/{segment}/{file}", get(theme))
        .fallback(app_page)
        .with_state(Arc::new(portal))
        .layer(CompressionLayer::new())
}

async fn asset(
    State(portal): State<Arc<Portal>>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut response = assets::asset(&format!("assets/{path}"), &headers);
    headers::secure(response.headers_mut(), &portal.default_policy);
    response
}

/// `GET /_theme/<tenant or _>/<theme.css|logo.svg|favicon.svg>?v=<hash>`.
async fn theme(
    State(portal): State<Arc<Portal>>,
    Path((segment, file)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let look: Option<&Look> = if segment == DEFAULT_SEGMENT {
        Some(portal.looks.default_look())
    } else {
        TenantId::new(segment)
            .ok()
            .and_then(|slug| portal.looks.get(&slug))
    };
    let found: Option<(&ThemeFile, &str)> = look.and_then(|look| match file.as_str() {
        "theme.css" => Some((&look.stylesheet, "text/css; charset=utf-8")),
        "logo.svg" => look.logo.as_ref().map(|f| (f, "image/svg+xml")),
        "favicon.svg" => look.favicon.as_ref().map(|f| (f, "image/svg+xml")),
        _ => None,
    });
    let Some((found, media)) = found else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let etag = format!("\"{}\"", found.hash);
    let mut response = if assets::not_modified(&headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        Response::new(Body::from(found.body.to_string()))
    };
    let current = query.get("v").is_some_and(|v| *v == found.hash);
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if current {
            assets::IMMUTABLE
        } else {
            assets::REVALIDATE
        }),
    );
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    let policy = if media.starts_with("image/") {
        headers::IMAGE_POLICY
    } else {
        portal.default_policy.as_str()
    };
    headers::secure(h, policy);
    response
}

/// The host a request was sent to, lowercase and without port.
fn host_of<'a>(headers: &'a HeaderMap, uri: &'a Uri) -> Option<String> {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| uri.host())?;
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    };
    Some(host.trim_end_matches('.').to_ascii_lowercase())
}

/// Every other GET: the app's page for the tenant of the host or the first path segment.
async fn app_page(
    State(portal): State<Arc<Portal>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::NOT_FOUND.into_response();
    }
    let path = uri.path();
    let first = path
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or_default();
    let by_path = TenantId::new(first)
        .ok()
        .filter(|t| portal.looks.get(t).is_some());
    let by_host = host_of(&headers, &uri).and_then(|h| portal.hosts.get(&h).cloned());
    let (slug, path_mode) = match (by_host, by_path) {
        (Some(host), Some(segment)) if host == segment => (Some(host), true),
        (Some(host), _) => (Some(host), false),
        (None, Some(segment)) => (Some(segment), true),
        (None, None) => (None, false),
    };
    if let Some(slug) = &slug
        && path_mode
        && path == format!("/{slug}")
    {
        return Redirect::permanent(&format!("/{slug}/")).into_response();
    }
    let (html, policy, status) = match &slug {
        Some(slug) => (
            portal.pages.tenant(slug, path_mode).unwrap_or_default(),
            portal.policies.get(slug).unwrap_or(&portal.default_policy),
            StatusCode::OK,
        ),
        None if path == "/" => (
            portal.pages.chooser(),
            &portal.default_policy,
            StatusCode::OK,
        ),
        None => (
            portal.pages.chooser(),
            &portal.default_policy,
            StatusCode::NOT_FOUND,
        ),
    };
    let mut response = (status, html.to_owned()).into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(assets::REVALIDATE),
    );
    headers::secure(h, policy);
    response
}
