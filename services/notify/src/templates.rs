//! Message texts per tenant and language: `tenants/_default/notifications.toml` holds the
//! national texts, a tenant's own `notifications.toml` replaces any of them. Texts are
//! minijinja templates filled with the event's attributes.

use std::{
    collections::{BTreeMap, HashMap},
    fs,
    path::Path,
};

use loket_kernel::{
    TenantId,
    config::{ConfigError, TenantSet, line_at, line_of_key, parse_toml},
};
use minijinja::Environment;
use serde::Deserialize;

use crate::{NotifyError, model::Channel};

/// The file name, in `_default/` and in each tenant folder.
pub const FILE: &str = "notifications.toml";

/// Message kinds the national file must define (in its first language, Dutch).
pub const KINDS: [&str; 14] = [
    "case.created",
    "case.status_changed",
    "case.decided",
    "near-me.created",
    "near-me.decided",
    "reminder.travel-document",
    "appointment.booked",
    "appointment.rescheduled",
    "appointment.cancelled",
    "appointment.reminder",
    "report.received",
    "report.joined",
    "report.status_changed",
    "report.closed",
];

/// The language every message exists in.
const BASE_LANGUAGE: &str = "nl";

/// One message's texts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Text {
    /// E-mail subject.
    subject: String,
    /// E-mail body.
    text: String,
    /// Text message (keep it under 160 characters).
    sms: String,
}

/// Language → kind → texts.
type Texts = BTreeMap<String, BTreeMap<String, Text>>;

/// A rendered message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// Subject (e-mail only).
    pub subject: Option<String>,
    /// Body.
    pub body: String,
}

/// Every tenant's message texts, checked.
#[derive(Debug)]
pub struct Templates {
    tenants: HashMap<TenantId, (Texts, String)>,
    env: Environment<'static>,
}

/// Loads the national texts and every tenant's replacements; every template must compile.
pub fn load(tenants: &TenantSet) -> Result<Templates, Vec<ConfigError>> {
    let mut errors = Vec::new();
    let national_file = tenants.root.join("_default").join(FILE);
    let national = read(&national_file, &mut errors);
    if let Some(base) = national.get(BASE_LANGUAGE) {
        for kind in KINDS {
            if !base.contains_key(kind) {
                errors.push(ConfigError::new(
                    &national_file,
                    1,
                    format!("[{BASE_LANGUAGE}.\"{kind}\"] is missing"),
                ));
            }
        }
    } else {
        errors.push(ConfigError::new(
            &national_file,
            1,
            format!("the national texts need a [{BASE_LANGUAGE}.\"...\"] table per message"),
        ));
    }
    let mut out = HashMap::new();
    for (slug, config) in &tenants.tenants {
        let mut texts = national.clone();
        let file = tenants.root.join(slug.as_str()).join(FILE);
        if file.is_file() {
            for (language, kinds) in read(&file, &mut errors) {
                texts.entry(language).or_default().extend(kinds);
            }
        }
        missing_languages(&config.languages, &texts, &config.dir, &mut errors);
        let default_language = config
            .languages
            .first()
            .cloned()
            .unwrap_or_else(|| BASE_LANGUAGE.to_owned());
        out.insert(slug.clone(), (texts, default_language));
    }
    if errors.is_empty() {
        Ok(Templates {
            tenants: out,
            env: Environment::new(),
        })
    } else {
        Err(errors)
    }
}

/// Every language a tenant lists must have every message: a resident who picks it gets all of
/// them in it.
fn missing_languages(
    languages: &[String],
    texts: &Texts,
    dir: &Path,
    errors: &mut Vec<ConfigError>,
) {
    for language in languages {
        let missing: Vec<&str> = KINDS
            .into_iter()
            .filter(|kind| {
                !texts
                    .get(language)
                    .is_some_and(|kinds| kinds.contains_key(*kind))
            })
            .collect();
        if missing.is_empty() {
            continue;
        }
        let file = dir.join("tenant.toml");
        let line =
            fs::read_to_string(&file).map_or(1, |text| line_of_key(&text, "languages").max(1));
        errors.push(ConfigError::new(
            &file,
            line,
            format!(
                "languages lists {language:?}, but there are no {language:?} notification texts for {}; \
                 add them to {FILE} in this folder or in _default",
                missing.join(", ")
            ),
        ));
    }
}

