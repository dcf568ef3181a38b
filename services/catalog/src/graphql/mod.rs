//! GraphQL for the catalogue: `products(search:)`, `product`, `searchReport`, and the
//! mutations `upsertProduct`, `hideProduct` and `reportSearchChoice`.

mod mutation;
mod product;
mod query;

pub use mutation::CatalogMutation;
pub use product::{Product, ProductConnection};
pub use query::CatalogQuery;
