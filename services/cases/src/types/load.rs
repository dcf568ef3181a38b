//! Reading the case-type template and the tenants' overrides, with every problem reported by
//! file and line.

use std::{
    collections::{BTreeMap, BTreeSet},
    path::Path,
    sync::Arc,
};

use loket_kernel::{
    Confidentiality, Loa, TenantId,
    config::{ConfigError, TenantSet, line_at, parse_toml},
};
use serde::Deserialize;
use toml::Spanned;

use super::{CaseType, CaseTypes, Outcome, ReportCategory, StatusType, categories};

/// The template's file name, in `_default/` and in each tenant folder.
pub const FILE: &str = "case_types.toml";

/// A case type as written in a file (or made from a report category).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Definition {
    pub(super) code: String,
    pub(super) name: String,
    #[serde(default)]
    pub(super) products: Vec<String>,
    pub(super) department: String,
    pub(super) confidentiality: Confidentiality,
    pub(super) handling_days: u32,
    #[serde(default)]
    pub(super) working_days: bool,
    #[serde(default)]
    pub(super) suspension_max_days: u32,
    #[serde(default)]
    pub(super) extension_max_days: u32,
    #[serde(default)]
    pub(super) online_loa: Option<Loa>,
    #[serde(default)]
    pub(super) public_notice: bool,
    #[serde(rename = "status")]
    pub(super) statuses: Vec<StatusType>,
    #[serde(rename = "outcome")]
    pub(super) outcomes: Vec<Outcome>,
    /// Set for the categories of `report_categories.toml`.
    #[serde(skip)]
    pub(super) report: Option<ReportCategory>,
}

/// Fields a tenant may change on a template case type.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    code: String,
    name: Option<String>,
    products: Option<Vec<String>>,
    department: Option<String>,
    confidentiality: Option<Confidentiality>,
    handling_days: Option<u32>,
    working_days: Option<bool>,
    suspension_max_days: Option<u32>,
    extension_max_days: Option<u32>,
    online_loa: Option<Loa>,
    public_notice: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    #[serde(default, rename = "case_type")]
    case_types: Vec<Spanned<Definition>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantFile {
    #[serde(default)]
    disabled: Option<Spanned<Vec<String>>>,
    #[serde(default, rename = "override")]
    overrides: Vec<Spanned<Override>>,
    #[serde(default, rename = "case_type")]
    case_types: Vec<Spanned<Definition>>,
}

/// Loads the template and every tenant's overrides; collaboration case types are handled by
/// their host.
pub fn load(tenants: &TenantSet) -> Result<CaseTypes, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let template_file = tenants.root.join("_default").join(FILE);
    let template = read_definitions(&template_file, &mut errors);
    let reports = categories::Template::read(&tenants.root.join("_default"), &mut errors);
    let mut national: BTreeSet<String> = template.keys().cloned().collect();
    national.extend(reports.codes());
    let mut by_tenant = BTreeMap::new();
    for slug in tenants.tenants.keys() {
        let mut types = template.clone();
        let dir = tenants.root.join(slug.as_str());
        let file = dir.join(FILE);
        if file.exists() {
            apply_tenant_file(&file, &mut types, &mut errors);
        }
        for (code, (definition, place)) in reports.for_tenant(&dir, &mut errors) {
            match types.entry(code) {
                std::collections::btree_map::Entry::Occupied(taken) => {
                    errors.push(ConfigError::new(
                        place.0,
                        place.1,
                        format!(
                            "report category {:?} has the code of a case type",
                            taken.key()
                        ),
                    ));
                }
                std::collections::btree_map::Entry::Vacant(free) => {
                    free.insert(definition);
                }
            }
        }
        check_products(slug, &types, &tenants.root, &mut errors);
        by_tenant.insert(slug.clone(), types);
    }
    let mut resolved: BTreeMap<TenantId, BTreeMap<String, Arc<CaseType>>> = BTreeMap::new();
    for (slug, types) in by_tenant {
        let handled: BTreeMap<String, Arc<CaseType>> = types
            .into_values()
            .map(|d| {
                let host = handler_of(tenants, &slug, &d.code);
                (d.code.clone(), Arc::new(resolve(d, host)))
            })
            .collect();
        resolved.insert(slug, handled);
    }
    check_collaborations(tenants, &resolved, &mut errors);
    if errors.is_empty() {
        Ok(CaseTypes {
            by_tenant: resolved,
            national,
        })
    } else {
        Err(errors)
    }
}

