//! What every answer must satisfy, whatever was sent: an answer at all (no dropped connection,
//! no silence), no 5xx, a GraphQL response, every error with an `extensions.code` and none of
//! them `INTERNAL`, and no marker of another tenant.

use serde_json::Value;

use super::{
    markers::Markers,
    transport::{Outcome, Request},
    value::abbreviate,
};

/// One violation.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The kind of violation.
    pub class: &'static str,
    /// The operation that showed it (empty where the operation does not matter).
    pub target: String,
    /// The message or cause, normalised: with class and target, what makes two findings
    /// the same defect.
    pub what: String,
    /// What came back.
    pub detail: String,
}

/// The classes, in report order.
pub const CLASSES: [&str; 9] = [
    "server died",
    "dropped connection",
    "no answer in time",
    "HTTP 5xx",
    "answer is not a GraphQL response",
    "INTERNAL error",
    "error without extensions.code",
    "another tenant's data",
    "server unhealthy",
];

/// A message with numbers and quoted values blurred, so one defect is one key.
pub fn normalise(message: &str) -> String {
    let mut out = String::new();
    let (mut in_digits, mut in_quotes) = (false, false);
    let first_line = message.trim_start().lines().next().unwrap_or_default();
    for c in first_line.chars().take(120) {
        match c {
            '"' => {
                in_quotes = !in_quotes;
                if in_quotes {
                    out.push_str("\"…\"");
                }
            }
            _ if in_quotes => {}
            c if c.is_ascii_digit() => {
                if !in_digits {
                    out.push('#');
                }
                in_digits = true;
                continue;
            }
            c => out.push(c),
        }
        in_digits = false;
    }
    out.chars().take(80).collect()
}

/// Judges one answer to `request`, sent for target `target`.
pub fn judge(
    target: &str,
    request: &Request,
    outcome: &Outcome,
    markers: &Markers,
) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut add = |class: &'static str, what: &str, detail: String| {
        // A missing code is one gap in the error mapping, whichever operation shows it.
        let target = if class == "error without extensions.code" {
            ""
        } else {
            target
        };
        let mut what = normalise(what);
        // A generic INTERNAL may come from the headers rather than the arguments.
        if !request.headers.is_empty() && what.starts_with("internal error") {
            what.push_str(" (request with hostile trace headers)");
        }
        found.push(Finding {
            class,
            target: target.to_owned(),
            what,
            detail,
        });
    };
    let mut errors: Vec<Value> = Vec::new();
    let mut response_text = String::new();
    let mut request_id = None;
    match outcome {
        Outcome::Dropped(why) => add(
            "dropped connection",
            "",
            format!("the connection dropped: {why}"),
        ),
        Outcome::TimedOut => add("no answer in time", "", "no answer within 30 s".to_owned()),
        Outcome::Http {
            status,
            request_id: header,
            body,
            ..
        } => {
            request_id = header.clone();
            if *status >= 500 {
                add(
                    "HTTP 5xx",
                    &status.to_string(),
                    format!("HTTP {status}: {}", describe(body)),
                );
            }
            match body {
                Ok(json) if json.get("data").is_some() || json.get("errors").is_some() => {
                    errors.extend(json["errors"].as_array().into_iter().flatten().cloned());
                    response_text = json.to_string();
                }
                _ => add(
                    "answer is not a GraphQL response",
                    &status.to_string(),
                    format!("HTTP {status}: {}", describe(body)),
                ),
            }
        }
        Outcome::Ws { messages, ended } => {
            for message in messages {
                match message["type"].as_str() {
                    Some("error") => {
                        errors.extend(message["payload"].as_array().into_iter().flatten().cloned())
                    }
                    Some("next") => errors.extend(
                        message["payload"]["errors"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .cloned(),
                    ),
                    Some("complete") => {}
                    _ => add(
                        "answer is not a GraphQL response",
                        "ws",
                        format!(
                            "unexpected message {}",
                            abbreviate(&message.to_string(), 300)
                        ),
                    ),
                }
            }
            response_text = Value::Array(messages.clone()).to_string();
            if let Some(why) = ended {
                add(
                    "dropped connection",
                    why,
                    format!(
                        "{why}; messages before: {}",
                        abbreviate(&response_text, 300)
                    ),
                );
            }
        }
    }
    for error in &errors {
        let message = error["message"].as_str().unwrap_or_default();
        match error["extensions"]["code"].as_str() {
            None => add(
                "error without extensions.code",
                message,
                format!(
                    "error without a code: {}",
                    abbreviate(&error.to_string(), 400)
                ),
            ),
            Some("INTERNAL") => {
                let id = error["extensions"]["requestId"].as_str();
                add(
                    "INTERNAL error",
                    message,
                    format!(
                        "INTERNAL: {} (extensions.requestId {id:?}, x-request-id header {request_id:?})",
                        abbreviate(&error.to_string(), 400)
                    ),
                );
            }
            Some(_) => {}
        }
    }
    let sent = format!(
        "{} {} {:?}",
        request.query,
        request
            .variables
            .as_ref()
            .map(Value::to_string)
            .unwrap_or_default(),
        request.headers
    );
    for leak in markers.leaks(&request.caller.tenant, &sent, &response_text) {
        add(
            "another tenant's data",
            &leak.owners.join(","),
            format!(
                "a caller of {} received {} (belongs to {}) in {}",
                request.caller.tenant,
                leak.marker,
                leak.owners.join(", "),
                abbreviate(&response_text, 600)
            ),
        );
    }
    found
}

