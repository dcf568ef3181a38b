//! The `loket` command's offline subcommands. Having an integration test here also makes
//! `cargo test --workspace` build the binary that the end-to-end tests in `tests/` start.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::{path::Path, process::Command};

fn loket(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_loket"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn schema_prints_the_committed_sdl() {
    let (code, sdl, _) = loket(&["schema"]);
    assert_eq!(code, 0);
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/schema.graphql"),
    )
    .unwrap();
    assert!(
        sdl == committed,
        "schema/schema.graphql is stale: run `loket schema > schema/schema.graphql`"
    );
    for name in [
        "me: Me!",
        "tenant: Tenant!",
        "node(id: ID!): Node!",
        "interface Node",
    ] {
        assert!(sdl.contains(name), "{name} missing from the SDL");
    }
}

#[test]
fn token_refuses_bad_arguments_with_the_flag_named() {
    let tenants = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
    let tenants = tenants.to_str().unwrap();
    let (code, _, err) = loket(&[
        "token",
        "--tenant",
        "nowhere",
        "--role",
        "admin",
        "--tenants",
        tenants,
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--tenant: no tenant nowhere"), "{err}");
    let (code, _, err) = loket(&[
        "token",
        "--tenant",
        "enschede",
        "--role",
        "citizen",
        "--bsn",
        "123456789",
        "--tenants",
        tenants,
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("--bsn"), "{err}");
}

#[test]
fn migrate_refuses_an_unknown_database_scheme() {
    let (code, _, err) = loket(&["migrate", "--database", "mysql://root@localhost/loket"]);
    assert_eq!(code, 1);
    assert!(err.contains("unsupported database URL"), "{err}");
}

#[test]
fn processing_log_keeps_the_demo_tenants_to_their_retention() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/loket.db", dir.path().display());
    let tenants = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
    let (code, out, err) = loket(&[
        "processing-log",
        "--database",
        &url,
        "--tenants",
        tenants.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("processing log maintained"), "{out}");
    let (code, _, err) = loket(&["processing-log", "--months-ahead", "99"]);
    assert_ne!(code, 0);
    assert!(err.contains("--months-ahead"), "{err}");
}
