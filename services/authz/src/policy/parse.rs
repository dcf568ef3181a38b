//! Reading casbin policy files (`p, sub, dom, obj, act, eft` and `g, user, role, dom`) with
//! checks that name file and line.

use std::{fs, path::Path};

use loket_kernel::{Action, Role, config::ConfigError};

use super::objects;

/// One policy rule, as casbin stores it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Rule {
    /// `p, sub, dom, obj, act, eft`
    Permission(Vec<String>),
    /// `g, user, role, dom`
    Grouping(Vec<String>),
}

/// Parses a policy file. `domain` is what the domain column must say: `*` in the default
/// policy, the tenant's slug in a tenant policy. A missing file is an empty policy when
/// `optional`.
pub fn parse_file(
    path: &Path,
    domain: &str,
    optional: bool,
) -> Result<Vec<Rule>, Vec<ConfigError>> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if optional && e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(vec![ConfigError::new(path, 0, format!("cannot read: {e}"))]),
    };
    parse(path, &text, domain)
}

/// Parses policy text; see [`parse_file`].
pub fn parse(path: &Path, text: &str, domain: &str) -> Result<Vec<Rule>, Vec<ConfigError>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_line(line, domain) {
            Ok(rule) => rules.push(rule),
            Err(message) => errors.push(ConfigError::new(path, index.saturating_add(1), message)),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

fn parse_line(line: &str, domain: &str) -> Result<Rule, String> {
    if line.contains('"') {
        return Err("quoted fields are not supported".to_owned());
    }
    let fields: Vec<String> = line.split(',').map(|f| f.trim().to_owned()).collect();
    let check_domain = |d: &str| {
        if d == domain {
            Ok(())
        } else {
            Err(format!("domain must be {domain:?} here, found {d:?}"))
        }
    };
    let check_role = |r: &str| {
        Role::new(r)
            .map(|_| ())
            .map_err(|e| format!("role {r:?}: {e}"))
    };
    match fields.first().map(String::as_str) {
        Some("p") => {
            let [_, sub, dom, obj, act, eft] = fields.as_slice() else {
                return Err(format!(
                    "a p line has 6 fields (p, role, domain, object, action, allow|deny), found {}",
                    fields.len()
                ));
            };
            check_role(sub)?;
            check_domain(dom)?;
            if !objects::is_valid(obj) {
                let kinds: Vec<&str> = objects::kinds().into_iter().collect();
                return Err(format!(
                    "object {obj:?} is not a valid object path (kinds: {})",
                    kinds.join(", ")
                ));
            }
            if act != "*" && act.parse::<Action>().is_err() {
                return Err(format!(
                    "action {act:?} must be read, create, update, decide or *"
                ));
            }
            if eft != "allow" && eft != "deny" {
                return Err(format!("effect {eft:?} must be allow or deny"));
            }
            Ok(Rule::Permission(fields[1..].to_vec()))
        }
        Some("g") => {
            let [_, user, role, dom] = fields.as_slice() else {
                return Err(format!(
                    "a g line has 4 fields (g, role, inherited role, domain), found {}",
                    fields.len()
                ));
            };
            check_role(user)?;
            check_role(role)?;
            check_domain(dom)?;
            Ok(Rule::Grouping(fields[1..].to_vec()))
        }
        _ => Err("a line starts with p or g".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse(Path::new("policy.csv"), text, "alpha")
            .expect_err("expected errors")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn good_lines_parse() {
        let rules = parse(
            Path::new("policy.csv"),
            "# comment\n\np, frontoffice, alpha, case/*/outcome, read, allow\ng, kcc-senior, frontoffice, alpha\n",
            "alpha",
        )
        .unwrap();
        assert_eq!(rules.len(), 2);
    }

    #[test]
    fn bad_lines_name_their_line() {
        let e = errors(
            "p, frontoffice, alpha, case/*/outcome, read, allow\np, frontoffice, alpha, case/*/outcome, peek, allow\n",
        );
        assert_eq!(
            e,
            vec!["policy.csv:2: action \"peek\" must be read, create, update, decide or *"]
        );
        assert!(
            errors("p, frontoffice, beta, case/*, read, allow")[0]
                .contains(":1: domain must be \"alpha\"")
        );
        assert!(
            errors("p, frontoffice, alpha, cases/*, read, allow")[0]
                .contains("not a valid object path")
        );
        assert!(errors("p, frontoffice, alpha, case/*, read")[0].contains("6 fields"));
        assert!(errors("p, Front Office, alpha, case/*, read, allow")[0].contains("role"));
        assert!(errors("x, a, b")[0].contains("starts with p or g"));
        assert!(errors("p, frontoffice, alpha, case/*, read, maybe")[0].contains("allow or deny"));
    }
}
