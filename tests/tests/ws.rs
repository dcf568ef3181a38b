//! GraphQL over WebSocket (`graphql-transport-ws`) on `/graphql`, with the token in the
//! `connection_init` payload.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use futures_util::{SinkExt, StreamExt};
use loket_store::testing::TestDb;
use loket_tests::Loket;
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest};

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(loket: &Loket) -> Socket {
    let url = format!("{}/graphql", loket.base.replace("http://", "ws://"));
    let mut request = url.into_client_request().unwrap();
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (socket, response) = tokio_tungstenite::connect_async(request).await.unwrap();
    assert_eq!(
        response.headers()["sec-websocket-protocol"],
        "graphql-transport-ws"
    );
    socket
}

async fn send(socket: &mut Socket, message: Value) {
    socket
        .send(Message::text(message.to_string()))
        .await
        .unwrap();
}

async fn next(socket: &mut Socket) -> Message {
    tokio::time::timeout(std::time::Duration::from_secs(10), socket.next())
        .await
        .expect("a message within 10 s")
        .expect("socket open")
        .unwrap()
}

#[tokio::test]
async fn a_token_in_connection_init_authenticates_the_socket() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let mut socket = connect(&loket).await;
    let token = format!("Bearer {}", loket.token("backoffice"));
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "authorization": token } }),
    )
    .await;
    let ack: Value = serde_json::from_str(next(&mut socket).await.to_text().unwrap()).unwrap();
    assert_eq!(ack["type"], "connection_ack");

    send(
        &mut socket,
        json!({ "id": "1", "type": "subscribe", "payload": { "query": "{ me { roles tenant { slug } } }" } }),
    )
    .await;
    let result: Value = serde_json::from_str(next(&mut socket).await.to_text().unwrap()).unwrap();
    assert_eq!(result["type"], "next", "{result}");
    assert_eq!(
        result["payload"]["data"]["me"]["roles"],
        json!(["backoffice"])
    );
    assert_eq!(
        result["payload"]["data"]["me"]["tenant"]["slug"],
        "enschede"
    );
}

#[tokio::test]
async fn a_bad_token_closes_the_socket() {
    let loket = Loket::start(TestDb::sqlite_empty().await).await;
    let mut socket = connect(&loket).await;
    send(
        &mut socket,
        json!({ "type": "connection_init", "payload": { "authorization": "Bearer forged" } }),
    )
    .await;
    match next(&mut socket).await {
        Message::Close(Some(frame)) => {
            // 4403 Forbidden, as graphql-transport-ws asks; the reason is the one generic
            // message.
            assert_eq!(u16::from(frame.code), 4403);
            assert_eq!(frame.reason.as_str(), "invalid or missing credentials");
        }
        other => panic!("expected a close frame, got {other:?}"),
    }
}
