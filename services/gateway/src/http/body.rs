//! Request bodies read under a size limit. An oversized body is read on a little further and
//! thrown away before the refusal goes out: a server that answers and closes while the client
//! is still sending resets the connection, and the client sees a dropped connection instead of
//! the 413 that explains it.

use std::time::Duration;

use axum::body::{Body, Bytes};
use futures_util::{Stream, StreamExt};

/// How much more of an oversized body is read before the connection is given up.
const DRAIN_BYTES: usize = 1 << 20;
/// How long an oversized body is read on at most.
const DRAIN_DEADLINE: Duration = Duration::from_secs(2);

/// Why a body could not be read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// It is larger than the limit.
    TooLarge,
    /// The client stopped sending or sent something that is not a body.
    Unreadable(String),
}

/// The whole body, if it is at most `limit` bytes.
pub(crate) async fn read_limited(body: Body, limit: usize) -> Result<Bytes, BodyError> {
    let mut stream = body.into_data_stream();
    let mut read: Vec<u8> = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|e| BodyError::Unreadable(e.to_string()))?;
        if chunk.len() > limit.saturating_sub(read.len()) {
            drain(stream, DRAIN_BYTES).await;
            return Err(BodyError::TooLarge);
        }
        read.extend_from_slice(&chunk);
    }
    Ok(Bytes::from(read))
}

/// Reads and discards up to `budget` more bytes, for at most [`DRAIN_DEADLINE`].
async fn drain<S, E>(mut stream: S, budget: usize)
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    let reading = async {
        let mut left = budget;
        while let Some(Ok(chunk)) = stream.next().await {
            let Some(rest) = left.checked_sub(chunk.len()) else {
                return;
            };
            left = rest;
        }
    };
    // Past the deadline the connection is given up; the refusal still goes out.
    let _ = tokio::time::timeout(DRAIN_DEADLINE, reading).await;
}
