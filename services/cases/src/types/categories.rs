//! Report categories (meldingcategorieën): the national template in
//! `_default/report_categories.toml` and each tenant's changes in its own folder, made into
//! case types of the report family.
//!
//! A category names a status flow (`[[flow]]`, shared by categories that are handled alike)
//! and may replace the flow's standard text of any status (`texts`). A tenant disables
//! template categories (`disabled = [...]`), changes their fields (`[[override]]`), and adds
//! its own flows and categories.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};

use loket_kernel::{
    Confidentiality,
    config::{ConfigError, line_at, parse_toml},
};
use serde::Deserialize;
use toml::Spanned;

use super::{
    FormField, Outcome, ReportCategory, StatusType,
    load::{Definition, is_segment, problems},
};

/// The file's name, in `_default/` and in each tenant folder.
pub const FILE: &str = "report_categories.toml";

/// A status flow that categories share.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flow {
    code: String,
    #[serde(rename = "status")]
    statuses: Vec<StatusType>,
    #[serde(rename = "outcome")]
    outcomes: Vec<Outcome>,
    /// The status staff reopen a report in.
    reopened: String,
    /// The status an unhappy reporter's answer reopens a report in.
    reopen_requested: String,
}

fn internal() -> Confidentiality {
    Confidentiality::Internal
}

fn yes() -> bool {
    true
}

/// A category as written in a file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Category {
    code: String,
    name: String,
    group: String,
    group_name: String,
    #[serde(default)]
    description: String,
    department: String,
    #[serde(default = "internal")]
    confidentiality: Confidentiality,
    handling_days: u32,
    #[serde(default = "yes")]
    working_days: bool,
    #[serde(default)]
    extension_max_days: u32,
    #[serde(default)]
    public_map: bool,
    flow: String,
    #[serde(default)]
    texts: BTreeMap<String, String>,
    #[serde(default, rename = "field")]
    fields: Vec<FormField>,
}

/// Fields a tenant may change on a template category.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Override {
    code: String,
    name: Option<String>,
    group: Option<String>,
    group_name: Option<String>,
    description: Option<String>,
    department: Option<String>,
    confidentiality: Option<Confidentiality>,
    handling_days: Option<u32>,
    working_days: Option<bool>,
    extension_max_days: Option<u32>,
    public_map: Option<bool>,
    flow: Option<String>,
    texts: Option<BTreeMap<String, String>>,
    #[serde(rename = "field")]
    fields: Option<Vec<FormField>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateFile {
    #[serde(default, rename = "flow")]
    flows: Vec<Spanned<Flow>>,
    #[serde(default, rename = "category")]
    categories: Vec<Spanned<Category>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct TenantFile {
    #[serde(default)]
    disabled: Option<Spanned<Vec<String>>>,
    #[serde(default, rename = "override")]
    overrides: Vec<Spanned<Override>>,
    #[serde(default, rename = "flow")]
    flows: Vec<Spanned<Flow>>,
    #[serde(default, rename = "category")]
    categories: Vec<Spanned<Category>>,
}

/// Where a category was written: file and line.
type Place = (PathBuf, usize);

/// The national template, read once.
#[derive(Debug, Default)]
pub(super) struct Template {
    flows: BTreeMap<String, (Flow, Place)>,
    categories: BTreeMap<String, (Category, Place)>,
}

impl Template {
    /// Reads `dir/report_categories.toml`; without that file there are no categories.
    pub(super) fn read(dir: &Path, errors: &mut Vec<ConfigError>) -> Self {
        let file = dir.join(FILE);
        let mut template = Self::default();
        if !file.exists() {
            return template;
        }
        let Some((parsed, text)) = parse_toml::<TemplateFile>(&file, errors) else {
            return template;
        };
        add_flows(&file, &text, parsed.flows, &mut template.flows, errors);
        add_categories(
            &file,
            &text,
            parsed.categories,
            &mut template.categories,
            errors,
        );
        template
    }

    /// The template's category codes.
    pub(super) fn codes(&self) -> impl Iterator<Item = String> + '_ {
        self.categories.keys().cloned()
    }

    /// One tenant's categories as case-type definitions: the template with the tenant's file
    /// applied, each with where it was written.
    pub(super) fn for_tenant(
        &self,
        dir: &Path,
        errors: &mut Vec<ConfigError>,
    ) -> BTreeMap<String, (Definition, Place)> {
        let mut flows = self.flows.clone();
        let mut categories = self.categories.clone();
        let file = dir.join(FILE);
        if file.exists()
            && let Some((parsed, text)) = parse_toml::<TenantFile>(&file, errors)
        {
            if let Some(disabled) = parsed.disabled {
                let line = line_at(&text, disabled.span().start);
                for code in disabled.into_inner() {
                    if categories.remove(&code).is_none() {
                        errors.push(ConfigError::new(
                            &file,
                            line,
                            format!("disabled: no template report category {code:?}"),
                        ));
                    }
                }
            }
            for spanned in parsed.overrides {
                let line = line_at(&text, spanned.span().start);
                let o = spanned.into_inner();
                match categories.get_mut(&o.code) {
                    Some((category, place)) => {
                        apply(category, o);
                        *place = (file.clone(), line);
                    }
                    None => errors.push(ConfigError::new(
                        &file,
                        line,
                        format!("override: no template report category {:?}", o.code),
                    )),
                }
            }
            add_flows(&file, &text, parsed.flows, &mut flows, errors);
            add_categories(&file, &text, parsed.categories, &mut categories, errors);
        }
        let mut out = BTreeMap::new();
        for (code, (category, place)) in categories {
            match resolve(&category, &flows) {
                Ok(definition) => {
                    out.insert(code, (definition, place));
                }
                Err(problems) => {
                    for problem in problems {
                        errors.push(ConfigError::new(&place.0, place.1, problem));
                    }
                }
            }
        }
        out
    }
}

