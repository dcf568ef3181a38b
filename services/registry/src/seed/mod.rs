//! Deterministic, realistic demo and benchmark data: `loket seed`, and the residents
//! `loket serve` puts in a fresh database.

pub mod generate;
pub mod model;
mod names;
mod store;
mod write;

pub use store::{SeedReport, residents, seed};
pub use write::write_batch;
