//! The design-token files of a municipality's look (`theme.css`): a strict subset of CSS
//! that holds custom properties only, under one class selector, read with line numbers so
//! that `loket check` can name the line of a problem.
//!
//! What is refused, and why: anything but custom properties (a theme changes token values,
//! never a component's internals, so it keeps working when components change), `url(...)`,
//! `@import` and `expression(...)` (the portal's Content-Security-Policy loads nothing from
//! elsewhere, and a theme must not), and characters that could end the rule early.

/// A custom property and the line it is declared on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The property name, for example `--utrecht-link-color`.
    pub name: String,
    /// The value as written, trimmed.
    pub value: String,
    /// 1-based line of the declaration.
    pub line: usize,
}

/// A parsed token file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TokenFile {
    /// The class every rule of the file uses, without the dot (for example `enschede-theme`).
    pub class: String,
    /// Every declaration, in file order.
    pub tokens: Vec<Token>,
}

/// A problem at a 1-based line.
pub type Problem = (usize, String);

struct Cursor<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at = self.at.saturating_add(1);
        if b == b'\n' {
            self.line = self.line.saturating_add(1);
        }
        Some(b)
    }

    /// Skips white space and comments; an unclosed comment is a problem.
    fn skip_blank(&mut self) -> Result<(), Problem> {
        loop {
            match self.peek() {
                Some(b) if b.is_ascii_whitespace() => {
                    self.bump();
                }
                Some(b'/') if self.text.get(self.at.saturating_add(1)) == Some(&b'*') => {
                    let line = self.line;
                    self.bump();
                    self.bump();
                    loop {
                        match self.bump() {
                            None => return Err((line, "comment is not closed with */".into())),
                            Some(b'*') if self.peek() == Some(b'/') => {
                                self.bump();
                                break;
                            }
                            Some(_) => {}
                        }
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// Reads up to (not including) one of `stops` outside quotes and parentheses.
    fn until(&mut self, stops: &[u8]) -> String {
        let start = self.at;
        let (mut quote, mut depth) = (None::<u8>, 0_u32);
        while let Some(b) = self.peek() {
            match (quote, b) {
                (Some(q), _) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'(') => depth = depth.saturating_add(1),
                (None, b')') => depth = depth.saturating_sub(1),
                (None, _) if depth == 0 && stops.contains(&b) => break,
                _ => {}
            }
            self.bump();
        }
        String::from_utf8_lossy(&self.text[start..self.at])
            .trim()
            .to_owned()
    }
}

/// Parses a token file; every problem found is returned with its line.
pub fn parse(text: &str) -> Result<TokenFile, Vec<Problem>> {
    let mut c = Cursor {
        text: text.as_bytes(),
        at: 0,
        line: 1,
    };
    let mut file = TokenFile::default();
    let mut problems = Vec::new();
    loop {
        if let Err(p) = c.skip_blank() {
            problems.push(p);
            break;
        }
        if c.peek().is_none() {
            break;
        }
        let line = c.line;
        let selector = c.until(b"{};");
        if c.bump() != Some(b'{') {
            problems.push((line, format!("expected `{selector} {{ ... }}`")));
            break;
        }
        match selector_class(&selector) {
            Some(class) if file.class.is_empty() || file.class == class => file.class = class,
            Some(class) => problems.push((
                line,
                format!(
                    "every rule must use the same class: .{} and .{class}",
                    file.class
                ),
            )),
            None => problems.push((
                line,
                format!("selector {selector:?} must be one class, such as .enschede-theme"),
            )),
        }
        if let Err(p) = declarations(&mut c, &mut file.tokens, &mut problems) {
            problems.push(p);
            break;
        }
    }
    if file.class.is_empty() && problems.is_empty() {
        problems.push((
            1,
            "no rule found: expected `.name-theme { --token: value; }`".into(),
        ));
    }
    if problems.is_empty() {
        Ok(file)
    } else {
        Err(problems)
    }
}

fn declarations(
    c: &mut Cursor<'_>,
    tokens: &mut Vec<Token>,
    problems: &mut Vec<Problem>,
) -> Result<(), Problem> {
    let open = c.line;
    loop {
        c.skip_blank()?;
        match c.peek() {
            None => return Err((open, "rule is not closed with }".into())),
            Some(b'}') => {
                c.bump();
                return Ok(());
            }
            Some(_) => {}
        }
        let line = c.line;
        let declaration = c.until(b";}");
        if c.peek() == Some(b';') {
            c.bump();
        }
        let Some((name, value)) = declaration.split_once(':') else {
            problems.push((line, format!("{declaration:?} is not `--name: value`")));
            continue;
        };
        let (name, value) = (name.trim(), value.trim());
        match check_declaration(name, value) {
            Ok(()) => tokens.push(Token {
                name: name.to_owned(),
                value: value.to_owned(),
                line,
            }),
            Err(message) => problems.push((line, message)),
        }
    }
}

fn selector_class(selector: &str) -> Option<String> {
    let class = selector.strip_prefix('.')?;
    let valid = class.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && class
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    valid.then(|| class.to_owned())
}

fn check_declaration(name: &str, value: &str) -> Result<(), String> {
    let is_name = name.strip_prefix("--").is_some_and(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    });
    if !is_name {
        return Err(format!(
            "{name:?}: only custom properties (--lowercase-name) may be set; a theme sets tokens, not styles"
        ));
    }
    if value.is_empty() {
        return Err(format!("{name}: the value is empty"));
    }
    let lower = value.to_ascii_lowercase();
    if ["url(", "@import", "expression(", "\\", "<", ">", "{", "}"]
        .iter()
        .any(|bad| lower.contains(bad))
    {
        return Err(format!(
            "{name}: the value may not contain url(), @import, expression(), backslashes or < > {{ }}"
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(format!("{name}: the value contains a control character"));
    }
    if is_colour_token(name) && super::colour::parse(value).is_none() && !is_reference(value) {
        return Err(format!(
            "{name}: {value:?} is not a colour (#rrggbb, rgb(), hsl(), a colour name or var(--token))"
        ));
    }
    Ok(())
}

/// Whether a token holds a colour, judged by its name as NL Design System names them.
pub fn is_colour_token(name: &str) -> bool {
    name.ends_with("-color") || name.contains("-color-")
}

/// Whether a value is a plain `var(--token)` reference (with an optional fallback).
pub fn is_reference(value: &str) -> bool {
    value.starts_with("var(--") && value.ends_with(')')
}

/// The token a `var(--token)` or `var(--token, fallback)` value refers to.
pub fn reference(value: &str) -> Option<&str> {
    let inner = value.strip_prefix("var(")?.strip_suffix(')')?;
    Some(inner.split(',').next().unwrap_or(inner).trim())
}