fn add_flows(
    file: &Path,
    text: &str,
    flows: Vec<Spanned<Flow>>,
    into: &mut BTreeMap<String, (Flow, Place)>,
    errors: &mut Vec<ConfigError>,
) {
    for spanned in flows {
        let line = line_at(text, spanned.span().start);
        let flow = spanned.into_inner();
        let mut problems = Vec::new();
        for (what, code) in [
            ("reopened", &flow.reopened),
            ("reopen_requested", &flow.reopen_requested),
        ] {
            if !flow.statuses.iter().any(|s| &s.code == code && !s.end) {
                problems.push(format!(
                    "flow {:?}: {what} names {code:?}, which is not one of its statuses that \
                     keeps a report open",
                    flow.code
                ));
            }
        }
        if into.contains_key(&flow.code) {
            problems.push(format!("flow {:?} is defined twice", flow.code));
        }
        if problems.is_empty() {
            into.insert(flow.code.clone(), (flow, (file.to_owned(), line)));
        }
        for problem in problems {
            errors.push(ConfigError::new(file, line, problem));
        }
    }
}

fn add_categories(
    file: &Path,
    text: &str,
    categories: Vec<Spanned<Category>>,
    into: &mut BTreeMap<String, (Category, Place)>,
    errors: &mut Vec<ConfigError>,
) {
    for spanned in categories {
        let line = line_at(text, spanned.span().start);
        let category = spanned.into_inner();
        if into.contains_key(&category.code) {
            errors.push(ConfigError::new(
                file,
                line,
                format!("report category {:?} is defined twice", category.code),
            ));
        } else {
            into.insert(category.code.clone(), (category, (file.to_owned(), line)));
        }
    }
}

fn apply(c: &mut Category, o: Override) {
    c.name = o.name.unwrap_or(std::mem::take(&mut c.name));
    c.group = o.group.unwrap_or(std::mem::take(&mut c.group));
    c.group_name = o.group_name.unwrap_or(std::mem::take(&mut c.group_name));
    c.description = o.description.unwrap_or(std::mem::take(&mut c.description));
    c.department = o.department.unwrap_or(std::mem::take(&mut c.department));
    c.confidentiality = o.confidentiality.unwrap_or(c.confidentiality);
    c.handling_days = o.handling_days.unwrap_or(c.handling_days);
    c.working_days = o.working_days.unwrap_or(c.working_days);
    c.extension_max_days = o.extension_max_days.unwrap_or(c.extension_max_days);
    c.public_map = o.public_map.unwrap_or(c.public_map);
    c.flow = o.flow.unwrap_or(std::mem::take(&mut c.flow));
    if let Some(texts) = o.texts {
        c.texts.extend(texts);
    }
    if let Some(fields) = o.fields {
        c.fields = fields;
    }
}

/// The category as a case type, or what is wrong with it.
fn resolve(
    c: &Category,
    flows: &BTreeMap<String, (Flow, Place)>,
) -> Result<Definition, Vec<String>> {
    let code = &c.code;
    let Some((flow, _)) = flows.get(&c.flow) else {
        return Err(vec![format!("{code}: no flow {:?}", c.flow)]);
    };
    let mut out = Vec::new();
    if !is_segment(&c.group) {
        out.push(format!(
            "{code}: group {:?}: use lowercase letters, digits and dashes",
            c.group
        ));
    }
    let mut statuses = flow.statuses.clone();
    for (status, text) in &c.texts {
        match statuses.iter_mut().find(|s| &s.code == status) {
            Some(s) => s.explanation.clone_from(text),
            None => out.push(format!(
                "{code}: texts names {status:?}, which flow {:?} does not have",
                c.flow
            )),
        }
    }
    let mut seen = Vec::new();
    for field in &c.fields {
        if !is_segment(&field.code) || seen.contains(&&field.code) {
            out.push(format!(
                "{code}: field {:?}: codes are unique, lowercase letters, digits and dashes",
                field.code
            ));
        }
        seen.push(&field.code);
        if field.datatype.is_list() == field.values.is_empty() {
            out.push(format!(
                "{code}: field {:?}: list fields need values, other fields take none",
                field.code
            ));
        }
    }
    let definition = Definition {
        code: code.clone(),
        name: c.name.clone(),
        products: Vec::new(),
        department: c.department.clone(),
        confidentiality: c.confidentiality,
        handling_days: c.handling_days,
        working_days: c.working_days,
        suspension_max_days: 0,
        extension_max_days: c.extension_max_days,
        online_loa: None,
        public_notice: false,
        statuses,
        outcomes: flow.outcomes.clone(),
        report: Some(ReportCategory {
            group: c.group.clone(),
            group_name: c.group_name.clone(),
            description: c.description.clone(),
            public_map: c.public_map,
            fields: c.fields.clone(),
            reopened: flow.reopened.clone(),
            reopen_requested: flow.reopen_requested.clone(),
        }),
    };
    out.extend(problems(&definition));
    if out.is_empty() {
        Ok(definition)
    } else {
        Err(out)
    }
}
