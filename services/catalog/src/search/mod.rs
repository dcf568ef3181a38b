//! Search: query text handling and the per-tenant index.

mod index;
pub mod text;

pub use index::{Hit, IndexError, Snippet, TenantIndex};
