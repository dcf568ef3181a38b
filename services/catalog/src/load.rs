//! Reading the national catalogue template and each tenant's `catalog.toml`, with every
//! problem reported by file and line.

use std::{collections::BTreeMap, path::Path, sync::Arc};

use loket_kernel::{
    TenantId,
    config::{ConfigError, TenantSet, line_at, parse_toml},
};
use serde::Deserialize;
use toml::Spanned;

use crate::model::{Product, ProductChange, Synonym, problems};

/// The catalogue's file name, in `_default/` and in each tenant folder.
pub const FILE: &str = "catalog.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    #[serde(default, rename = "product")]
    products: Vec<Spanned<Product>>,
    #[serde(default, rename = "synonym")]
    synonyms: Vec<Spanned<Synonym>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantFile {
    #[serde(default)]
    hidden: Option<Spanned<Vec<String>>>,
    #[serde(default, rename = "override")]
    overrides: Vec<Spanned<ProductChange>>,
    #[serde(default, rename = "product")]
    products: Vec<Spanned<Product>>,
    #[serde(default, rename = "synonym")]
    synonyms: Vec<Spanned<Synonym>>,
}

/// One tenant's catalogue as its files define it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TenantCatalog {
    /// Products offered, by code.
    pub products: BTreeMap<String, Product>,
    /// National products the tenant does not offer (kept, so an administrator can offer
    /// them again).
    pub hidden: BTreeMap<String, Product>,
    /// Synonyms: the national table, then the tenant's own.
    pub synonyms: Vec<Synonym>,
}

/// Every tenant's catalogue from the files.
#[derive(Debug, Clone, Default)]
pub struct CatalogFiles {
    /// By tenant. Tenants without a `catalog.toml` of their own share the national one: one
    /// copy in memory however many of them there are.
    pub tenants: BTreeMap<TenantId, Arc<TenantCatalog>>,
}

/// Loads the template and every tenant's adjustments.
pub fn load(tenants: &TenantSet) -> Result<CatalogFiles, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let template_file = tenants.root.join("_default").join(FILE);
    let (products, synonyms) = match parse_toml::<TemplateFile>(&template_file, &mut errors) {
        Some((parsed, text)) => {
            let products = collect(
                &template_file,
                &text,
                parsed.products,
                BTreeMap::new(),
                &mut errors,
            );
            let synonyms = check_synonyms(&template_file, &text, parsed.synonyms, &mut errors);
            (products, synonyms)
        }
        None => (BTreeMap::new(), Vec::new()),
    };
    let national = Arc::new(TenantCatalog {
        products,
        hidden: BTreeMap::new(),
        synonyms,
    });
    let mut out = BTreeMap::new();
    for slug in tenants.tenants.keys() {
        let file = tenants.root.join(slug.as_str()).join(FILE);
        let catalog = if file.exists() {
            let mut own = TenantCatalog::clone(&national);
            apply_tenant_file(&file, &mut own, &mut errors);
            Arc::new(own)
        } else {
            Arc::clone(&national)
        };
        out.insert(slug.clone(), catalog);
    }
    if errors.is_empty() {
        Ok(CatalogFiles { tenants: out })
    } else {
        Err(errors)
    }
}

fn collect(
    file: &Path,
    text: &str,
    products: Vec<Spanned<Product>>,
    mut into: BTreeMap<String, Product>,
    errors: &mut Vec<ConfigError>,
) -> BTreeMap<String, Product> {
    for spanned in products {
        let line = line_at(text, spanned.span().start);
        let product = spanned.into_inner();
        let problems = problems(&product);
        if into.contains_key(&product.code) {
            errors.push(ConfigError::new(
                file,
                line,
                format!("product {:?} is defined twice", product.code),
            ));
        } else if problems.is_empty() {
            into.insert(product.code.clone(), product);
        }
        for (_, problem) in problems {
            errors.push(ConfigError::new(file, line, problem));
        }
    }
    into
}

fn check_synonyms(
    file: &Path,
    text: &str,
    synonyms: Vec<Spanned<Synonym>>,
    errors: &mut Vec<ConfigError>,
) -> Vec<Synonym> {
    let mut out = Vec::new();
    for spanned in synonyms {
        let line = line_at(text, spanned.span().start);
        let synonym = spanned.into_inner();
        let fine = match &synonym {
            Synonym::Equivalent { terms } => terms.len() >= 2,
            Synonym::OneWay { from, to } => !from.is_empty() && !to.is_empty(),
        };
        let terms = match &synonym {
            Synonym::Equivalent { terms } => terms.iter().collect::<Vec<_>>(),
            Synonym::OneWay { from, to } => from.iter().chain(to).collect(),
        };
        if !fine || terms.iter().any(|t| t.trim().is_empty()) {
            errors.push(ConfigError::new(
                file,
                line,
                "a synonym needs two or more terms, or non-empty from and to",
            ));
        } else {
            out.push(synonym);
        }
    }
    out
}

fn apply_tenant_file(file: &Path, catalog: &mut TenantCatalog, errors: &mut Vec<ConfigError>) {
    let Some((parsed, text)) = parse_toml::<TenantFile>(file, errors) else {
        return;
    };
    if let Some(hidden) = parsed.hidden {
        let line = line_at(&text, hidden.span().start);
        for code in hidden.into_inner() {
            match catalog.products.remove(&code) {
                Some(product) => {
                    catalog.hidden.insert(code, product);
                }
                None => errors.push(ConfigError::new(
                    file,
                    line,
                    format!("hidden: no national product {code:?}"),
                )),
            }
        }
    }
    for spanned in parsed.overrides {
        let line = line_at(&text, spanned.span().start);
        let change = spanned.into_inner();
        let Some(product) = catalog.products.get_mut(&change.code) else {
            errors.push(ConfigError::new(
                file,
                line,
                format!("override: no national product {:?}", change.code),
            ));
            continue;
        };
        let changed = change.apply(product);
        let problems = problems(&changed);
        if problems.is_empty() {
            *product = changed;
        }
        for (_, problem) in problems {
            errors.push(ConfigError::new(file, line, problem));
        }
    }
    let own = std::mem::take(&mut catalog.products);
    catalog.products = collect(file, &text, parsed.products, own, errors);
    let synonyms = check_synonyms(file, &text, parsed.synonyms, errors);
    catalog.synonyms.extend(synonyms);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly")]

    use std::path::PathBuf;

    use loket_kernel::config::load_dir;

    use super::*;

    #[test]
    fn tenants_without_a_catalogue_of_their_own_share_the_national_one() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
        let files = load(&load_dir(&root).unwrap()).unwrap();
        let of = |slug: &str| &files.tenants[&TenantId::new(slug).unwrap()];
        assert!(Arc::ptr_eq(of("dordrecht"), of("zwijndrecht")));
        assert!(Arc::ptr_eq(of("dordrecht"), of("papendrecht")));
        assert!(!Arc::ptr_eq(of("dordrecht"), of("haarlem")));
        assert!(!Arc::ptr_eq(of("enschede"), of("haarlem")));
        assert_ne!(of("dordrecht").products, of("haarlem").products);
    }
}
