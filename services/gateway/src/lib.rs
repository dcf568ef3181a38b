//! The Loket gateway: one GraphQL endpoint for every partner municipality, its operations
//! surface, and the `loket` command (`serve`, `migrate`, `check`, `schema`, `token`).
//!
//! The gateway composes the services' GraphQL roots into one schema, turns each request's
//! bearer token into a [`loket_kernel::Ctx`] through [`loket_authz::Authz`], and hands that
//! context to the resolvers. It holds no state of its own, so any number of replicas can run.

pub mod anonymise;
pub mod benchmark;
pub mod cli;
pub mod config;
mod demo;
mod demo_cases;
pub mod dispatch;
mod fair;
pub mod graphql;
mod http;
mod links;
pub mod looks;
mod metrics;
mod output;
pub mod rates;
pub mod server;
mod telemetry;
