//! Checks between services' configuration that neither service can make alone: every
//! product a case type names is in that tenant's catalogue as a transaction, every product
//! that names a case type names one the tenant has, and every product the counters give
//! appointments for is in the catalogue.

use loket_appointments::Appointments;
use loket_cases::CaseTypes;
use loket_catalog::{CatalogFiles, Kind};
use loket_kernel::config::{ConfigError, TenantSet};

/// The problems, each naming the tenant's file.
pub fn check(
    tenants: &TenantSet,
    types: &CaseTypes,
    catalog: &CatalogFiles,
    appointments: &Appointments,
) -> Vec<ConfigError> {
    let mut errors = Vec::new();
    for (slug, counters) in &appointments.tenants {
        let Some(products) = catalog.tenants.get(slug) else {
            continue;
        };
        for (code, line) in &counters.products {
            if !products.products.contains_key(code) && !products.hidden.contains_key(code) {
                errors.push(ConfigError::new(
                    &counters.file,
                    *line,
                    format!("product {code:?} is not in {slug}'s catalogue"),
                ));
            }
        }
    }
    for (slug, products) in &catalog.tenants {
        let file = tenants.root.join(slug.as_str()).join("catalog.toml");
        for case_type in types.of(slug) {
            for code in &case_type.products {
                let offered = products
                    .products
                    .get(code)
                    .or_else(|| products.hidden.get(code));
                match offered {
                    None => errors.push(ConfigError::new(
                        &file,
                        0,
                        format!(
                            "case type {:?} names product {code:?}, which {slug}'s catalogue lacks",
                            case_type.code
                        ),
                    )),
                    Some(p)
                        if p.kind != Kind::Transaction
                            || p.case_type.as_deref() != Some(case_type.code.as_str()) =>
                    {
                        errors.push(ConfigError::new(
                            &file,
                            0,
                            format!(
                                "product {code:?} must be a transaction with case_type = {:?}",
                                case_type.code
                            ),
                        ));
                    }
                    Some(_) => {}
                }
            }
        }
        for product in products.products.values() {
            if let Some(code) = &product.case_type
                && types.get(slug, code).is_none()
            {
                errors.push(ConfigError::new(
                    &file,
                    0,
                    format!(
                        "product {:?} starts case type {code:?}, which {slug} does not have",
                        product.code
                    ),
                ));
            }
        }
    }
    errors
}
