//! Reading a tenants folder: `<root>/<slug>/tenant.toml` for each tenant and
//! `<root>/collaborations.toml`. Every problem found is reported, each with file and line.

use std::{
    collections::{BTreeMap, HashMap},
    fmt, fs,
    ops::Range,
    path::{Path, PathBuf},
};

use super::{Collaboration, CollaborationsFile, IssuerConfig, Look, TenantConfig, portal, theme};
use crate::TenantId;

/// Folders in the tenants root that are not tenants.
const RESERVED_DIRS: [&str; 1] = ["_default"];

/// A problem in a configuration file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub file: PathBuf,
    /// 1-based line, or 0 when the problem is the file as a whole.
    pub line: usize,
    /// What is wrong, in words an administrator understands.
    pub message: String,
}

impl ConfigError {
    /// A problem at a line of a file.
    pub fn new(file: impl Into<PathBuf>, line: usize, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

/// Several problems as one message, one per line.
pub fn describe(errors: &[ConfigError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every tenant of a tenants folder, validated.
#[derive(Debug, Clone)]
pub struct TenantSet {
    /// The folder they were read from.
    pub root: PathBuf,
    /// The tenants by slug.
    pub tenants: BTreeMap<TenantId, TenantConfig>,
    /// The regional collaborations.
    pub collaborations: Vec<Collaboration>,
    /// The default look (`_default/theme.css`, `logo.svg`, `favicon.svg`), under each
    /// tenant's own.
    pub default_look: Look,
    /// What is allowed but unwise, such as a development issuer in a production
    /// configuration; `loket check` prints them.
    pub warnings: Vec<ConfigError>,
}

impl TenantSet {
    /// The tenant with this slug.
    pub fn get(&self, slug: &TenantId) -> Option<&TenantConfig> {
        self.tenants.get(slug)
    }
}

/// The 1-based line of a byte offset.
pub fn line_at(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .map_or(1, |t| t.matches('\n').count().saturating_add(1))
}

fn line_of_span(text: &str, span: &Range<usize>) -> usize {
    line_at(text, span.start)
}

/// The line on which `key = ...` first appears at the start of a line (0 when it does not).
pub fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(0, |i| i.saturating_add(1))
}

/// Reads and parses a TOML file; a problem is added to `errors` with its line, and `None`
/// returned. On success, the value and the text (for finding lines later).
pub fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &Path,
    errors: &mut Vec<ConfigError>,
) -> Option<(T, String)> {
    let text = match fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            errors.push(ConfigError::new(file, 0, format!("cannot read: {e}")));
            return None;
        }
    };
    match toml::from_str(&text) {
        Ok(value) => Some((value, text)),
        Err(e) => {
            let line = e.span().map_or(0, |s| line_of_span(&text, &s));
            errors.push(ConfigError::new(file, line, e.message().trim().to_owned()));
            None
        }
    }
}

/// Loads and validates every tenant under `root`, and the collaborations between them.
pub fn load_dir(root: &Path) -> Result<TenantSet, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let entries = match fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) => {
            return Err(vec![ConfigError::new(
                root,
                0,
                format!("cannot read tenants folder: {e}"),
            )]);
        }
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| !RESERVED_DIRS.contains(&n) && !n.starts_with('.'))
        })
        .collect();
    dirs.sort();

    let default_dir = root.join("_default");
    let default_look = theme::load(&default_dir, &mut errors);
    theme::check(
        &default_dir,
        &Look::default(),
        &default_look,
        &default_dir,
        &mut errors,
    );
    let mut tenants = BTreeMap::new();
    let mut warnings = Vec::new();
    for dir in dirs {
        if let Some(mut tenant) = load_tenant(&dir, &mut errors, &mut warnings) {
            tenant.look = theme::load(&dir, &mut errors);
            theme::check(&dir, &default_look, &tenant.look, &default_dir, &mut errors);
            tenants.insert(tenant.slug.clone(), tenant);
        }
    }
    portal::check_hosts(&tenants, &mut errors);
    if tenants.is_empty() && errors.is_empty() {
        errors.push(ConfigError::new(root, 0, "no tenant folders found"));
    }
    check_shared_issuers(&tenants, &mut errors);
    let collaborations = load_collaborations(root, &tenants, &mut errors);

    if errors.is_empty() {
        Ok(TenantSet {
            root: root.to_path_buf(),
            tenants,
            collaborations,
            default_look,
            warnings,
        })
    } else {
        Err(errors)
    }
}

