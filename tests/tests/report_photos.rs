#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

//! Photos with reports through the real binary, stored in a real folder on SQLite and
//! PostgreSQL, and in real S3-compatible storage (moto's server): uploaded without logging in and kept without their EXIF location, text chunks
//! or comments; attached by the report filed with their ids; listed and fetched by staff who
//! may read the report and by no one else; never part of the public view; refused with the
//! reason for other types, a wrong declared type, too many bytes, an unknown id, or a photo
//! that already belongs to another report.

use loket_store::testing::TestDb;
use loket_tests::{
    Loket, eventually,
    reports::{ENSCHEDE, gql},
    s3::S3Server,
};
use serde_json::{Value, json};

const JPEG: &[u8] = include_bytes!("../fixtures/photos/photo-with-location.jpg");
const PNG: &[u8] = include_bytes!("../fixtures/photos/photo-with-text.png");

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Uploads `body` as `content_type` without logging in; the status and the JSON answer.
async fn upload(loket: &Loket, content_type: &str, body: Vec<u8>) -> (u16, Value) {
    let response = loket
        .client()
        .post(format!("{}/reports/photos", loket.base))
        .header("loket-tenant", "enschede")
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

/// Files a report at `at` with `photos`, without logging in; the whole answer.
async fn file(loket: &Loket, at: (f64, f64), photos: &[&str]) -> Value {
    let (_, body) = loket
        .graphql_with(
            None,
            Some("enschede"),
            "mutation ($i: FileReportInput!) { fileReport(input: $i) { report { reference } } }",
            json!({ "i": {
                "category": "bestrating",
                "location": { "lat": at.0, "lon": at.1 },
                "description": "Een losliggende stoeptegel.",
                "attributes": [{ "code": "gevaarlijk", "value": "ja" }],
                "reporter": { "email": "foto@example.org" },
                "photos": photos,
            }}),
        )
        .await;
    body
}

fn refusal(body: &Value) -> (String, String) {
    let error = &body["errors"][0]["extensions"];
    (
        error["code"].as_str().unwrap_or_default().to_owned(),
        error["field"].as_str().unwrap_or_default().to_owned(),
    )
}

async fn fetch(loket: &Loket, url: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = loket.client().get(format!("{}{url}", loket.base));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

/// Where the photos go.
enum Store {
    Folder(tempfile::TempDir),
    S3(S3Server),
}

const BUCKET: &str = "loket-photos";

impl Store {
    fn env(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::Folder(dir) => vec![("LOKET_PHOTO_STORE", dir.path().display().to_string())],
            Self::S3(server) => server.env(BUCKET, "reports"),
        }
    }

    /// What the store holds for photo `id` of Enschede.
    async fn stored(&self, id: &str) -> Vec<u8> {
        let key = format!("photos/enschede/{id}");
        match self {
            Self::Folder(dir) => std::fs::read(dir.path().join(key)).unwrap(),
            Self::S3(server) => server
                .object(BUCKET, &format!("reports/{key}"))
                .await
                .unwrap(),
        }
    }
}

async fn photos_with_reports(db: TestDb, store: Store) {
    let mut env = store.env();
    env.push(("LOKET_MAX_PHOTO_BYTES", "100000".to_owned()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let loket = Loket::start_with(db, &loket_tests::tenants_dir(), &env).await;
    let at = ENSCHEDE;

    // Uploaded without logging in; kept without metadata.
    let (status, jpeg) = upload(&loket, "image/jpeg", JPEG.to_vec()).await;
    assert_eq!(status, 201, "{jpeg}");
    assert_eq!(jpeg["contentType"], "image/jpeg");
    assert!(
        jpeg["bytes"].as_u64().unwrap() < JPEG.len() as u64,
        "{jpeg}"
    );
    let jpeg_id = jpeg["photo"].as_str().unwrap().to_owned();
    let stored = store.stored(&jpeg_id).await;
    assert!(!contains(&stored, b"Exif") && !contains(&stored, b"taken at home"));
    let (status, png) = upload(&loket, "image/png", PNG.to_vec()).await;
    assert_eq!(status, 201, "{png}");
    let png_id = png["photo"].as_str().unwrap().to_owned();

    // Refused, with the reason.
    let (status, gif) = upload(&loket, "image/gif", b"GIF89a\x01\0\x01\0".to_vec()).await;
    assert_eq!(
        (status, refusal(&gif)),
        (415, ("BAD_USER_INPUT".into(), "photo".into()))
    );
    let (status, wrong) = upload(&loket, "image/png", JPEG.to_vec()).await;
    assert_eq!(status, 415, "{wrong}");
    let (status, large) = upload(&loket, "image/jpeg", vec![0xFF; 300_000]).await;
    assert_eq!(status, 413, "{large}");
    assert!(
        large["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("100000 bytes")
    );
    let (status, empty) = upload(&loket, "image/jpeg", Vec::new()).await;
    assert_eq!(status, 400, "{empty}");

    // Attached by the report filed with their ids.
    let filed = file(&loket, at, &[&jpeg_id, &png_id]).await;
    let reference = filed["data"]["fileReport"]["report"]["reference"]
        .as_str()
        .unwrap_or_else(|| panic!("{filed}"))
        .to_owned();

    // A photo belongs to one report; an unknown id or too many are refused.
    let again = file(&loket, at, &[&jpeg_id]).await;
    assert_eq!(
        refusal(&again),
        ("BAD_USER_INPUT".into(), "photos".into()),
        "{again}"
    );
    let unknown = file(&loket, at, &["0190a0b0-0000-4000-8000-000000000000"]).await;
    assert_eq!(
        refusal(&unknown),
        ("BAD_USER_INPUT".into(), "photos".into()),
        "{unknown}"
    );
    let not_an_id = file(&loket, at, &["../../etc/passwd"]).await;
    assert_eq!(
        refusal(&not_an_id),
        ("BAD_USER_INPUT".into(), "photos".into())
    );
    let many = file(&loket, at, &[&png_id, &jpeg_id, "a", "b"]).await;
    assert_eq!(refusal(&many).1, "photos", "{many}");

    // The public view has no photos at all.
    let (_, public) = loket
        .graphql_with(
            None,
            Some("enschede"),
            "query ($r: String!) { report(reference: $r) { photos { id } } }",
            json!({ "r": reference }),
        )
        .await;
    assert!(
        public["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("photos"),
        "{public}"
    );

    // Staff who may read the report list and fetch them.
    let backoffice = loket.token("backoffice").to_owned();
    let case = gql(
        &loket,
        Some(&backoffice),
        "query ($r: String!) { case(reference: $r) { photos { id contentType bytes url } } }",
        json!({ "r": reference }),
    )
    .await;
    let photos = case["case"]["photos"].as_array().unwrap().clone();
    assert_eq!(photos.len(), 2, "{case}");
    let jpeg_entry = photos.iter().find(|p| p["id"] == jpeg_id.as_str()).unwrap();
    assert_eq!(jpeg_entry["contentType"], "image/jpeg");
    let url = jpeg_entry["url"].as_str().unwrap().to_owned();
    assert_eq!(url, format!("/reports/enschede/photos/{jpeg_id}"));
    let response = fetch(&loket, &url, Some(&backoffice)).await;
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "image/jpeg");
    assert_eq!(headers["cache-control"], "private, no-store");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let body = response.bytes().await.unwrap();
    assert_eq!(body.as_ref(), stored.as_slice());
    assert_eq!(
        i64::try_from(body.len()).unwrap(),
        jpeg_entry["bytes"].as_i64().unwrap()
    );

    // No one else.
    assert_eq!(fetch(&loket, &url, None).await.status().as_u16(), 401);
    let citizen = loket.token("citizen").to_owned();
    assert_eq!(
        fetch(&loket, &url, Some(&citizen)).await.status().as_u16(),
        404
    );
    let elsewhere = format!("/reports/haarlem/photos/{jpeg_id}");
    assert_eq!(
        fetch(&loket, &elsewhere, Some(&backoffice))
            .await
            .status()
            .as_u16(),
        404
    );
    let odd = "/reports/enschede/photos/not-a-photo";
    assert_eq!(
        fetch(&loket, odd, Some(&backoffice))
            .await
            .status()
            .as_u16(),
        404
    );
}

/// Starts an upload of `JPEG` and sends only part of its body, keeping the connection open.
async fn half_sent(loket: &Loket) -> tokio::net::TcpStream {
    use tokio::io::AsyncWriteExt;
    let address = loket.base.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /reports/photos HTTP/1.1\r\nHost: {address}\r\nLoket-Tenant: enschede\r\n\
         Content-Type: image/jpeg\r\nContent-Length: {}\r\n\r\n",
        JPEG.len()
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    socket.write_all(&JPEG[..100]).await.unwrap();
    socket
}

/// Only so many uploads are read at once; the next is told to come back, and a place frees
/// when an upload ends.
#[tokio::test]
async fn uploads_read_at_once_are_bounded() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let mut slow = Vec::new();
    for _ in 0..8 {
        slow.push(half_sent(&loket).await);
    }
    // The eight hold every place once a ninth is refused. A slow one that arrived while a
    // probe held a place was refused itself; it is sent again, between probes.
    let refused = tokio::sync::Mutex::new(None);
    let slow = tokio::sync::Mutex::new(slow);
    eventually(10, "a ninth upload at once is refused", async || {
        let (status, body) = upload(&loket, "image/jpeg", JPEG.to_vec()).await;
        if status == 429 {
            *refused.lock().await = Some(body);
            return true;
        }
        assert_eq!(status, 201, "{body}");
        let mut slow = slow.lock().await;
        for socket in slow.iter_mut() {
            let mut answer = [0_u8; 64];
            if !matches!(socket.try_read(&mut answer), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock) {
                *socket = half_sent(&loket).await;
            }
        }
        false
    })
    .await;
    let refused = refused.into_inner().unwrap();
    assert_eq!(refused["errors"][0]["extensions"]["code"], "RATE_LIMITED");
    drop(slow);
    eventually(5, "a place frees once the slow uploads end", async || {
        upload(&loket, "image/jpeg", JPEG.to_vec()).await.0 == 201
    })
    .await;
}

fn folder() -> Store {
    Store::Folder(tempfile::tempdir().unwrap())
}

#[tokio::test]
async fn photos_with_reports_on_sqlite() {
    photos_with_reports(TestDb::sqlite_empty().await, folder()).await;
}

#[tokio::test]
async fn photos_with_reports_on_postgres() {
    let Some(db) = TestDb::postgres_empty().await else {
        return;
    };
    photos_with_reports(db, folder()).await;
}

#[tokio::test]
async fn photos_with_reports_in_s3_compatible_storage() {
    let server = S3Server::start().await;
    server.create_bucket(BUCKET).await;
    photos_with_reports(TestDb::sqlite_empty().await, Store::S3(server)).await;
}
