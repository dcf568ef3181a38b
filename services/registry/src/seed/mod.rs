//! Deterministic, realistic demo and benchmark data.

pub mod model;
mod write;

pub use write::write_batch;
