//! A real S3-compatible server for tests: moto's server mode, from PyPI, installed on first
//! use into a virtualenv outside the clone (`LOKET_S3_VENV`, default `/var/tmp/loket-s3-py`)
//! from `tests/s3/requirements.txt`, and reinstalled when that file changes. A test that needs
//! it fails when it cannot be installed or started; it is never skipped.

use std::{path::PathBuf, process::Stdio, time::Duration};

use tokio::process::{Child, Command};

const KEY_ID: &str = "loket-test";
const SECRET: &str = "loket-test-secret";
const REGION: &str = "eu-west-1";

/// The virtualenv holding moto.
fn venv() -> PathBuf {
    std::env::var_os("LOKET_S3_VENV")
        .map_or_else(|| PathBuf::from("/var/tmp/loket-s3-py"), PathBuf::from)
}

/// Creates the virtualenv and installs the pinned requirements unless they are installed.
async fn install() -> PathBuf {
    let venv = venv();
    let requirements = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("s3/requirements.txt");
    let wanted = std::fs::read_to_string(&requirements).expect("tests/s3/requirements.txt");
    let marker = venv.join("loket-requirements.txt");
    if std::fs::read_to_string(&marker).ok().as_deref() == Some(wanted.as_str()) {
        return venv;
    }
    let made = Command::new("python3")
        .args(["-m", "venv", "--clear"])
        .arg(&venv)
        .status()
        .await
        .expect("python3 runs");
    assert!(made.success(), "python3 -m venv {} failed", venv.display());
    let installed = Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", "--disable-pip-version-check", "-r"])
        .arg(&requirements)
        .status()
        .await
        .expect("pip runs");
    assert!(
        installed.success(),
        "pip install -r {} failed",
        requirements.display()
    );
    std::fs::write(&marker, wanted).expect("write the requirements marker");
    venv
}

/// A running moto server on 127.0.0.1; stopped when dropped.
pub struct S3Server {
    child: Child,
    port: u16,
}

impl S3Server {
    /// Installs moto if needed, starts it on a free port and waits until it answers.
    pub async fn start() -> Self {
        let _ = rustls::crypto::ring::default_provider().install_default();
        let venv = install().await;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(venv.join("bin/moto_server"))
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("moto_server starts");
        let server = Self { child, port };
        let client = reqwest::Client::new();
        let ready = tokio::time::timeout(Duration::from_secs(60), async {
            while client.get(server.url()).send().await.is_err() {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
        .await;
        assert!(ready.is_ok(), "moto_server did not answer within 60 s");
        server
    }

    /// The endpoint, `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Creates `bucket`.
    pub async fn create_bucket(&self, bucket: &str) {
        let response = reqwest::Client::new()
            .put(format!("{}/{bucket}", self.url()))
            .send()
            .await
            .expect("create bucket");
        assert!(response.status().is_success(), "{}", response.status());
    }

    /// The object `key` of `bucket`, if it is there, read as a signed client reads it.
    pub async fn object(&self, bucket: &str, key: &str) -> Option<Vec<u8>> {
        use object_store::ObjectStoreExt;
        let store = object_store::aws::AmazonS3Builder::new()
            .with_endpoint(self.url())
            .with_allow_http(true)
            .with_bucket_name(bucket)
            .with_region(REGION)
            .with_access_key_id(KEY_ID)
            .with_secret_access_key(SECRET)
            .build()
            .expect("an S3 client");
        let found = store.get(&object_store::path::Path::from(key)).await.ok()?;
        Some(found.bytes().await.expect("object body").to_vec())
    }

    /// The environment that points Loket's photo store at `bucket/prefix` here.
    pub fn env(&self, bucket: &str, prefix: &str) -> Vec<(&'static str, String)> {
        vec![
            ("LOKET_PHOTO_STORE", format!("s3://{bucket}/{prefix}")),
            ("AWS_ENDPOINT", self.url()),
            ("AWS_ALLOW_HTTP", "true".to_owned()),
            ("AWS_ACCESS_KEY_ID", KEY_ID.to_owned()),
            ("AWS_SECRET_ACCESS_KEY", SECRET.to_owned()),
            ("AWS_REGION", REGION.to_owned()),
        ]
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.start_kill();
    }
}
