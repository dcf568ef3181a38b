//! Finding 2: a WebSocket outlived its token and skipped the HTTP limits. The context was built
//! once at `connection_init`; after the token expired, queries and mutations over the socket
//! still succeeded (`addCaseNote` committed with an expired token); 190 aliases ran; errors
//! lacked `extensions.code`.
//!
//! Required: one execution path for both transports, with the same limits and the same error
//! mapping; every operation on a socket is checked against the token's expiry, and an expired
//! token or a refused `connection_init` closes the socket with 4403.

use std::time::Duration;

use loket_tests::fuzz::{
    callers::{self, Caller},
    server::Engine,
    socket::{Frame, WsClient},
};
use serde_json::{Value, json};
use tokio::time::Instant;

use super::{ask, caller, data, start};

/// Opens a socket with `caller`'s credentials; panics unless acknowledged.
async fn open(base: &str, caller: &Caller) -> WsClient {
    let mut socket = WsClient::connect(base).await.expect("a WebSocket");
    let ack = socket
        .init(WsClient::init_payload(
            caller.token.as_deref(),
            &caller.tenant,
        ))
        .await;
    assert!(
        matches!(&ack, Frame::Message(m) if m["type"] == "connection_ack"),
        "{ack:?}"
    );
    socket
}

/// Runs one operation; every frame until it completes, errs or the socket ends (10 s).
async fn run(socket: &mut WsClient, id: &str, query: &str, variables: Option<Value>) -> Vec<Frame> {
    let mut frames = Vec::new();
    if let Err(e) = socket.subscribe(id, query, variables.as_ref()).await {
        frames.push(Frame::Dropped(e));
        // The server may have closed first; its close frame is still to be read.
        frames.push(socket.next_within(Duration::from_secs(5)).await);
        return frames;
    }
    loop {
        let frame = socket.next_within(Duration::from_secs(10)).await;
        let done = match &frame {
            Frame::Message(m) => m["id"] == id && (m["type"] == "complete" || m["type"] == "error"),
            _ => true,
        };
        frames.push(frame);
        if done {
            return frames;
        }
    }
}

/// The errors in the frames.
fn errors(frames: &[Frame]) -> Vec<Value> {
    frames
        .iter()
        .filter_map(|f| match f {
            Frame::Message(m) if m["type"] == "error" => m["payload"].as_array().cloned(),
            Frame::Message(m) if m["type"] == "next" => m["payload"]["errors"].as_array().cloned(),
            _ => None,
        })
        .flatten()
        .collect()
}

fn closed_with(frames: &[Frame]) -> Option<u16> {
    frames.iter().find_map(|f| match f {
        Frame::Close(code, _) => Some(*code),
        _ => None,
    })
}

/// Waits until HTTP refuses `caller`'s token (it has expired, leeway included).
async fn until_expired(server: &loket_tests::fuzz::server::Server, caller: &Caller) {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let answer = ask(server, caller, "{ me { roles } }")
            .await
            .expect("an answer");
        if answer.status == 401
            || answer
                .errors()
                .iter()
                .any(|e| e["extensions"]["code"] == "UNAUTHENTICATED")
        {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the token still works after 120 s: {}",
            answer.body
        );
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}

