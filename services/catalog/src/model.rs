//! Products and synonyms as the catalogue files describe them.

use loket_kernel::Loa;
use serde::{Deserialize, Serialize};

/// Whether a product only informs, or starts a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Information only.
    Information,
    /// A request, usually starting a case of `case_type`.
    Transaction,
}

/// How a product can be obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// Online, with a login at the product's level of assurance.
    Online,
    /// By phone.
    Phone,
    /// At the counter, walk in.
    Counter,
    /// At the counter, by appointment only.
    CounterByAppointment,
}

/// A product or service of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Code: lowercase letters, digits and dashes; the case types name products by it.
    pub code: String,
    /// The title residents see.
    pub name: String,
    /// Information or transaction.
    pub kind: Kind,
    /// The case type a request starts.
    #[serde(default)]
    pub case_type: Option<String>,
    /// A summary in English.
    pub summary_en: String,
    /// What it is and how it works.
    pub description: String,
    /// Who can, and what to bring.
    pub conditions: String,
    /// The cost as shown.
    pub cost: String,
    /// The main amount in euro cents, when one can be named.
    #[serde(default)]
    pub cost_cents: Option<i64>,
    /// Delivery time as shown.
    pub delivery: String,
    /// How it can be obtained.
    pub channels: Vec<Channel>,
    /// The login level needed online.
    #[serde(default)]
    pub online_loa: Option<Loa>,
    /// What residents type when they look for it.
    #[serde(default)]
    pub search_terms: Vec<String>,
}

/// Fields a tenant (or an administrator) may change on a product; absent fields stay.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductChange {
    /// The product changed.
    pub code: String,
    /// New title.
    #[serde(default)]
    pub name: Option<String>,
    /// New case type.
    #[serde(default)]
    pub case_type: Option<String>,
    /// New English summary.
    #[serde(default)]
    pub summary_en: Option<String>,
    /// New description.
    #[serde(default)]
    pub description: Option<String>,
    /// New conditions.
    #[serde(default)]
    pub conditions: Option<String>,
    /// New cost text.
    #[serde(default)]
    pub cost: Option<String>,
    /// New amount.
    #[serde(default)]
    pub cost_cents: Option<i64>,
    /// New delivery time.
    #[serde(default)]
    pub delivery: Option<String>,
    /// New channels.
    #[serde(default)]
    pub channels: Option<Vec<Channel>>,
    /// New login level.
    #[serde(default)]
    pub online_loa: Option<Loa>,
    /// New search terms.
    #[serde(default)]
    pub search_terms: Option<Vec<String>>,
}

impl ProductChange {
    /// `product` with this change applied.
    pub fn apply(&self, product: &Product) -> Product {
        let mut p = product.clone();
        let set = |target: &mut String, value: &Option<String>| {
            if let Some(v) = value {
                target.clone_from(v);
            }
        };
        set(&mut p.name, &self.name);
        set(&mut p.summary_en, &self.summary_en);
        set(&mut p.description, &self.description);
        set(&mut p.conditions, &self.conditions);
        set(&mut p.cost, &self.cost);
        set(&mut p.delivery, &self.delivery);
        if let Some(case_type) = &self.case_type {
            // An empty case type takes the product's away.
            p.case_type = Some(case_type.trim())
                .filter(|t| !t.is_empty())
                .map(str::to_owned);
        }
        if self.cost_cents.is_some() {
            p.cost_cents = self.cost_cents;
        }
        if let Some(channels) = &self.channels {
            p.channels.clone_from(channels);
            // Without the online channel there is no login level to name.
            if !channels.contains(&Channel::Online) {
                p.online_loa = None;
            }
        }
        if self.online_loa.is_some() {
            p.online_loa = self.online_loa;
        }
        if let Some(terms) = &self.search_terms {
            p.search_terms.clone_from(terms);
        }
        p
    }
}

/// A synonym entry: terms that find each other, or a resident's words for official ones.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Synonym {
    /// Each term finds the others.
    Equivalent {
        /// The terms.
        terms: Vec<String>,
    },
    /// `from` finds `to`, not the other way round.
    OneWay {
        /// What residents type.
        from: Vec<String>,
        /// What the catalogue calls it.
        to: Vec<String>,
    },
}

/// What is wrong with a product on its own, in words an administrator understands, each
/// with the input field at fault (as `upsertProduct` names it).
pub fn problems(p: &Product) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    let code = &p.code;
    let segment = !code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !segment {
        out.push((
            "code",
            format!("product code {code:?}: use lowercase letters, digits and dashes"),
        ));
    }
    for (field, name, value) in [
        ("name", "name", &p.name),
        ("summaryEn", "summary_en", &p.summary_en),
        ("description", "description", &p.description),
    ] {
        if value.trim().is_empty() {
            out.push((field, format!("{code}: {name} is empty")));
        }
    }
    if p.channels.is_empty() {
        out.push(("channels", format!("{code}: name at least one channel")));
    }
    let online = p.channels.contains(&Channel::Online);
    if online != p.online_loa.is_some() {
        out.push((
            "onlineLevelOfAssurance",
            format!("{code}: online_loa is needed exactly when \"online\" is a channel"),
        ));
    }
    if p.case_type.is_some() && p.kind != Kind::Transaction {
        out.push((
            "caseType",
            format!("{code}: only a transaction starts a case type"),
        ));
    }
    if p.cost_cents.is_some_and(|c| c < 0) {
        out.push((
            "costCents",
            format!("{code}: cost_cents cannot be negative"),
        ));
    }
    out
}
