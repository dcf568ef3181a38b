//! The gateway over HTTP, in-process: `me` and `tenant`, GraphQL-over-HTTP content negotiation
//! and status codes, request limits, `node`, `processingLog`, the operations endpoints, request
//! ids and CORS, the web frontend and its demo login. Each test prepares its own gateway on a
//! fresh SQLite database.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod cases;
mod catalog;
mod demo_login;
mod limits;
mod me;
mod negotiation;
mod node;
mod ops;
mod portal;
mod processing_log;
mod registry;
mod support;
mod tenant;