#[tokio::test]
async fn an_expired_token_ends_the_socket() {
    let server = start(Engine::Sqlite, &[]).await.expect("SQLite");
    let back = caller(&server, "enschede", "backoffice", None).await;
    let queue = data(&server, &back, "{ cases(first: 1) { nodes { id } } }").await;
    let case_id = queue["cases"]["nodes"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let short = callers::token(server.db_url(), "enschede", "backoffice", None, 3).await;
    let mut reader = open(server.base(), &short).await;
    let mut writer = open(server.base(), &short).await;
    let fresh = run(&mut reader, "1", "{ me { roles } }", None).await;
    assert!(
        errors(&fresh).is_empty() && closed_with(&fresh).is_none(),
        "works before expiry: {fresh:?}"
    );

    until_expired(&server, &short).await;

    let note = "Na verlopen token geschreven";
    let mutation =
        "mutation($input: AddCaseNoteInput!) { addCaseNote(input: $input) { case { id } } }";
    let written = run(
        &mut writer,
        "2",
        mutation,
        Some(json!({ "input": { "caseId": case_id, "text": note } })),
    )
    .await;
    let read = run(&mut reader, "3", "{ me { roles } }", None).await;
    for (what, frames) in [("addCaseNote", &written), ("a query", &read)] {
        let succeeded = frames.iter().any(|f| {
            matches!(f, Frame::Message(m) if m["type"] == "next" && !m["payload"]["data"].is_null())
        });
        assert!(!succeeded, "{what} ran with an expired token: {frames:?}");
        assert_eq!(
            closed_with(frames),
            Some(4403),
            "{what}: the socket closes with 4403: {frames:?}"
        );
    }
    let notes = data(
        &server,
        &back,
        &format!("{{ node(id: \"{case_id}\") {{ ... on Case {{ notes {{ text }} }} }} }}"),
    )
    .await;
    assert!(
        !notes.to_string().contains(note),
        "the note was committed: {notes}"
    );
}

#[tokio::test]
async fn a_refused_connection_init_closes_with_4403() {
    let server = start(Engine::Sqlite, &[]).await.expect("SQLite");
    let mut socket = WsClient::connect(server.base()).await.expect("a WebSocket");
    let answer = socket
        .init(json!({ "authorization": "Bearer forged" }))
        .await;
    assert!(matches!(answer, Frame::Close(4403, _)), "{answer:?}");
}

#[tokio::test]
async fn the_alias_limit_applies_over_the_socket() {
    let server = start(Engine::Sqlite, &[]).await.expect("SQLite");
    let back = caller(&server, "enschede", "backoffice", None).await;
    let aliases: String = (0..190).map(|i| format!("a{i}: me {{ roles }} ")).collect();
    let query = format!("{{ {aliases} }}");
    let over_http = ask(&server, &back, &query).await.expect("an answer");
    assert_eq!(over_http.code(), "BAD_USER_INPUT", "{}", over_http.body);
    let mut socket = open(server.base(), &back).await;
    let frames = run(&mut socket, "1", &query, None).await;
    let ran = frames
        .iter()
        .any(|f| matches!(f, Frame::Message(m) if !m["payload"]["data"].is_null() && m["type"] == "next"));
    assert!(
        !ran,
        "190 aliases ran over the socket: {:?}",
        frames.first()
    );
    let codes: Vec<Value> = errors(&frames)
        .iter()
        .map(|e| e["extensions"]["code"].clone())
        .collect();
    assert!(
        !codes.is_empty() && codes.iter().all(|c| c == "BAD_USER_INPUT"),
        "refused as BAD_USER_INPUT: {codes:?} in {frames:?}"
    );
}

/// The same requests get the same error codes over HTTP and over the socket, and every error
/// has one.
#[tokio::test]
async fn errors_over_the_socket_carry_the_http_codes() {
    let server = start(Engine::Sqlite, &[]).await.expect("SQLite");
    let back = caller(&server, "enschede", "backoffice", None).await;
    let anonymous = Caller::anonymous("enschede");
    let requests = [
        (&back, "{ me { nonsense } }"),
        (&back, "{ case(reference: \"ENS-1999-000001\") { id } }"),
        (&back, "{ cases(first: 2147483647) { totalCount } }"),
        (&back, "{ cases(first: 2147483648) { totalCount } }"),
        (&back, "{ cases(after: \"!!!\") { totalCount } }"),
        (
            &back,
            "mutation { suspendCase(input: { caseId: \"x\", days: -1, reason: \"r\", expectedVersion: 1 }) { case { id } } }",
        ),
        (&anonymous, "{ cases { totalCount } }"),
        (&anonymous, "{ processingLog { edges { cursor } } }"),
    ];
    let mut problems = Vec::new();
    for (who, query) in requests {
        let http = ask(&server, who, query).await.expect("an answer");
        let http_codes: Vec<Value> = http
            .errors()
            .iter()
            .map(|e| e["extensions"]["code"].clone())
            .collect();
        let mut socket = open(server.base(), who).await;
        let frames = run(&mut socket, "1", query, None).await;
        let ws_codes: Vec<Value> = errors(&frames)
            .iter()
            .map(|e| e["extensions"]["code"].clone())
            .collect();
        if ws_codes.is_empty() || ws_codes.iter().any(Value::is_null) || ws_codes != http_codes {
            problems.push(format!(
                "{query} as {}: HTTP codes {http_codes:?}, socket {ws_codes:?} ({frames:?})",
                who.label()
            ));
        }
    }
    super::assert_none("errors over the socket", &problems);
}