fn load_tenant(
    dir: &Path,
    errors: &mut Vec<ConfigError>,
    warnings: &mut Vec<ConfigError>,
) -> Option<TenantConfig> {
    let file = dir.join("tenant.toml");
    if !file.is_file() {
        errors.push(ConfigError::new(
            &file,
            0,
            "missing: every tenant folder needs a tenant.toml",
        ));
        return None;
    }
    let (mut tenant, text): (TenantConfig, String) = parse_toml(&file, errors)?;
    tenant.dir = dir.to_path_buf();
    let before = errors.len();
    let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    if tenant.slug.as_str() != folder {
        errors.push(ConfigError::new(
            &file,
            line_of_key(&text, "slug"),
            format!(
                "slug {:?} must equal the folder name {folder:?}",
                tenant.slug.as_str()
            ),
        ));
    }
    if tenant.languages.is_empty()
        || tenant
            .languages
            .iter()
            .any(|l| l.len() != 2 || !l.bytes().all(|b| b.is_ascii_lowercase()))
    {
        errors.push(ConfigError::new(
            &file,
            line_of_key(&text, "languages"),
            "languages must list at least one two-letter ISO 639-1 code, default first",
        ));
    }
    let norms = &tenant.service_norms;
    if !(1..=100).contains(&norms.phone_answer_percentage) {
        errors.push(ConfigError::new(
            &file,
            line_of_key(&text, "phone_answer_percentage"),
            "phone_answer_percentage must be between 1 and 100",
        ));
    }
    if tenant
        .processing_log
        .retention_months
        .is_some_and(|m| !(1..=1200).contains(&m))
    {
        errors.push(ConfigError::new(
            &file,
            line_of_key(&text, "retention_months"),
            "retention_months must be between 1 and 1200",
        ));
    }
    for (key, message) in tenant.benchmark.iter().flat_map(|b| b.problems()) {
        errors.push(ConfigError::new(&file, line_of_key(&text, key), message));
    }
    for (key, message) in tenant.reports.problems() {
        errors.push(ConfigError::new(&file, line_of_key(&text, key), message));
    }
    for (key, message) in tenant.notifications.problems() {
        errors.push(ConfigError::new(&file, line_of_key(&text, key), message));
    }
    let teams = &tenant.contact_centre.callback_teams;
    let mut sorted: Vec<&String> = teams.iter().collect();
    sorted.sort();
    sorted.dedup();
    if teams.is_empty()
        || sorted.len() != teams.len()
        || teams.iter().any(|t| !crate::ids::is_slug(t, 2, &['-']))
    {
        errors.push(ConfigError::new(
            &file,
            line_of_key(&text, "callback_teams"),
            "callback_teams must list at least one team, each once, as a lowercase slug such as \"burgerzaken\"",
        ));
    }
    for origin in &tenant.cors.allowed_origins {
        if !is_origin(origin) {
            errors.push(ConfigError::new(
                &file,
                line_of_key(&text, "allowed_origins"),
                format!("allowed origin {origin:?} must be scheme://host[:port], without path or wildcard"),
            ));
        }
    }
    for issuer in &tenant.issuers {
        let line = line_of_span(&text, &issuer.span());
        for problem in issuer_problems(issuer.get_ref(), dir) {
            errors.push(ConfigError::new(&file, line, problem));
        }
    }
    for (line, problem) in portal::problems(&tenant, &text) {
        errors.push(ConfigError::new(&file, line, problem));
    }
    for (line, warning) in portal::warnings(&tenant, &text) {
        warnings.push(ConfigError::new(&file, line, warning));
    }
    (errors.len() == before).then_some(tenant)
}

fn is_origin(origin: &str) -> bool {
    let Some((scheme, rest)) = origin.split_once("://") else {
        return false;
    };
    matches!(scheme, "http" | "https")
        && !rest.is_empty()
        && !rest.contains(['/', '*', ' ', '?', '#'])
}

