//! Mutations keep what they did, or nothing: a root mutation field that returns an error
//! leaves no writes behind. A request with one mutation rolls its session back; a request with
//! several gives each its own savepoint, so a failed one is undone without undoing those that
//! came before it and already reported success.

use std::sync::{
    Arc,
    atomic::{AtomicUsize, Ordering},
};

use async_graphql::{
    ServerResult, Value,
    extensions::{Extension, ExtensionContext, ExtensionFactory, NextResolve, ResolveInfo},
};
use loket_store::Session;

/// How many root fields the operation has, put in the request data by the executor.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RootFields(pub(crate) usize);

/// The extension's factory, registered on the schema.
pub(crate) struct Atomic;

impl ExtensionFactory for Atomic {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(PerRequest {
            next: AtomicUsize::new(0),
        })
    }
}

struct PerRequest {
    next: AtomicUsize,
}

#[async_trait::async_trait]
impl Extension for PerRequest {
    async fn resolve(
        &self,
        ctx: &ExtensionContext<'_>,
        info: ResolveInfo<'_>,
        next: NextResolve<'_>,
    ) -> ServerResult<Option<Value>> {
        if info.parent_type != "Mutation" || info.path_node.parent.is_some() {
            return next.run(ctx, info).await;
        }
        let (Ok(session), Ok(roots)) = (ctx.data::<Session>(), ctx.data::<RootFields>()) else {
            return next.run(ctx, info).await;
        };
        if roots.0 <= 1 {
            let result = next.run(ctx, info).await;
            if result.is_err() {
                session.fail();
            }
            return result;
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        session.savepoint(n).await.map_err(|e| internal(&e))?;
        let result = next.run(ctx, info).await;
        let undone = if result.is_err() {
            session.roll_back_to(n).await
        } else {
            session.release(n).await
        };
        if let Err(e) = undone {
            session.fail();
            return Err(internal(&e));
        }
        result
    }
}

fn internal(error: &loket_store::StoreError) -> async_graphql::ServerError {
    tracing::error!(error = %error, "savepoint failed");
    let mut e = async_graphql::ServerError::new("internal error", None);
    let mut extensions = async_graphql::ErrorExtensionValues::default();
    extensions.set("code", loket_kernel::ErrorCode::Internal.as_str());
    e.extensions = Some(extensions);
    e
}
