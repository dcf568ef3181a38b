//! Each tenant's look as the portal serves it: the default tokens with the tenant's own laid
//! over them in one stylesheet, the classes that switch them on, the logo and the favicon,
//! each under a URL that changes when its content does (so browsers may keep it for good).

use std::{collections::BTreeMap, sync::Arc};

use loket_kernel::{
    TenantId,
    config::{Look as Theme, TenantSet, theme::DEFAULT_THEME_CLASS},
};
use sha2::{Digest, Sha256};

/// Where theme files are served; tenant slugs cannot start with `_`.
pub(crate) const THEME_PREFIX: &str = "/_theme";

/// One served file.
#[derive(Debug, Clone)]
pub(crate) struct ThemeFile {
    /// The bytes.
    pub(crate) body: Arc<str>,
    /// A short content hash: the `v` of the URL and the ETag.
    pub(crate) hash: String,
}

impl ThemeFile {
    fn new(body: String) -> Self {
        let digest = Sha256::digest(body.as_bytes());
        let hash = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
        Self {
            body: body.into(),
            hash,
        }
    }
}

/// A tenant's look.
#[derive(Debug, Clone)]
pub(crate) struct Look {
    /// The classes for `<html>`: Utrecht's tokens, the default ones, the tenant's.
    pub(crate) classes: String,
    /// Default and tenant tokens in one stylesheet.
    pub(crate) stylesheet: ThemeFile,
    /// The logo (SVG), if the tenant or the default has one.
    pub(crate) logo: Option<ThemeFile>,
    /// The favicon (SVG), if the tenant or the default has one.
    pub(crate) favicon: Option<ThemeFile>,
}

impl Look {
    /// The stylesheet's URL.
    pub(crate) fn stylesheet_url(&self, slug: &str) -> String {
        format!("{THEME_PREFIX}/{slug}/theme.css?v={}", self.stylesheet.hash)
    }

    /// The logo's URL.
    pub(crate) fn logo_url(&self, slug: &str) -> Option<String> {
        self.logo
            .as_ref()
            .map(|f| format!("{THEME_PREFIX}/{slug}/logo.svg?v={}", f.hash))
    }

    /// The favicon's URL.
    pub(crate) fn favicon_url(&self, slug: &str) -> Option<String> {
        self.favicon
            .as_ref()
            .map(|f| format!("{THEME_PREFIX}/{slug}/favicon.svg?v={}", f.hash))
    }
}

/// Every tenant's look, built once at start-up, and the default look (for pages that
/// belong to no tenant, such as the list of municipalities).
#[derive(Debug, Clone)]
pub struct Looks {
    tenants: BTreeMap<TenantId, Look>,
    default: Look,
}

/// The path segment that stands for the default look in theme URLs.
pub(crate) const DEFAULT_SEGMENT: &str = "_";

fn build(default: &Theme, own: Option<&Theme>) -> Look {
    let mut classes = format!("utrecht-theme {DEFAULT_THEME_CLASS}");
    if let Some(own) = own.filter(|o| !o.class.is_empty()) {
        classes.push(' ');
        classes.push_str(&own.class);
    }
    let css = [default.css.as_deref(), own.and_then(|o| o.css.as_deref())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n");
    let pick = |field: fn(&Theme) -> &Option<String>| {
        own.and_then(|o| field(o).clone())
            .or_else(|| field(default).clone())
            .map(ThemeFile::new)
    };
    Look {
        classes,
        stylesheet: ThemeFile::new(css),
        logo: pick(|t| &t.logo),
        favicon: pick(|t| &t.favicon),
    }
}

impl Looks {
    /// Builds the looks of every tenant of a validated tenants folder.
    pub fn new(tenants: &TenantSet) -> Self {
        let default = &tenants.default_look;
        Self {
            tenants: tenants
                .tenants
                .iter()
                .map(|(slug, t)| (slug.clone(), build(default, Some(&t.look))))
                .collect(),
            default: build(default, None),
        }
    }

    /// The look of a tenant.
    pub(crate) fn get(&self, slug: &TenantId) -> Option<&Look> {
        self.tenants.get(slug)
    }

    /// The default look.
    pub(crate) fn default_look(&self) -> &Look {
        &self.default
    }
}
