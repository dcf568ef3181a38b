//! Prometheus metrics: GraphQL requests by operation, tenant and outcome, other HTTP requests
//! (Open311, the public map) by endpoint, request latency, policy
//! denials, and the operations running and waiting for a turn. The recorder is process-wide
//! and installed once.

use std::{sync::OnceLock, time::Duration};

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

const REQUESTS: &str = "loket_graphql_requests_total";
const LATENCY: &str = "loket_graphql_request_duration_seconds";
const DENIALS: &str = "loket_policy_denials_total";
const OUTBOX: &str = "loket_outbox_pending";
const TRANSACTIONS: &str = "loket_db_transactions_total";
const STATEMENTS: &str = "loket_db_statements_total";
const RUNNING: &str = "loket_operations_running";
const WAITING: &str = "loket_operations_waiting";
const HTTP_REQUESTS: &str = "loket_http_requests_total";
const HTTP_LATENCY: &str = "loket_http_request_duration_seconds";

/// The process's metrics handle, installing the recorder on first use.
pub(crate) fn handle() -> Option<&'static PrometheusHandle> {
    static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let buckets = [
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ];
            let installed = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Full(LATENCY.to_owned()), &buckets)
                .and_then(|b| {
                    b.set_buckets_for_metric(Matcher::Full(HTTP_LATENCY.to_owned()), &buckets)
                })
                .and_then(|b| b.install_recorder());
            match installed {
                Ok(handle) => {
                    metrics::describe_counter!(
                        REQUESTS,
                        "GraphQL requests by operation, tenant and outcome"
                    );
                    metrics::describe_histogram!(
                        LATENCY,
                        metrics::Unit::Seconds,
                        "GraphQL request latency"
                    );
                    metrics::describe_counter!(DENIALS, "Requests refused by tenant policy");
                    metrics::describe_gauge!(
                        OUTBOX,
                        "Outbox events waiting for delivery, by tenant"
                    );
                    metrics::describe_counter!(
                        TRANSACTIONS,
                        "Database transactions begun by GraphQL requests, by operation"
                    );
                    metrics::describe_counter!(
                        STATEMENTS,
                        "Database statements (round trips) of GraphQL requests, by operation"
                    );
                    metrics::describe_gauge!(
                        RUNNING,
                        "GraphQL operations running, as last seen when one was admitted"
                    );
                    metrics::describe_gauge!(
                        WAITING,
                        "GraphQL operations waiting for their turn, as last seen when one was admitted"
                    );
                    metrics::describe_counter!(
                        HTTP_REQUESTS,
                        "Requests outside GraphQL (Open311, the public map) by endpoint, tenant and outcome"
                    );
                    metrics::describe_histogram!(
                        HTTP_LATENCY,
                        metrics::Unit::Seconds,
                        "Latency of requests outside GraphQL, by endpoint"
                    );
                    Some(handle)
                }
                Err(e) => {
                    tracing::warn!(error = %e, "metrics recorder not installed");
                    None
                }
            }
        })
        .as_ref()
}

/// Counts one GraphQL request.
pub(crate) fn request(operation: &str, tenant: &str, outcome: &'static str, elapsed: Duration) {
    let labels = [
        ("operation", operation.to_owned()),
        ("tenant", tenant.to_owned()),
        ("outcome", outcome.to_owned()),
    ];
    metrics::counter!(REQUESTS, &labels).increment(1);
    metrics::histogram!(LATENCY, "operation" => operation.to_owned()).record(elapsed.as_secs_f64());
}

/// Counts one request outside GraphQL: `endpoint` is a fixed name (`open311.requests`),
/// never a path, so the labels stay bounded.
pub(crate) fn http(endpoint: &'static str, tenant: &str, outcome: &'static str, elapsed: Duration) {
    let labels = [
        ("endpoint", endpoint.to_owned()),
        ("tenant", tenant.to_owned()),
        ("outcome", outcome.to_owned()),
    ];
    metrics::counter!(HTTP_REQUESTS, &labels).increment(1);
    metrics::histogram!(HTTP_LATENCY, "endpoint" => endpoint).record(elapsed.as_secs_f64());
}

/// Counts the transactions and statements of one request.
pub(crate) fn database(operation: &str, counts: &loket_store::Counts) {
    metrics::counter!(TRANSACTIONS, "operation" => operation.to_owned())
        .increment(u64::from(counts.transactions()));
    metrics::counter!(STATEMENTS, "operation" => operation.to_owned())
        .increment(u64::from(counts.statements()));
}

/// Counts one policy denial.
pub(crate) fn policy_denied(tenant: &str) {
    metrics::counter!(DENIALS, "tenant" => tenant.to_owned()).increment(1);
}

/// Sets the outbox depth of one tenant.
pub(crate) fn outbox_pending(tenant: &str, pending: u64) {
    metrics::gauge!(OUTBOX, "tenant" => tenant.to_owned()).set(pending as f64);
}

/// Records how many operations run and wait, as a turn is given.
pub(crate) fn operations((running, waiting): (usize, usize)) {
    metrics::gauge!(RUNNING).set(running as f64);
    metrics::gauge!(WAITING).set(waiting as f64);
}
