//! A municipality's look in the portal: `theme.css` (design tokens as CSS custom properties
//! under one class), `logo.svg` and `favicon.svg` in its tenant folder, over the same files
//! in `_default/`. Every file is optional; what a tenant leaves out comes from `_default/`.
//!
//! The checks: the token file's syntax ([`super::css`]), colour values, the contrast of the
//! text and background pairs the portal uses (WCAG 2.1 AA: 4.5:1 for text, 3:1 for the focus
//! outline), and SVG files that are images only (no script, no event handlers, nothing loaded
//! from elsewhere).

use std::{collections::HashMap, fs, path::Path};

use super::{
    ConfigError,
    colour::{self, Colour},
    css::{self, Token},
    svg::svg_problem,
};

/// The token file's name in a tenant folder and in `_default/`.
pub const THEME_FILE: &str = "theme.css";
/// The logo's file name.
pub const LOGO_FILE: &str = "logo.svg";
/// The favicon's file name.
pub const FAVICON_FILE: &str = "favicon.svg";
/// The class of the default theme.
pub const DEFAULT_THEME_CLASS: &str = "loket-theme";
/// Largest theme file accepted.
const MAX_BYTES: u64 = 64 * 1024;

/// Colour pairs the portal shows text in (foreground, background, least contrast).
const PAIRS: &[(&str, &str, f64)] = &[
    (
        "--utrecht-document-color",
        "--utrecht-document-background-color",
        4.5,
    ),
    (
        "--utrecht-link-color",
        "--utrecht-document-background-color",
        4.5,
    ),
    (
        "--utrecht-button-primary-action-color",
        "--utrecht-button-primary-action-background-color",
        4.5,
    ),
    (
        "--utrecht-button-primary-action-hover-color",
        "--utrecht-button-primary-action-hover-background-color",
        4.5,
    ),
    (
        "--utrecht-page-header-color",
        "--utrecht-page-header-background-color",
        4.5,
    ),
    (
        "--utrecht-page-footer-color",
        "--utrecht-page-footer-background-color",
        4.5,
    ),
    (
        "--loket-accent-color",
        "--utrecht-document-background-color",
        4.5,
    ),
    (
        "--utrecht-focus-outline-color",
        "--utrecht-document-background-color",
        3.0,
    ),
];

/// The look of a tenant, or the default look.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Look {
    /// The class the tokens hang under; empty without a token file.
    pub class: String,
    /// The token file as written.
    pub css: Option<String>,
    /// The parsed tokens.
    pub tokens: Vec<Token>,
    /// The logo (SVG).
    pub logo: Option<String>,
    /// The favicon (SVG).
    pub favicon: Option<String>,
}

fn read(file: &Path, errors: &mut Vec<ConfigError>) -> Option<String> {
    if !file.is_file() {
        return None;
    }
    match fs::metadata(file).map(|m| m.len()) {
        Ok(n) if n > MAX_BYTES => {
            errors.push(ConfigError::new(
                file,
                0,
                format!("larger than {MAX_BYTES} bytes"),
            ));
            return None;
        }
        _ => {}
    }
    match fs::read_to_string(file) {
        Ok(text) => Some(text),
        Err(e) => {
            errors.push(ConfigError::new(file, 0, format!("cannot read: {e}")));
            None
        }
    }
}

/// Reads the look of one folder (a tenant's, or `_default/`); problems go to `errors`.
pub(crate) fn load(dir: &Path, errors: &mut Vec<ConfigError>) -> Look {
    let mut look = Look::default();
    let file = dir.join(THEME_FILE);
    if let Some(text) = read(&file, errors) {
        match css::parse(&text) {
            Ok(parsed) => {
                look.class = parsed.class;
                look.tokens = parsed.tokens;
                look.css = Some(text);
            }
            Err(problems) => errors.extend(
                problems
                    .into_iter()
                    .map(|(line, message)| ConfigError::new(&file, line, message)),
            ),
        }
    }
    for (name, slot) in [
        (LOGO_FILE, &mut look.logo),
        (FAVICON_FILE, &mut look.favicon),
    ] {
        let file = dir.join(name);
        if let Some(text) = read(&file, errors) {
            match svg_problem(&text) {
                None => *slot = Some(text),
                Some((line, message)) => errors.push(ConfigError::new(&file, line, message)),
            }
        }
    }
    look
}

/// Checks a tenant's look over the default: its class, and the contrast of every pair the
/// portal uses once the tenant's tokens are laid over the default's.
pub(crate) fn check(
    dir: &Path,
    default: &Look,
    tenant: &Look,
    default_dir: &Path,
    errors: &mut Vec<ConfigError>,
) {
    let file = dir.join(THEME_FILE);
    let line = tenant
        .tokens
        .first()
        .map_or(1, |t| t.line.saturating_sub(1).max(1));
    if dir == default_dir {
        if tenant.css.is_some() && tenant.class != DEFAULT_THEME_CLASS {
            errors.push(ConfigError::new(
                &file,
                line,
                format!("the default theme's class must be .{DEFAULT_THEME_CLASS}"),
            ));
        }
    } else if tenant.css.is_some()
        && [DEFAULT_THEME_CLASS, "utrecht-theme"].contains(&tenant.class.as_str())
    {
        let slug = dir.file_name().and_then(|n| n.to_str()).unwrap_or("name");
        errors.push(ConfigError::new(
            &file,
            line,
            format!(
                "the class .{} is taken; name the municipality's own, such as .{slug}-theme",
                tenant.class
            ),
        ));
    }
    let mut merged: HashMap<&str, (&Token, bool)> = HashMap::new();
    for token in &default.tokens {
        merged.insert(&token.name, (token, false));
    }
    for token in &tenant.tokens {
        merged.insert(&token.name, (token, true));
    }
    for (fg, bg, least) in PAIRS {
        let (Some(f), Some(b)) = (resolve(fg, &merged, 0), resolve(bg, &merged, 0)) else {
            continue;
        };
        let Some(ratio) = colour::contrast(f, b) else {
            continue;
        };
        if ratio + 1e-9 < *least {
            let (token, own) = [fg, bg]
                .iter()
                .filter_map(|n| merged.get(*n))
                .max_by_key(|(t, own)| (*own, t.line))
                .map_or((None, false), |(t, own)| (Some(*t), *own));
            let (where_, line) = match token {
                Some(t) if own => (file.clone(), t.line),
                Some(t) => (default_dir.join(THEME_FILE), t.line),
                None => (file.clone(), 0),
            };
            errors.push(ConfigError::new(
                where_,
                line,
                format!("{fg} on {bg} has contrast {ratio:.2}:1; WCAG 2.1 AA needs {least}:1"),
            ));
        }
    }
}

fn resolve(name: &str, merged: &HashMap<&str, (&Token, bool)>, depth: u8) -> Option<Colour> {
    let (token, _) = merged.get(name)?;
    match css::reference(&token.value) {
        Some(next) if depth < 8 => resolve(next, merged, depth.saturating_add(1)),
        Some(_) => None,
        None => colour::parse(&token.value),
    }
}