fn describe(body: &Result<Value, String>) -> String {
    match body {
        Ok(json) => abbreviate(&json.to_string(), 400),
        Err(text) => format!("(not JSON) {text}"),
    }
}

/// Why an answer refused the caller at or above the target (`depth` fields deep): the code
/// and message, or `None` when the target was reached.
pub fn refusal_of(outcome: &Outcome, depth: usize) -> Option<String> {
    let errors: Vec<serde_json::Value> = match outcome {
        Outcome::Http { body: Ok(body), .. } => {
            body["errors"].as_array().cloned().unwrap_or_default()
        }
        Outcome::Ws { messages, .. } => messages
            .iter()
            .flat_map(|m| {
                let list = if m["type"] == "error" {
                    &m["payload"]
                } else {
                    &m["payload"]["errors"]
                };
                list.as_array().cloned().unwrap_or_default()
            })
            .collect(),
        _ => return Some("no answer".into()),
    };
    errors.iter().find_map(|e| {
        let code = e["extensions"]["code"].as_str().unwrap_or("-");
        let shallow = e["path"].as_array().is_none_or(|p| p.len() <= depth);
        (shallow && (code == "UNAUTHENTICATED" || code == "FORBIDDEN")).then(|| code.to_owned())
    })
}

/// The error codes of an answer, in order (`-` for an error without one).
pub fn errors_of(outcome: &Outcome) -> Vec<String> {
    let errors: Vec<serde_json::Value> = match outcome {
        Outcome::Http { body: Ok(body), .. } => {
            body["errors"].as_array().cloned().unwrap_or_default()
        }
        Outcome::Ws { messages, .. } => messages
            .iter()
            .flat_map(|m| {
                let list = if m["type"] == "error" {
                    &m["payload"]
                } else {
                    &m["payload"]["errors"]
                };
                list.as_array().cloned().unwrap_or_default()
            })
            .collect(),
        Outcome::Dropped(_) => return vec!["(dropped)".into()],
        Outcome::TimedOut => return vec!["(timed out)".into()],
        Outcome::Http { .. } => return vec!["(not JSON)".into()],
    };
    errors
        .iter()
        .map(|e| e["extensions"]["code"].as_str().unwrap_or("-").to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_blurs_numbers_and_quoted_values() {
        assert_eq!(
            normalise(r#"Invalid value for argument "input.days", expected type "Int" at 12:3"#),
            r#"Invalid value for argument "…", expected type "…" at #:#"#
        );
    }
}
