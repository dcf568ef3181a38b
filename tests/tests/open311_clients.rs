//! Open311 through published GeoReport v2 client libraries (civicbot and georeport, pinned in
//! `tests/open311/requirements.txt`) against the real binary, on SQLite and PostgreSQL: list
//! the services, file a request with an attribute, and read it back by id and by token.
//!
//! The libraries live in a virtual environment made on first use (`LOKET_OPEN311_VENV`,
//! by default `/var/tmp/loket-open311-py`) with `python3 -m venv` and pip; it is made again
//! when the requirements change. When it cannot be made the test fails: it never skips.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::path::{Path, PathBuf};

use loket_store::testing::TestDb;
use loket_tests::Loket;
use tokio::{process::Command, sync::Mutex};

/// The venv is made by one test at a time.
static VENV: Mutex<()> = Mutex::const_new(());

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("open311")
}

async fn run(program: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new(program)
        .args(args)
        .output()
        .await
        .map_err(|e| format!("{} could not run: {e}", program.display()))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if output.status.success() {
        Ok(text)
    } else {
        Err(format!("{} {args:?} failed:\n{text}", program.display()))
    }
}

/// The venv's python, with the pinned libraries installed.
async fn python() -> PathBuf {
    let _one = VENV.lock().await;
    let venv = std::env::var("LOKET_OPEN311_VENV").map_or_else(
        |_| PathBuf::from("/var/tmp/loket-open311-py"),
        PathBuf::from,
    );
    let requirements = here().join("requirements.txt");
    let wanted = std::fs::read_to_string(&requirements).expect("tests/open311/requirements.txt");
    let python = venv.join("bin/python");
    let marker = venv.join("loket-requirements.txt");
    if std::fs::read_to_string(&marker).ok().as_deref() == Some(wanted.as_str()) && python.is_file()
    {
        return python;
    }
    let made = async {
        run(
            Path::new("python3"),
            &["-m", "venv", "--clear", venv.to_str().unwrap()],
        )
        .await?;
        run(
            &python,
            &[
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                requirements.to_str().unwrap(),
            ],
        )
        .await
    }
    .await;
    if let Err(e) = made {
        panic!(
            "the Open311 client libraries could not be installed into {} \
             (python3 with venv and pip, and the package index, are needed):\n{e}",
            venv.display()
        );
    }
    std::fs::write(&marker, wanted).expect("write the venv's marker");
    python
}

async fn clients_file_and_read_back(loket: Loket) {
    let python = python().await;
    let script = here().join("client_roundtrip.py");
    let base = format!("{}/open311/v2", loket.base);
    let out = run(
        &python,
        &[
            script.to_str().unwrap(),
            &base,
            "enschede",
            loket.token("app"),
        ],
    )
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    let found: serde_json::Value = serde_json::from_str(out.trim()).expect("the script's JSON");
    let id = found["service_request_id"].as_str().unwrap();
    assert!(id.starts_with("ENS-"), "{found}");
    // What the libraries filed is there for Loket's own API too.
    let (status, body) = loket
        .graphql(
            None,
            Some("enschede"),
            &format!(
                "{{ report(reference: \"{id}\") {{ category {{ code }} status {{ code }} }} }}"
            ),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["data"]["report"]["category"]["code"], "container-vol");
    assert_eq!(body["data"]["report"]["status"]["code"], "gemeld");
}

#[tokio::test]
async fn open311_clients_on_sqlite() {
    clients_file_and_read_back(Loket::start(TestDb::sqlite_empty().await).await).await;
}

#[tokio::test]
async fn open311_clients_on_postgres() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    clients_file_and_read_back(Loket::start(db).await).await;
}