fn read(file: &Path, errors: &mut Vec<ConfigError>) -> Texts {
    let Some((texts, source)) = parse_toml::<Texts>(file, errors) else {
        return Texts::new();
    };
    let env = Environment::new();
    for (language, kinds) in &texts {
        for (kind, text) in kinds {
            let line = source
                .find(&format!("\"{kind}\""))
                .map_or(1, |offset| line_at(&source, offset));
            if !KINDS.contains(&kind.as_str()) {
                errors.push(ConfigError::new(
                    file,
                    line,
                    format!("unknown message {kind:?}; known: {}", KINDS.join(", ")),
                ));
            }
            for (field, template) in [
                ("subject", &text.subject),
                ("text", &text.text),
                ("sms", &text.sms),
            ] {
                if let Err(e) = env.template_from_str(template) {
                    errors.push(ConfigError::new(
                        file,
                        line,
                        format!("[{language}.\"{kind}\"] {field}: {e}"),
                    ));
                }
            }
        }
    }
    texts
}

impl Templates {
    /// The tenant's `kind` message in `language` (else the tenant's default language, else
    /// Dutch) for `channel`, filled with `context`.
    pub fn render(
        &self,
        tenant: &TenantId,
        language: &str,
        kind: &str,
        channel: Channel,
        context: &serde_json::Value,
    ) -> Result<Rendered, NotifyError> {
        let failed = |message: String| NotifyError::Template {
            name: format!("{tenant}/{language}/{kind}"),
            message,
        };
        let (texts, default_language) = self
            .tenants
            .get(tenant)
            .ok_or_else(|| failed("no texts for this tenant".into()))?;
        let text = [language, default_language.as_str(), BASE_LANGUAGE]
            .iter()
            .find_map(|l| texts.get(*l).and_then(|kinds| kinds.get(kind)))
            .ok_or_else(|| failed("no text for this message".into()))?;
        let fill = |template: &str| {
            self.env
                .render_str(template, context)
                .map(|s| s.trim().to_owned())
                .map_err(|e| failed(e.to_string()))
        };
        Ok(match channel {
            Channel::Email | Channel::Log => Rendered {
                subject: Some(fill(&text.subject)?),
                body: fill(&text.text)?,
            },
            Channel::Sms | Channel::Webhook => Rendered {
                subject: None,
                body: fill(&text.sms)?,
            },
        })
    }

    /// Whether the tenant has texts in `language`.
    pub fn speaks(&self, tenant: &TenantId, language: &str) -> bool {
        self.tenants
            .get(tenant)
            .is_some_and(|(texts, _)| texts.contains_key(language))
    }

    /// The tenant's default language.
    pub fn default_language(&self, tenant: &TenantId) -> &str {
        self.tenants
            .get(tenant)
            .map_or(BASE_LANGUAGE, |(_, language)| language.as_str())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "a test fails loudly")]

    use std::path::PathBuf;

    use loket_kernel::config::load_dir;

    use super::*;

    fn demo() -> (Templates, TenantSet) {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
        let tenants = load_dir(&root).unwrap();
        (load(&tenants).unwrap(), tenants)
    }

    fn slug(tenants: &TenantSet, name: &str) -> TenantId {
        tenants
            .tenants
            .keys()
            .find(|s| s.as_str() == name)
            .unwrap()
            .clone()
    }

    #[test]
    fn enschede_writes_german_and_others_fall_back_to_their_default() {
        let (templates, tenants) = demo();
        let context = serde_json::json!({
            "municipality": "Gemeente Enschede",
            "reference": "Z-2026-000001",
            "caseTypeName": "Omgevingsvergunning bouwen",
        });
        let enschede = slug(&tenants, "enschede");
        assert!(templates.speaks(&enschede, "de"));
        let german = templates
            .render(&enschede, "de", "case.created", Channel::Sms, &context)
            .unwrap();
        assert_eq!(
            german.body,
            "Gemeente Enschede: Wir haben Ihren Antrag Omgevingsvergunning bouwen \
             (Z-2026-000001) erhalten."
        );
        // Dutch and English stay the national texts.
        let dutch = templates
            .render(&enschede, "nl", "case.created", Channel::Email, &context)
            .unwrap();
        assert_eq!(
            dutch.subject.as_deref(),
            Some("We hebben uw aanvraag Z-2026-000001 ontvangen")
        );
        let haarlem = slug(&tenants, "haarlem");
        assert!(!templates.speaks(&haarlem, "de"));
        let fallback = templates
            .render(&haarlem, "de", "case.created", Channel::Sms, &context)
            .unwrap();
        assert!(
            fallback.body.contains("we hebben uw aanvraag"),
            "{fallback:?}"
        );
    }
}
