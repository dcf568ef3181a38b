//! The relevance table (`relevance.toml`): real queries with the product a resident should
//! find first. Precision at 1 over the table must be at least 90 %; the figure and every miss
//! are printed.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly and reports its figure"
)]

mod support;

use serde::Deserialize;
use support::World;

#[derive(Deserialize)]
struct Table {
    query: Vec<Row>,
}

#[derive(Deserialize)]
struct Row {
    text: String,
    expected: String,
    tenant: Option<String>,
}

#[tokio::test]
async fn precision_at_one_is_at_least_ninety_percent() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/relevance.toml"))
            .unwrap();
    let table: Table = toml::from_str(&text).unwrap();
    assert!(
        table.query.len() >= 40,
        "the table holds {} queries",
        table.query.len()
    );
    let w = World::sqlite().await;
    let mut hits = 0;
    let mut misses = Vec::new();
    for row in &table.query {
        let tenant = row.tenant.as_deref().unwrap_or("enschede");
        let found = w.codes(&w.anonymous(tenant), &row.text).await;
        if found.first() == Some(&row.expected) {
            hits += 1;
        } else {
            misses.push(format!(
                "{:?} ({tenant}): expected {}, got {:?}",
                row.text,
                row.expected,
                found.iter().take(3).collect::<Vec<_>>()
            ));
        }
    }
    let precision = f64::from(hits) / table.query.len() as f64;
    println!(
        "precision at 1: {hits}/{} = {:.1} %",
        table.query.len(),
        precision * 100.0
    );
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(
        precision >= 0.9,
        "precision at 1 {:.1} % < 90 %:\n{}",
        precision * 100.0,
        misses.join("\n")
    );
}