fn read_definitions(file: &Path, errors: &mut Vec<ConfigError>) -> BTreeMap<String, Definition> {
    let Some((parsed, text)) = parse_toml::<TemplateFile>(file, errors) else {
        return BTreeMap::new();
    };
    collect(file, &text, parsed.case_types, BTreeMap::new(), errors)
}

fn collect(
    file: &Path,
    text: &str,
    definitions: Vec<Spanned<Definition>>,
    mut into: BTreeMap<String, Definition>,
    errors: &mut Vec<ConfigError>,
) -> BTreeMap<String, Definition> {
    for spanned in definitions {
        let line = line_at(text, spanned.span().start);
        let definition = spanned.into_inner();
        let problems = problems(&definition);
        if into.contains_key(&definition.code) {
            errors.push(ConfigError::new(
                file,
                line,
                format!("case type {:?} is defined twice", definition.code),
            ));
        } else if problems.is_empty() {
            into.insert(definition.code.clone(), definition);
        }
        for problem in problems {
            errors.push(ConfigError::new(file, line, problem));
        }
    }
    into
}

fn apply_tenant_file(
    file: &Path,
    types: &mut BTreeMap<String, Definition>,
    errors: &mut Vec<ConfigError>,
) {
    let Some((parsed, text)) = parse_toml::<TenantFile>(file, errors) else {
        return;
    };
    if let Some(disabled) = parsed.disabled {
        disable(file, &text, disabled, types, errors);
    }
    apply_overrides(file, &text, parsed.overrides, types, errors);
    let own = std::mem::take(types);
    *types = collect(file, &text, parsed.case_types, own, errors);
}

fn apply_overrides(
    file: &Path,
    text: &str,
    overrides: Vec<Spanned<Override>>,
    types: &mut BTreeMap<String, Definition>,
    errors: &mut Vec<ConfigError>,
) {
    for spanned in overrides {
        let line = line_at(text, spanned.span().start);
        let o = spanned.into_inner();
        let Some(d) = types.get_mut(&o.code) else {
            errors.push(ConfigError::new(
                file,
                line,
                format!("override: no template case type {:?}", o.code),
            ));
            continue;
        };
        let mut changed = d.clone();
        changed.name = o.name.unwrap_or(changed.name);
        changed.products = o.products.unwrap_or(changed.products);
        changed.department = o.department.unwrap_or(changed.department);
        changed.confidentiality = o.confidentiality.unwrap_or(changed.confidentiality);
        changed.handling_days = o.handling_days.unwrap_or(changed.handling_days);
        changed.working_days = o.working_days.unwrap_or(changed.working_days);
        changed.suspension_max_days = o.suspension_max_days.unwrap_or(changed.suspension_max_days);
        changed.extension_max_days = o.extension_max_days.unwrap_or(changed.extension_max_days);
        changed.online_loa = o.online_loa.or(changed.online_loa);
        changed.public_notice = o.public_notice.unwrap_or(changed.public_notice);
        let problems = problems(&changed);
        if problems.is_empty() {
            *d = changed;
        }
        for problem in problems {
            errors.push(ConfigError::new(file, line, problem));
        }
    }
}

fn disable(
    file: &Path,
    text: &str,
    disabled: Spanned<Vec<String>>,
    types: &mut BTreeMap<String, Definition>,
    errors: &mut Vec<ConfigError>,
) {
    let line = line_at(text, disabled.span().start);
    for code in disabled.into_inner() {
        if types.remove(&code).is_none() {
            errors.push(ConfigError::new(
                file,
                line,
                format!("disabled: no template case type {code:?}"),
            ));
        }
    }
}

