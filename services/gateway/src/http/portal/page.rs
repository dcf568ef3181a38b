//! The portal's HTML page for each tenant: the built `index.html` with the tenant's theme
//! classes, stylesheet and favicon, and what the app must know before its first request
//! (tenant, base path, name) as `data-` attributes on `<html>`, since the Content-Security-
//! Policy allows no inline script. Rendered once per tenant and mode at start-up.

use std::collections::BTreeMap;

use loket_kernel::{TenantId, config::TenantSet};

use crate::looks::{DEFAULT_SEGMENT, Look, Looks};

/// The rendered pages.
pub(crate) struct Pages {
    /// By tenant: served on one of its hosts (base `/`), and under `/<tenant>/`.
    tenants: BTreeMap<TenantId, (String, String)>,
    /// The list of municipalities, for a host that belongs to none.
    chooser: String,
}

/// HTML-escapes text for an attribute value or element content.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes JSON for a `<script type="application/json">` element, which ends at `</`.
fn json_in_html(json: &str) -> String {
    json.replace('<', "\\u003c")
}

fn render(index: &str, look: &Look, segment: &str, attributes: &str, head: &str) -> String {
    let mut links = format!(
        "<link rel=\"stylesheet\" href=\"{}\">",
        escape(&look.stylesheet_url(segment))
    );
    if let Some(icon) = look.favicon_url(segment) {
        links.push_str(&format!(
            "<link rel=\"icon\" type=\"image/svg+xml\" href=\"{}\">",
            escape(&icon)
        ));
    }
    links.push_str(head);
    let html = index.replacen(
        "<html",
        &format!("<html class=\"{}\"{attributes}", escape(&look.classes)),
        1,
    );
    match html.rfind("</head>") {
        Some(at) => format!("{}{links}{}", &html[..at], &html[at..]),
        None => html,
    }
}

impl Pages {
    /// Renders every page from the built `index.html`.
    pub(crate) fn new(index: &str, tenants: &TenantSet, looks: &Looks) -> Self {
        let mut pages = BTreeMap::new();
        for (slug, tenant) in &tenants.tenants {
            let Some(look) = looks.get(slug) else {
                continue;
            };
            let logo = look
                .logo_url(slug.as_str())
                .map(|u| format!(" data-loket-logo=\"{}\"", escape(&u)))
                .unwrap_or_default();
            let attributes = |base: &str| {
                format!(
                    " data-loket-tenant=\"{}\" data-loket-base=\"{}\" data-loket-name=\"{}\"{logo}",
                    escape(slug.as_str()),
                    escape(base),
                    escape(&tenant.name)
                )
            };
            let host = render(index, look, slug.as_str(), &attributes("/"), "");
            let path = render(
                index,
                look,
                slug.as_str(),
                &attributes(&format!("/{slug}/")),
                "",
            );
            pages.insert(slug.clone(), (host, path));
        }
        let list: Vec<serde_json::Value> = tenants
            .tenants
            .iter()
            .map(|(slug, t)| serde_json::json!({ "slug": slug.as_str(), "name": t.name }))
            .collect();
        let json = serde_json::Value::Array(list).to_string();
        let chooser = render(
            index,
            looks.default_look(),
            DEFAULT_SEGMENT,
            " data-loket-tenant=\"\" data-loket-base=\"/\"",
            &format!(
                "<script type=\"application/json\" id=\"loket-tenants\">{}</script>",
                json_in_html(&json)
            ),
        );
        Self {
            tenants: pages,
            chooser,
        }
    }

    /// A tenant's page: for one of its hosts (`path_mode` false) or under `/<tenant>/`.
    pub(crate) fn tenant(&self, slug: &TenantId, path_mode: bool) -> Option<&str> {
        self.tenants.get(slug).map(|(host, path)| {
            if path_mode {
                path.as_str()
            } else {
                host.as_str()
            }
        })
    }

    /// The list of municipalities.
    pub(crate) fn chooser(&self) -> &str {
        &self.chooser
    }
}