/// Problems with one issuer entry, checked against the tenant folder.
fn issuer_problems(issuer: &IssuerConfig, dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let name = &issuer.issuer;
    if issuer.algorithms.is_empty() {
        problems.push(format!("issuer {name:?}: algorithms must not be empty"));
    }
    let mut hs = false;
    let mut asymmetric = false;
    for alg in &issuer.algorithms {
        match alg.as_str() {
            "HS256" => hs = true,
            "RS256" | "ES256" => asymmetric = true,
            other => problems.push(format!(
                "issuer {name:?}: algorithm {other:?} is not accepted (use HS256, RS256 or ES256)"
            )),
        }
    }
    if hs && asymmetric {
        problems.push(format!(
            "issuer {name:?}: HS256 cannot be mixed with RS256/ES256 in one issuer"
        ));
    }
    if hs {
        match issuer.hs_secret.as_deref() {
            None => problems.push(format!("issuer {name:?}: HS256 needs hs_secret")),
            Some(s) if s.starts_with("plain:") && !issuer.dev => problems.push(format!(
                "issuer {name:?}: a plain: secret is only allowed on a dev issuer; use env: or file:"
            )),
            Some(s) if s.starts_with("plain:") || s.starts_with("env:") || s.starts_with("file:") => {}
            Some(_) => problems.push(format!(
                "issuer {name:?}: hs_secret must start with env:, file: or plain:"
            )),
        }
    }
    if asymmetric {
        match (&issuer.jwks_file, &issuer.jwks_url) {
            (None, None) => problems.push(format!(
                "issuer {name:?}: RS256/ES256 need jwks_file or jwks_url"
            )),
            (Some(_), Some(_)) => problems.push(format!(
                "issuer {name:?}: give jwks_file or jwks_url, not both"
            )),
            (Some(path), None) if !dir.join(path).is_file() => problems.push(format!(
                "issuer {name:?}: jwks_file {} does not exist",
                dir.join(path).display()
            )),
            (None, Some(url)) if !portal::is_secure_url(url) => problems.push(format!(
                "issuer {name:?}: jwks_url must be an https URL (http only to localhost)"
            )),
            _ => {}
        }
    }
    if issuer.audience.is_empty() || issuer.issuer.is_empty() {
        problems.push("issuer and audience must not be empty".to_owned());
    }
    problems
}

/// Several tenants may trust one issuer (a regional identity provider); they must then
/// describe it identically (JWKS files compared by content), or tokens would verify
/// differently depending on which tenant's file was read first.
fn check_shared_issuers(tenants: &BTreeMap<TenantId, TenantConfig>, errors: &mut Vec<ConfigError>) {
    type Shape<'a> = (
        &'a str,
        &'a [String],
        Option<&'a str>,
        bool,
        Option<Vec<u8>>,
        Option<&'a str>,
    );
    let mut seen: HashMap<&str, (&TenantId, Shape<'_>)> = HashMap::new();
    for (slug, tenant) in tenants {
        for issuer in &tenant.issuers {
            let issuer: &IssuerConfig = issuer.get_ref();
            let jwks = issuer
                .jwks_file
                .as_ref()
                .and_then(|p| fs::read(tenant.dir.join(p)).ok());
            let shape: Shape<'_> = (
                &issuer.audience,
                &issuer.algorithms,
                issuer.hs_secret.as_deref(),
                issuer.dev,
                jwks,
                issuer.jwks_url.as_deref(),
            );
            match seen.get(issuer.issuer.as_str()) {
                None => {
                    seen.insert(&issuer.issuer, (slug, shape));
                }
                Some((first, other)) if *other != shape => {
                    errors.push(ConfigError::new(
                        tenant.dir.join("tenant.toml"),
                        0,
                        format!(
                            "issuer {:?} is also trusted by {first} but configured differently there \
                             (audience, algorithms, secret, dev flag, JWKS file content and URL must match)",
                            issuer.issuer
                        ),
                    ));
                }
                Some(_) => {}
            }
        }
    }
}

fn load_collaborations(
    root: &Path,
    tenants: &BTreeMap<TenantId, TenantConfig>,
    errors: &mut Vec<ConfigError>,
) -> Vec<Collaboration> {
    let file = root.join("collaborations.toml");
    if !file.is_file() {
        return Vec::new();
    }
    let Some((parsed, text)) = parse_toml::<CollaborationsFile>(&file, errors) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for spanned in parsed.collaboration {
        let line = line_of_span(&text, &spanned.span());
        let c = spanned.into_inner();
        let mut problems = Vec::new();
        for member in std::iter::once(&c.host).chain(&c.members) {
            if !tenants.contains_key(member) {
                problems.push(format!("{}: unknown tenant {member}", c.slug));
            }
        }
        if c.members.is_empty() || c.members.contains(&c.host) {
            problems.push(format!(
                "{}: members must be non-empty and must not include the host",
                c.slug
            ));
        }
        if c.case_types.is_empty() || c.roles.is_empty() {
            problems.push(format!(
                "{}: case_types and roles must not be empty",
                c.slug
            ));
        }
        if problems.is_empty() {
            out.push(c);
        }
        errors.extend(
            problems
                .into_iter()
                .map(|p| ConfigError::new(&file, line, p)),
        );
    }
    out
}
