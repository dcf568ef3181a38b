//! The `Product` type and the search result connection.

use async_graphql::{
    Enum, ID, Object, SimpleObject,
    connection::{Connection, Edge},
};
use loket_kernel::{
    global_id,
    page::{Offset, Page, cursor},
};

use crate::{Channel, Entry, Found, Kind, Product as Model, SearchPage, search::Snippet};

/// Information or a request.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "ProductKind")]
pub enum GqlKind {
    /// Information only.
    Information,
    /// A request that usually starts a case.
    Transaction,
}

impl From<Kind> for GqlKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Information => Self::Information,
            Kind::Transaction => Self::Transaction,
        }
    }
}

impl From<GqlKind> for Kind {
    fn from(k: GqlKind) -> Self {
        match k {
            GqlKind::Information => Self::Information,
            GqlKind::Transaction => Self::Transaction,
        }
    }
}

/// How a product can be obtained.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "ProductChannel")]
pub enum GqlChannel {
    /// Online.
    Online,
    /// By phone.
    Phone,
    /// At the counter, walk in.
    Counter,
    /// At the counter, by appointment only.
    CounterByAppointment,
}

impl From<Channel> for GqlChannel {
    fn from(c: Channel) -> Self {
        match c {
            Channel::Online => Self::Online,
            Channel::Phone => Self::Phone,
            Channel::Counter => Self::Counter,
            Channel::CounterByAppointment => Self::CounterByAppointment,
        }
    }
}

impl From<GqlChannel> for Channel {
    fn from(c: GqlChannel) -> Self {
        match c {
            GqlChannel::Online => Self::Online,
            GqlChannel::Phone => Self::Phone,
            GqlChannel::Counter => Self::Counter,
            GqlChannel::CounterByAppointment => Self::CounterByAppointment,
        }
    }
}

/// A product or service of the municipality.
pub struct Product {
    tenant: String,
    model: Model,
    hidden: bool,
}

impl Product {
    /// The product as `tenant` offers it, or (`hidden`) keeps it from residents.
    pub fn new(tenant: &str, model: Model, hidden: bool) -> Self {
        Self {
            tenant: tenant.to_owned(),
            model,
            hidden,
        }
    }
}

impl From<(&str, Entry)> for Product {
    fn from((tenant, entry): (&str, Entry)) -> Self {
        Self::new(tenant, entry.product, entry.hidden)
    }
}

#[Object]
impl Product {
    /// Global id.
    async fn id(&self) -> ID {
        ID(global_id::encode(
            "Product",
            &format!("{}/{}", self.tenant, self.model.code),
        ))
    }
    /// Code, for example `paspoort`; `submitRequest` takes it.
    async fn code(&self) -> &str {
        &self.model.code
    }
    /// Title.
    async fn name(&self) -> &str {
        &self.model.name
    }
    /// Information or a request.
    async fn kind(&self) -> GqlKind {
        self.model.kind.into()
    }
    /// The case type a request starts.
    async fn case_type(&self) -> Option<&str> {
        self.model.case_type.as_deref()
    }
    /// Summary in English.
    async fn summary_en(&self) -> &str {
        &self.model.summary_en
    }
    /// What it is and how it works.
    async fn description(&self) -> &str {
        &self.model.description
    }
    /// Who can, and what to bring.
    async fn conditions(&self) -> &str {
        &self.model.conditions
    }
    /// Cost as shown.
    async fn cost(&self) -> &str {
        &self.model.cost
    }
    /// The main amount in euro cents, where one can be named.
    async fn cost_cents(&self) -> Option<i64> {
        self.model.cost_cents
    }
    /// Delivery time as shown.
    async fn delivery(&self) -> &str {
        &self.model.delivery
    }
    /// How it can be obtained.
    async fn channels(&self) -> Vec<GqlChannel> {
        self.model.channels.iter().map(|c| (*c).into()).collect()
    }
    /// The login level needed online (`low`, `substantial`, `high`).
    async fn online_level_of_assurance(&self) -> Option<&'static str> {
        self.model.online_loa.map(loket_kernel::Loa::as_str)
    }
    /// Words residents use for it.
    async fn search_terms(&self) -> &[String] {
        &self.model.search_terms
    }
    /// Hidden from the municipality's catalogue (only administrators see such a product).
    async fn hidden(&self) -> bool {
        self.hidden
    }
}

/// Part of a product's text around the words found.
#[derive(SimpleObject)]
pub struct SearchSnippet {
    /// The text.
    text: String,
    /// The text with the words found in `<b>` tags, HTML-escaped.
    html: String,
}

impl From<Snippet> for SearchSnippet {
    fn from(s: Snippet) -> Self {
        let mut html = String::new();
        let mut at = 0;
        for (start, end) in &s.highlighted {
            if let (Some(before), Some(word)) = (s.text.get(at..*start), s.text.get(*start..*end)) {
                html.push_str(&escape(before));
                html.push_str("<b>");
                html.push_str(&escape(word));
                html.push_str("</b>");
                at = *end;
            }
        }
        html.push_str(&escape(s.text.get(at..).unwrap_or_default()));
        Self { text: s.text, html }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Why a product was found.
#[derive(SimpleObject)]
pub struct SearchHit {
    /// Relevance (null when browsing without a search).
    score: Option<f32>,
    /// Where the words were found (null when browsing).
    snippet: Option<SearchSnippet>,
}

/// How many products match.
#[derive(SimpleObject)]
pub struct ProductCounts {
    /// All matches.
    total_count: usize,
}

/// A page of products.
pub type ProductConnection = Connection<String, Product, ProductCounts, SearchHit>;

/// Search results as a connection.
pub(crate) fn connection(
    tenant: &str,
    page: &Page<Offset>,
    found: SearchPage,
) -> ProductConnection {
    let has_next = page.offset().saturating_add(found.found.len()) < found.total;
    let mut connection = Connection::with_additional_fields(
        page.after.is_some(),
        has_next,
        ProductCounts {
            total_count: found.total,
        },
    );
    connection.edges.extend(
        found
            .found
            .into_iter()
            .enumerate()
            .map(|(i, f): (usize, Found)| {
                Edge::with_additional_fields(
                    cursor(&page.position(i)),
                    Product::new(tenant, f.product, f.hidden),
                    SearchHit {
                        score: f.score,
                        snippet: f.snippet.map(Into::into),
                    },
                )
            }),
    );
    connection
}
