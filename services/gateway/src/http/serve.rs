//! Accepting connections: HTTP/1.1 and HTTP/2 with WebSocket upgrades, a bound on how long a
//! client may take to send its request headers (a client trickling them would otherwise hold a
//! connection forever), the client's address on every request, and a graceful shutdown that
//! lets requests in flight finish.

use std::{convert::Infallible, future::Future, net::SocketAddr, pin::pin, time::Duration};

use axum::{Router, body::Body, extract::ConnectInfo, http::Request};
use hyper::body::Incoming;
use hyper_util::{
    rt::{TokioExecutor, TokioIo, TokioTimer},
    server::conn::auto::Builder,
    service::TowerToHyperService,
};
use tokio::{net::TcpListener, sync::watch};
use tower::{Service, ServiceExt};

/// Connection settings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConnectionSettings {
    /// The longest a client may take to send a request's headers.
    pub(crate) header_read_timeout: Duration,
    /// The longest shutdown waits for open connections.
    pub(crate) drain: Duration,
}

/// Serves `router` on `listener` until `shutdown` completes, then waits (at most
/// `settings.drain`) for open connections to finish their requests.
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    settings: ConnectionSettings,
    shutdown: impl Future<Output = ()>,
) {
    // Connections watch `signal` (dropping its sender tells them to finish) and hold `done`
    // (its sender learns when the last of them has ended).
    let (signal, signalled) = watch::channel(());
    let (done, open) = watch::channel(());
    let mut shutdown = pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = router
            .clone()
            .map_request(move |request: Request<Incoming>| {
                let mut request = request.map(Body::new);
                request.extensions_mut().insert(ConnectInfo(peer));
                request
            });
        let watch = (signalled.clone(), open.clone());
        tokio::spawn(connection(stream, peer, service, settings, watch));
    }
    drop(listener);
    drop(signal);
    drop(open);
    let waited = tokio::time::timeout(settings.drain, done.closed()).await;
    if waited.is_err() {
        tracing::warn!("connections still open after the drain time; closing them");
    }
}

async fn connection<S>(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    service: S,
    settings: ConnectionSettings,
    (mut signalled, _open): (watch::Receiver<()>, watch::Receiver<()>),
) where
    S: Service<Request<Incoming>, Response = axum::response::Response, Error = Infallible>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
{
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(settings.header_read_timeout);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_concurrent_streams(100)
        .enable_connect_protocol();
    let io = TokioIo::new(stream);
    let mut conn =
        pin!(builder.serve_connection_with_upgrades(io, TowerToHyperService::new(service)));
    let mut draining = false;
    loop {
        tokio::select! {
            result = conn.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(%peer, error = %e, "connection ended with an error");
                }
                break;
            }
            changed = signalled.changed(), if !draining => {
                // The sender is gone: the server is shutting down.
                if changed.is_err() {
                    draining = true;
                    conn.as_mut().graceful_shutdown();
                }
            }
        }
    }
}
