//! A gateway built in-process on a fresh SQLite database, driven with `oneshot`.

use std::path::PathBuf;

use axum::{
    body::{Body, Bytes},
    http::{HeaderMap, Method, Request, StatusCode, header},
};
use loket::{
    config::{DatabaseConfig, Limits, LiveConfig, ServeConfig, TenantsConfig},
    server::{Gateway, prepare},
};
use loket_kernel::{Bsn, Role, TenantId};
use loket_store::testing::TestDb;
use serde_json::{Value, json};
use tower::ServiceExt;

/// The new GraphQL response media type.
pub const GRAPHQL_RESPONSE: &str = "application/graphql-response+json";
/// The Content-Type the gateway answers with under [`GRAPHQL_RESPONSE`].
pub const GRAPHQL_RESPONSE_UTF8: &str = "application/graphql-response+json; charset=utf-8";
/// The Content-Type the gateway answers with under `application/json`.
pub const JSON_UTF8: &str = "application/json; charset=utf-8";

/// A prepared gateway and the database it runs on (removed when this is dropped).
pub struct Harness {
    pub gateway: Gateway,
    _db: TestDb,
}

impl Harness {
    /// A gateway over the repository's tenants with default limits.
    pub async fn new() -> Self {
        Self::with_limits(Limits::default()).await
    }

    /// A gateway with the given limits.
    pub async fn with_limits(limits: Limits) -> Self {
        Self::build(limits, 0).await
    }

    /// A gateway that generates `residents` demo residents per municipality, and demo cases.
    #[allow(dead_code, reason = "not every test needs demo data")]
    pub async fn with_demo_residents(residents: usize) -> Self {
        Self::build(Limits::default(), residents).await
    }

    /// A gateway over another tenants folder, with demo residents.
    #[allow(dead_code, reason = "not every test needs its own tenants")]
    pub async fn with_tenants(dir: PathBuf, residents: usize) -> Self {
        Self::build_in(dir, Limits::default(), residents).await
    }

    async fn build(limits: Limits, demo_residents: usize) -> Self {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
        Self::build_in(dir, limits, demo_residents).await
    }

    async fn build_in(dir: PathBuf, limits: Limits, demo_residents: usize) -> Self {
        let db = TestDb::sqlite_empty().await;
        let config = ServeConfig {
            listen: "127.0.0.1:0".parse().unwrap(),
            database: DatabaseConfig {
                url: db.url().to_owned(),
            },
            migration_database: None,
            tenants: TenantsConfig { dir },
            photos: loket::config::PhotoStoreConfig {
                photo_store: "none".to_owned(),
            },
            limits,
            demo_tokens: false,
            demo_residents,
            live: LiveConfig::default(),
            dispatch: false,
            notify: loket::dispatch::NotifyConfig::default(),
        };
        let gateway = prepare(&config).await.expect("gateway prepares");
        Self { gateway, _db: db }
    }

    /// A dev token for an employee or app role of `tenant`.
    pub fn token(&self, tenant: &str, role: &str) -> String {
        self.signed(tenant, role, None)
    }

    /// A dev token for a resident of `tenant`.
    #[allow(dead_code, reason = "not every test needs a resident")]
    pub fn citizen_token(&self, tenant: &str) -> String {
        self.signed(tenant, "citizen", Some(&Bsn::new("999993653").unwrap()))
    }

    /// A dev token for `role` of `tenant`, for a resident when `bsn` is given.
    #[allow(dead_code, reason = "not every test needs a chosen resident")]
    pub fn signed_for(&self, tenant: &str, role: &str, bsn: Option<&str>) -> String {
        let bsn = bsn.map(|b| Bsn::new(b).unwrap());
        self.signed(tenant, role, bsn.as_ref())
    }

    fn signed(&self, tenant: &str, role: &str, bsn: Option<&Bsn>) -> String {
        self.gateway
            .authz
            .authenticator()
            .dev_signer(&TenantId::new(tenant).unwrap())
            .expect("tenant has a dev issuer")
            .sign(&Role::new(role).unwrap(), bsn, 600)
            .unwrap()
    }

