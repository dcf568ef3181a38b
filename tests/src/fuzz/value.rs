//! A generated GraphQL input value, written either inline in the document (a literal) or as a
//! JSON variable. Values may be ill-typed on purpose (a string where an `Int` belongs, an
//! integer past `i32`), so this is not `async_graphql::Value`.

use serde_json::{Number, Value as Json, json};

/// One input value.
#[derive(Debug, Clone, PartialEq)]
pub enum GValue {
    /// `null`.
    Null,
    /// An integer of any size a client could type.
    Int(i128),
    /// A float literal as written (`1.5`, `1e400`).
    Float(String),
    /// A string.
    Str(String),
    /// A string literal written with raw GraphQL escapes (such as a lone surrogate
    /// `\uD800`), which JSON variables cannot carry; sent inline only.
    RawStr(String),
    /// `true` or `false`.
    Bool(bool),
    /// An enum value (a bare name inline, a string in JSON).
    Enum(String),
    /// A list.
    List(Vec<GValue>),
    /// An input object, fields in order (names may be unknown to the schema).
    Object(Vec<(String, GValue)>),
}

impl GValue {
    /// A string value.
    pub fn str(text: impl Into<String>) -> Self {
        Self::Str(text.into())
    }

    /// The value as a GraphQL literal.
    pub fn literal(&self) -> String {
        match self {
            Self::Null => "null".to_owned(),
            Self::Int(n) => n.to_string(),
            Self::Float(text) => text.clone(),
            Self::Str(text) => quote(text),
            Self::RawStr(raw) => format!("\"{raw}\""),
            Self::Bool(b) => b.to_string(),
            Self::Enum(name) => name.clone(),
            Self::List(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(Self::literal)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Self::Object(fields) => format!(
                "{{{}}}",
                fields
                    .iter()
                    .map(|(k, v)| format!("{k}: {}", v.literal()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }

    /// The value as a JSON variable.
    pub fn json(&self) -> Json {
        match self {
            Self::Null => Json::Null,
            Self::Int(n) => i64::try_from(*n)
                .map(Json::from)
                .or_else(|_| u64::try_from(*n).map(Json::from))
                .unwrap_or_else(|_| json!(n.to_string())),
            Self::Float(text) => text
                .parse::<f64>()
                .ok()
                .and_then(Number::from_f64)
                .map_or_else(|| json!(text), Json::Number),
            Self::Str(text) => json!(text),
            Self::RawStr(raw) => json!(raw),
            Self::Bool(b) => json!(b),
            Self::Enum(name) => json!(name),
            Self::List(items) => Json::Array(items.iter().map(Self::json).collect()),
            Self::Object(fields) => {
                Json::Object(fields.iter().map(|(k, v)| (k.clone(), v.json())).collect())
            }
        }
    }

    /// Whether the value can travel as a JSON variable unchanged.
    pub fn fits_json(&self) -> bool {
        match self {
            Self::RawStr(_) => false,
            Self::List(items) => items.iter().all(Self::fits_json),
            Self::Object(fields) => fields.iter().all(|(_, v)| v.fits_json()),
            _ => true,
        }
    }

    /// A short description for reports (long strings abbreviated).
    pub fn describe(&self) -> String {
        let text = self.literal();
        abbreviate(&text, 160)
    }
}

/// `text` cut to about `max` characters with the full length noted.
pub fn abbreviate(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max).collect();
    format!("{head}…[{count} chars in all]")
}

/// A GraphQL string literal: quotes, backslashes and control characters escaped.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_escape_what_graphql_requires() {
        assert_eq!(GValue::str("a\0\"b\\").literal(), r#""a\u0000\"b\\""#);
        assert_eq!(
            GValue::Object(vec![("days".into(), GValue::Int(-1))]).literal(),
            "{days: -1}"
        );
        assert_eq!(GValue::Int(u64::MAX.into()).json(), json!(u64::MAX));
        assert_eq!(GValue::Enum("READ".into()).json(), json!("READ"));
    }
}
