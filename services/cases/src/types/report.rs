//! What makes a case type a category of reports about public space (meldingen): its main
//! category, whether its open reports appear on the public map, the form fields a reporter
//! fills in, and the statuses a report is reopened in.

use serde::Deserialize;

/// The kind of value a report form field takes (Open311's `datatype`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldType {
    /// One line of text.
    String,
    /// A number.
    Number,
    /// A date and time.
    Datetime,
    /// Several lines of text.
    Text,
    /// One of the listed values.
    Singlevaluelist,
    /// Any of the listed values.
    Multivaluelist,
}

impl FieldType {
    /// As Open311 and the API name it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::String => "string",
            Self::Number => "number",
            Self::Datetime => "datetime",
            Self::Text => "text",
            Self::Singlevaluelist => "singlevaluelist",
            Self::Multivaluelist => "multivaluelist",
        }
    }

    /// Whether the field chooses from listed values.
    pub const fn is_list(self) -> bool {
        matches!(self, Self::Singlevaluelist | Self::Multivaluelist)
    }
}

/// A value a list field offers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldValue {
    /// What is stored and sent.
    pub key: String,
    /// What the reporter reads.
    pub name: String,
}

/// A question a category asks the reporter, beside the description.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormField {
    /// Code, unique within the category (Open311's attribute `code`).
    pub code: String,
    /// The question, for example "Nummer van de lantaarnpaal".
    pub name: String,
    /// A longer explanation, if any.
    #[serde(default)]
    pub description: Option<String>,
    /// The kind of value.
    pub datatype: FieldType,
    /// Whether a report must answer it.
    #[serde(default)]
    pub required: bool,
    /// The values a list field offers.
    #[serde(default)]
    pub values: Vec<FieldValue>,
}

/// The longest answer to a form field.
pub const MAX_FIELD_TEXT: usize = 1000;

impl FormField {
    /// Checks one answer; the error names what is wrong for the reporter.
    pub fn check(&self, answer: &str) -> Result<String, String> {
        let answer = answer.trim();
        if answer.chars().count() > MAX_FIELD_TEXT {
            return Err(format!("at most {MAX_FIELD_TEXT} characters"));
        }
        match self.datatype {
            FieldType::Number => answer
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .map(|_| answer.to_owned())
                .ok_or_else(|| "a number".to_owned()),
            FieldType::Datetime => chrono::DateTime::parse_from_rfc3339(answer)
                .map(|_| answer.to_owned())
                .map_err(|_| "a date and time such as 2026-12-04T08:30:00+01:00".to_owned()),
            FieldType::Singlevaluelist | FieldType::Multivaluelist => {
                let keys: Vec<&str> = if self.datatype == FieldType::Multivaluelist {
                    answer.split(',').map(str::trim).collect()
                } else {
                    vec![answer]
                };
                for key in &keys {
                    if !self.values.iter().any(|v| v.key == *key) {
                        let options: Vec<&str> =
                            self.values.iter().map(|v| v.key.as_str()).collect();
                        return Err(format!("one of {}", options.join(", ")));
                    }
                }
                Ok(keys.join(","))
            }
            FieldType::String | FieldType::Text => {
                if self.datatype == FieldType::String && answer.contains(['\n', '\r']) {
                    return Err("one line".to_owned());
                }
                Ok(answer.to_owned())
            }
        }
    }
}

/// A category of reports about public space, as one tenant uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportCategory {
    /// The main category's code, for example `afval`.
    pub group: String,
    /// The main category's public name, for example "Afval".
    pub group_name: String,
    /// What the category is for, shown when choosing one.
    pub description: String,
    /// Whether its open reports appear, coarsened, on the public map.
    pub public_map: bool,
    /// The questions asked beside the description, in order.
    pub fields: Vec<FormField>,
    /// The status a report is reopened in by staff.
    pub reopened: String,
    /// The status a reporter's unhappy answer reopens a report in.
    pub reopen_requested: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(datatype: FieldType) -> FormField {
        FormField {
            code: "f".into(),
            name: "F".into(),
            description: None,
            datatype,
            required: false,
            values: vec![
                FieldValue {
                    key: "a".into(),
                    name: "A".into(),
                },
                FieldValue {
                    key: "b".into(),
                    name: "B".into(),
                },
            ],
        }
    }

    #[test]
    fn answers_are_checked_by_their_type() {
        assert_eq!(field(FieldType::Number).check(" 12.5 "), Ok("12.5".into()));
        assert!(field(FieldType::Number).check("NaN").is_err());
        assert!(field(FieldType::Number).check("twelve").is_err());
        assert!(field(FieldType::Singlevaluelist).check("a").is_ok());
        assert_eq!(
            field(FieldType::Singlevaluelist).check("c"),
            Err("one of a, b".into())
        );
        assert_eq!(
            field(FieldType::Multivaluelist).check("a, b"),
            Ok("a,b".into())
        );
        assert!(field(FieldType::String).check("two\nlines").is_err());
        assert!(field(FieldType::Text).check("two\nlines").is_ok());
        assert!(
            field(FieldType::Datetime)
                .check("2026-12-04T08:30:00+01:00")
                .is_ok()
        );
        assert!(field(FieldType::Datetime).check("yesterday").is_err());
        assert!(field(FieldType::Text).check(&"x".repeat(1001)).is_err());
    }
}