    /// Sends one request through the router.
    pub async fn send(&self, call: Call) -> Reply {
        let response = self
            .gateway
            .router
            .clone()
            .oneshot(call.build())
            .await
            .unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        Reply {
            status,
            headers,
            body,
        }
    }
}

/// A request under construction.
pub struct Call {
    method: Method,
    uri: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Call {
    /// `POST /graphql` with a JSON body holding `query`, accepting
    /// `application/graphql-response+json`.
    pub fn post(query: &str) -> Self {
        Self::post_json(&json!({ "query": query }))
    }

    /// `POST /graphql` with `query` and `variables`.
    pub fn post_with(query: &str, variables: &Value) -> Self {
        Self::post_json(&json!({ "query": query, "variables": variables }))
    }

    /// `POST /graphql` with this JSON body.
    pub fn post_json(body: &Value) -> Self {
        Self::post_raw(serde_json::to_vec(body).unwrap()).header("content-type", "application/json")
    }

    /// `POST /graphql` with this body and no Content-Type, accepting the new media type.
    pub fn post_raw(body: impl Into<Vec<u8>>) -> Self {
        Self {
            method: Method::POST,
            uri: "/graphql".to_owned(),
            headers: Vec::new(),
            body: body.into(),
        }
        .accept(GRAPHQL_RESPONSE)
    }

    /// `GET /graphql?query=…`, accepting the new media type.
    pub fn get_query(query: &str) -> Self {
        Self::get(&format!("/graphql?query={}", percent_encode(query))).accept(GRAPHQL_RESPONSE)
    }

    /// `GET` on a path, with no headers.
    pub fn get(uri: &str) -> Self {
        Self::request(Method::GET, uri)
    }

    /// Any method on a path, with no headers and no body.
    pub fn request(method: Method, uri: &str) -> Self {
        Self {
            method,
            uri: uri.to_owned(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// Sets a header, replacing an earlier value of it.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Leaves a header out.
    pub fn without(mut self, name: &str) -> Self {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self
    }

    /// Sets Accept.
    pub fn accept(self, value: &str) -> Self {
        self.header("accept", value)
    }

    /// Sets `Authorization: Bearer <token>`.
    pub fn bearer(self, token: &str) -> Self {
        self.header("authorization", &format!("Bearer {token}"))
    }

    /// Sets `Loket-Tenant`.
    pub fn tenant(self, slug: &str) -> Self {
        self.header("loket-tenant", slug)
    }

    fn build(self) -> Request<Body> {
        let mut builder = Request::builder().method(self.method).uri(self.uri);
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        builder.body(Body::from(self.body)).unwrap()
    }
}

/// A response, read to the end.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    /// A header's value, if present.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    /// The Content-Type, or "" without one.
    pub fn content_type(&self) -> &str {
        self.header(header::CONTENT_TYPE.as_str())
            .unwrap_or_default()
    }

    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8(self.body.to_vec()).unwrap()
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.text()))
    }

    /// `data`, asserting the response has no errors.
    pub fn data(&self) -> Value {
        let json = self.json();
        assert!(json.get("errors").is_none(), "unexpected errors: {json}");
        json["data"].clone()
    }

    /// `errors[0]`, asserting there is one.
    pub fn first_error(&self) -> Value {
        let json = self.json();
        let error = json["errors"][0].clone();
        assert!(error.is_object(), "expected an error: {json}");
        error
    }

    /// `errors[0].extensions.code`.
    pub fn code(&self) -> String {
        let error = self.first_error();
        error["extensions"]["code"]
            .as_str()
            .unwrap_or_else(|| panic!("error without a code: {error}"))
            .to_owned()
    }

    /// Asserts status and Content-Type together, showing the body when either is off.
    pub fn assert(&self, status: StatusCode, content_type: &str) -> &Self {
        assert_eq!(
            (self.status, self.content_type()),
            (status, content_type),
            "body: {}",
            self.text()
        );
        self
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
