//! The two formats of GeoReport v2, chosen by the file's extension: XML (through quick-xml's
//! serde serializer) and JSON. A list is a JSON array, and in XML a root element holding one
//! element per item (`<services><service>…`); errors are `<errors><error>` or an array of
//! `{code, description}`.

use axum::{
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Serialize;

use super::error::Open311Error;

/// How an answer is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// `.xml`
    Xml,
    /// `.json`
    Json,
}

const XML_DECLARATION: &str = r#"<?xml version="1.0" encoding="utf-8"?>"#;

impl Format {
    /// The name and format of a file (`services.xml`); `None` for another extension.
    pub(crate) fn split(file: &str) -> Option<(&str, Self)> {
        let (name, extension) = file.rsplit_once('.')?;
        match extension {
            "xml" => Some((name, Self::Xml)),
            "json" => Some((name, Self::Json)),
            _ => None,
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Self::Xml => "text/xml; charset=utf-8",
            Self::Json => "application/json; charset=utf-8",
        }
    }

    /// `items` as a list: in XML, the element `root` holding an `item` element for each.
    pub(crate) fn list<T: Serialize>(
        self,
        root: &str,
        item: &str,
        items: &[T],
    ) -> Result<Response, Open311Error> {
        let body = match self {
            Self::Json => serde_json::to_string(items).map_err(|e| failed(&e))?,
            Self::Xml => {
                let mut body = format!("{XML_DECLARATION}<{root}>");
                for one in items {
                    body.push_str(
                        &quick_xml::se::to_string_with_root(item, one).map_err(|e| failed(&e))?,
                    );
                }
                body.push_str(&format!("</{root}>"));
                body
            }
        };
        Ok(self.respond(StatusCode::OK, body))
    }

    /// One object: in XML, the element `root`.
    pub(crate) fn one<J: Serialize, X: Serialize>(
        self,
        root: &str,
        json: &J,
        xml: &X,
    ) -> Result<Response, Open311Error> {
        let body = match self {
            Self::Json => serde_json::to_string(json).map_err(|e| failed(&e))?,
            Self::Xml => format!(
                "{XML_DECLARATION}{}",
                quick_xml::se::to_string_with_root(root, xml).map_err(|e| failed(&e))?
            ),
        };
        Ok(self.respond(StatusCode::OK, body))
    }

    /// The refusal `e`, with its status.
    pub(crate) fn error(self, e: &Open311Error) -> Response {
        let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::BAD_REQUEST);
        let item = ErrorItem {
            code: e.status(),
            description: e.description(),
        };
        let body = match self {
            Self::Json => serde_json::to_string(&[&item]).ok(),
            Self::Xml => quick_xml::se::to_string_with_root("error", &item)
                .ok()
                .map(|one| format!("{XML_DECLARATION}<errors>{one}</errors>")),
        }
        .unwrap_or_default();
        let mut response = self.respond(status, body);
        if let Open311Error::Busy(wait) = e
            && let Ok(value) = HeaderValue::from_str(&wait.as_secs().max(1).to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }

    fn respond(self, status: StatusCode, body: String) -> Response {
        let mut response = (status, body).into_response();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(self.content_type()),
        );
        response
    }
}

/// One GeoReport v2 error.
#[derive(Serialize)]
struct ErrorItem {
    code: u16,
    description: String,
}

/// A serializer failed: a bug, logged once.
fn failed(e: &dyn std::error::Error) -> Open311Error {
    tracing::error!(error = %e, "an Open311 answer could not be written");
    Open311Error::Internal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_name_their_format() {
        assert_eq!(
            Format::split("services.xml"),
            Some(("services", Format::Xml))
        );
        assert_eq!(Format::split("a.b.json"), Some(("a.b", Format::Json)));
        assert_eq!(Format::split("services"), None);
        assert_eq!(Format::split("services.csv"), None);
    }
}