pub(super) fn is_segment(code: &str) -> bool {
    !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What is wrong with one case type on its own.
pub(super) fn problems(d: &Definition) -> Vec<String> {
    let mut out = Vec::new();
    let code = &d.code;
    if !is_segment(code) {
        out.push(format!(
            "case type code {code:?}: use lowercase letters, digits and dashes (it is a policy path segment)"
        ));
    }
    if d.products.is_empty() && d.report.is_none() {
        out.push(format!("{code}: name at least one product"));
    }
    if d.handling_days == 0 {
        out.push(format!("{code}: handling_days must be at least 1"));
    }
    let Some(first) = d.statuses.first() else {
        out.push(format!("{code}: a case type needs statuses"));
        return out;
    };
    if first.end {
        out.push(format!("{code}: the first status cannot end the case"));
    }
    if !d.statuses.iter().any(|s| s.end) {
        out.push(format!("{code}: one status must end the case (end = true)"));
    }
    let codes: BTreeSet<&str> = d.statuses.iter().map(|s| s.code.as_str()).collect();
    if codes.len() != d.statuses.len() {
        out.push(format!("{code}: status codes must be unique"));
    }
    for status in &d.statuses {
        for next in status.next.iter().flatten() {
            if !codes.contains(next.as_str()) {
                out.push(format!(
                    "{code}: status {:?} names unknown next status {next:?}",
                    status.code
                ));
            }
        }
    }
    let outcomes: BTreeSet<&str> = d.outcomes.iter().map(|o| o.code.as_str()).collect();
    if d.outcomes.is_empty() || outcomes.len() != d.outcomes.len() {
        out.push(format!("{code}: outcomes must be present and unique"));
    }
    out
}

fn check_products(
    slug: &TenantId,
    types: &BTreeMap<String, Definition>,
    root: &Path,
    errors: &mut Vec<ConfigError>,
) {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for d in types.values() {
        for product in &d.products {
            if let Some(other) = seen.insert(product, &d.code) {
                errors.push(ConfigError::new(
                    root.join(slug.as_str()).join(FILE),
                    0,
                    format!(
                        "product {product:?} starts both {other:?} and {:?}; one product, one case type",
                        d.code
                    ),
                ));
            }
        }
    }
}

/// The tenant whose staff handle `code` for `tenant`.
fn handler_of(tenants: &TenantSet, tenant: &TenantId, code: &str) -> TenantId {
    tenants
        .collaborations
        .iter()
        .find(|c| c.members.contains(tenant) && c.case_types.iter().any(|t| t == code))
        .map_or_else(|| tenant.clone(), |c| c.host.clone())
}

fn check_collaborations(
    tenants: &TenantSet,
    resolved: &BTreeMap<TenantId, BTreeMap<String, Arc<CaseType>>>,
    errors: &mut Vec<ConfigError>,
) {
    let file = tenants.root.join("collaborations.toml");
    for c in &tenants.collaborations {
        for code in &c.case_types {
            for tenant in std::iter::once(&c.host).chain(&c.members) {
                let known = resolved.get(tenant).is_some_and(|m| m.contains_key(code));
                if !known {
                    errors.push(ConfigError::new(
                        &file,
                        0,
                        format!(
                            "collaboration {:?}: {tenant} has no case type {code:?}",
                            c.slug
                        ),
                    ));
                }
            }
        }
    }
}

fn resolve(d: Definition, handled_by: TenantId) -> CaseType {
    CaseType {
        code: d.code,
        name: d.name,
        products: d.products,
        department: d.department,
        confidentiality: d.confidentiality,
        handling_days: d.handling_days,
        working_days: d.working_days,
        suspension_max_days: d.suspension_max_days,
        extension_max_days: d.extension_max_days,
        online_loa: d.online_loa,
        public_notice: d.public_notice,
        statuses: d.statuses,
        outcomes: d.outcomes,
        report: d.report,
        handled_by,
    }
}
