//! The products-and-services catalogue (PDC).
//!
//! A national template (`tenants/_default/catalog.toml`) that every tenant gets, adjusted per
//! tenant in `tenants/<slug>/catalog.toml` (hide, override fields, add products and
//! synonyms) and by administrators at run time (`upsertProduct`, `hideProduct`). Search runs
//! on an in-memory tantivy index per tenant with Dutch stemming, a synonym table, typo
//! tolerance by word length, and weights that prefer title and search-term matches.

mod error;
pub mod graphql;
mod load;
pub mod model;
pub mod search;
mod service;

pub use error::CatalogError;
pub use load::{CatalogFiles, TenantCatalog, load};
pub use model::{Channel, Kind, Product, ProductChange, Synonym};
pub use service::{Catalog, Entry, Found, ProductInput, QueryCount, SearchPage, SearchReport};
