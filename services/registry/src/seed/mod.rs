//! Deterministic, realistic demo and benchmark data.

pub mod model;
