//! The web frontend served by the binary: each tenant's page under `/<tenant>/` and on its own
//! host name, deep links, the embedded bundle with its cache lifetimes, each tenant's look,
//! and the security headers.

use axum::http::StatusCode;

use crate::support::{Call, Harness};

/// The value of `attribute="..."` on the first tag that has it.
fn attribute<'a>(html: &'a str, attribute: &str) -> Option<&'a str> {
    let start = html.find(&format!(" {attribute}=\""))? + attribute.len() + 3;
    html[start..].split('"').next()
}

#[tokio::test]
async fn a_tenant_page_carries_its_theme_its_data_and_the_security_headers() {
    let h = Harness::new().await;
    let page = h.send(Call::get("/enschede/")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.content_type(), "text/html; charset=utf-8");
    assert_eq!(page.header("cache-control"), Some("no-cache"));
    let policy = page.header("content-security-policy").unwrap();
    for part in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "connect-src 'self';",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ] {
        assert!(policy.contains(part), "{part} in {policy}");
    }
    assert!(!policy.contains("unsafe"), "{policy}");
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("referrer-policy"), Some("no-referrer"));
    assert_eq!(page.header("x-frame-options"), Some("DENY"));
    let html = page.text();
    assert_eq!(
        attribute(&html, "class"),
        Some("utrecht-theme loket-theme enschede-theme")
    );
    assert_eq!(attribute(&html, "data-loket-tenant"), Some("enschede"));
    assert_eq!(attribute(&html, "data-loket-base"), Some("/enschede/"));
    assert_eq!(
        attribute(&html, "data-loket-name"),
        Some("Gemeente Enschede")
    );
    assert!(html.contains("<link rel=\"stylesheet\" href=\"/_theme/enschede/theme.css?v="));
    assert!(!html.contains("<script>"), "no inline script");
    let theme = html.find("/_theme/enschede/theme.css").unwrap();
    let bundle = html.find("/assets/index-").unwrap();
    assert!(bundle < theme, "the theme's tokens come after the bundle's");
}

#[tokio::test]
async fn deep_links_get_the_page_and_a_missing_slash_is_added() {
    let h = Harness::new().await;
    let deep = h
        .send(Call::get("/haarlem/mijn/zaken/HRL-2026-000001"))
        .await;
    assert_eq!(deep.status, StatusCode::OK);
    assert_eq!(
        attribute(&deep.text(), "data-loket-tenant"),
        Some("haarlem")
    );
    let bare = h.send(Call::get("/haarlem")).await;
    assert_eq!(bare.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(bare.header("location"), Some("/haarlem/"));
}

#[tokio::test]
async fn a_tenant_host_serves_its_portal_at_the_root() {
    let h = Harness::new().await;
    let page = h
        .send(Call::get("/mijn/zaken").header("host", "mijn.haarlem.example:8443"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert_eq!(attribute(&html, "data-loket-tenant"), Some("haarlem"));
    assert_eq!(attribute(&html, "data-loket-base"), Some("/"));
    // Another municipality's slug on Haarlem's host is a path of Haarlem's portal, not a way
    // into Enschede's.
    let other = h
        .send(Call::get("/enschede/").header("host", "mijn.haarlem.example"))
        .await;
    assert_eq!(
        attribute(&other.text(), "data-loket-tenant"),
        Some("haarlem")
    );
}

#[tokio::test]
async fn a_host_of_no_tenant_lists_the_municipalities() {
    let h = Harness::new().await;
    let root = h
        .send(Call::get("/").header("host", "127.0.0.1:8080"))
        .await;
    assert_eq!(root.status, StatusCode::OK);
    let html = root.text();
    assert_eq!(attribute(&html, "data-loket-tenant"), Some(""));
    assert!(html.contains(r#"<script type="application/json" id="loket-tenants">[{"#));
    assert!(html.contains(r#"{"name":"Gemeente Enschede","slug":"enschede"}"#));
    let unknown = h.send(Call::get("/nergens/iets")).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.content_type(), "text/html; charset=utf-8");
    let post = h
        .send(Call::request(axum::http::Method::POST, "/enschede/"))
        .await;
    assert_eq!(post.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_bundle_is_embedded_with_immutable_hashed_assets() {
    let h = Harness::new().await;
    let html = h.send(Call::get("/enschede/")).await.text();
    let script = attribute(&html, "src").unwrap().to_owned();
    assert!(script.starts_with("/assets/index-") && script.ends_with(".js"));
    let js = h.send(Call::get(&script)).await;
    assert_eq!(js.status, StatusCode::OK);
    assert_eq!(js.content_type(), "text/javascript; charset=utf-8");
    assert_eq!(
        js.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let etag = js.header("etag").unwrap().to_owned();
    let again = h
        .send(Call::get(&script).header("if-none-match", &etag))
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    let gzip = h
        .send(Call::get(&script).header("accept-encoding", "gzip"))
        .await;
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    assert!(gzip.body.len() < js.body.len() / 2);
    let missing = h.send(Call::get("/assets/nothing-here.js")).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let manifest = h.send(Call::get("/assets/../.vite/manifest.json")).await;
    assert_ne!(manifest.content_type(), "application/json");
}

#[tokio::test]
async fn each_tenant_look_is_served_under_a_url_that_changes_with_it() {
    let h = Harness::new().await;
    let html = h.send(Call::get("/haarlem/")).await.text();
    let start = html.find("/_theme/haarlem/theme.css?v=").unwrap();
    let url = html[start..].split('"').next().unwrap().to_owned();
    let css = h.send(Call::get(&url)).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.content_type(), "text/css; charset=utf-8");
    assert_eq!(
        css.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    let text = css.text();
    let default = text.find(".loket-theme {").unwrap();
    let own = text.find(".haarlem-theme {").unwrap();
    assert!(
        default < own,
        "the tenant's tokens come after the default ones"
    );
    let stale = h.send(Call::get("/_theme/haarlem/theme.css?v=old")).await;
    assert_eq!(stale.header("cache-control"), Some("no-cache"));
    let etag = css.header("etag").unwrap().to_owned();
    let same = h.send(Call::get(&url).header("if-none-match", &etag)).await;
    assert_eq!(same.status, StatusCode::NOT_MODIFIED);

    let logo = h.send(Call::get("/_theme/haarlem/logo.svg")).await;
    assert_eq!(logo.content_type(), "image/svg+xml");
    assert!(
        logo.header("content-security-policy")
            .unwrap()
            .starts_with("default-src 'none'")
    );
    // Dordrecht has no favicon of its own: the default one.
    let default_icon = h.send(Call::get("/_theme/dordrecht/favicon.svg")).await;
    let own_icon = h.send(Call::get("/_theme/haarlem/favicon.svg")).await;
    assert_eq!(default_icon.status, StatusCode::OK);
    assert_ne!(default_icon.body, own_icon.body);
    let none = h.send(Call::get("/_theme/dordrecht/logo.svg")).await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    let stranger = h.send(Call::get("/_theme/nowhere/theme.css")).await;
    assert_eq!(stranger.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_graphql_endpoint_and_operations_stay_where_they_were() {
    let h = Harness::new().await;
    let ready = h.send(Call::get("/readyz")).await;
    assert_eq!(ready.status, StatusCode::OK);
    let graphiql = h
        .send(Call::get("/graphql").header("accept", "text/html"))
        .await;
    assert!(graphiql.text().contains("GraphiQL"));
}
