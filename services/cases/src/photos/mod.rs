//! Photos sent with reports about public space. They are kept outside the database, in an
//! object store: a local folder by default, or S3-compatible storage (`s3://bucket/prefix`,
//! credentials and endpoint from the `AWS_*` environment). Every photo is stored under
//! `photos/<tenant>/<id>`, with its metadata removed ([`clean`]), when it is uploaded; a report
//! filed with its id attaches it (`case_photos`). Photos are never public: only staff who may
//! read the report see them.

mod clean;

use std::sync::Arc;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures_util::TryStreamExt;
use loket_kernel::TenantId;
use object_store::{
    ObjectStore, ObjectStoreExt, aws::AmazonS3Builder, local::LocalFileSystem, memory::InMemory,
    path::Path,
};
use uuid::Uuid;

pub use clean::{NotAPhoto, PhotoType, clean};

/// Why the photo store failed.
#[derive(Debug, thiserror::Error)]
pub enum PhotoStoreError {
    /// The store's location cannot be used.
    #[error("photo store {location:?}: {message}")]
    Location {
        /// As configured.
        location: String,
        /// What is wrong.
        message: String,
    },
    /// Reading or writing failed.
    #[error("photo store: {0}")]
    Store(#[from] object_store::Error),
}

/// A photo as uploaded.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Uploaded {
    /// Its size.
    pub(crate) bytes: u64,
    /// Its kind.
    pub(crate) kind: PhotoType,
    /// When it was stored.
    pub(crate) stored_at: DateTime<Utc>,
}

/// Where photos are kept.
#[derive(Debug, Clone)]
pub struct PhotoStore {
    store: Arc<dyn ObjectStore>,
}

impl PhotoStore {
    /// The store at `location`: `s3://bucket[/prefix]`, or a folder (`file:///path` or a plain
    /// path), created when missing.
    pub fn open(location: &str) -> Result<Self, PhotoStoreError> {
        let failed = |message: String| PhotoStoreError::Location {
            location: location.to_owned(),
            message,
        };
        let store: Arc<dyn ObjectStore> = if location.starts_with("s3://") {
            let s3 = AmazonS3Builder::from_env()
                .with_url(location)
                .build()
                .map_err(|e| failed(e.to_string()))?;
            match location.trim_start_matches("s3://").split_once('/') {
                Some((_, prefix)) if !prefix.trim_matches('/').is_empty() => Arc::new(
                    object_store::prefix::PrefixStore::new(s3, prefix.trim_matches('/')),
                ),
                _ => Arc::new(s3),
            }
        } else {
            let folder = location.strip_prefix("file://").unwrap_or(location);
            std::fs::create_dir_all(folder).map_err(|e| failed(e.to_string()))?;
            Arc::new(LocalFileSystem::new_with_prefix(folder).map_err(|e| failed(e.to_string()))?)
        };
        Ok(Self { store })
    }

    /// A store in memory, for tests.
    pub fn in_memory() -> Self {
        Self {
            store: Arc::new(InMemory::new()),
        }
    }

    fn key(tenant: &TenantId, id: Uuid) -> Path {
        Path::from(format!("photos/{tenant}/{id}"))
    }

    /// The object key of photo `id` of `tenant`, as `case_photos` records it.
    pub(crate) fn object_key(tenant: &TenantId, id: Uuid) -> String {
        Self::key(tenant, id).to_string()
    }

    pub(crate) async fn put(
        &self,
        tenant: &TenantId,
        id: Uuid,
        bytes: Bytes,
    ) -> Result<(), PhotoStoreError> {
        self.store.put(&Self::key(tenant, id), bytes.into()).await?;
        Ok(())
    }

    /// Photo `id` as uploaded, if it was.
    pub(crate) async fn find(
        &self,
        tenant: &TenantId,
        id: Uuid,
    ) -> Result<Option<Uploaded>, PhotoStoreError> {
        let key = Self::key(tenant, id);
        let meta = match self.store.head(&key).await {
            Ok(meta) => meta,
            Err(object_store::Error::NotFound { .. }) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        let start = self.store.get_range(&key, 0..meta.size.min(8)).await?;
        Ok(PhotoType::sniff(&start).map(|kind| Uploaded {
            bytes: meta.size,
            kind,
            stored_at: meta.last_modified,
        }))
    }

    /// The ids of `tenant`'s photos stored before `cutoff`, attached or not.
    pub(crate) async fn stored_before(
        &self,
        tenant: &TenantId,
        cutoff: DateTime<Utc>,
    ) -> Result<Vec<Uuid>, PhotoStoreError> {
        let prefix = Path::from(format!("photos/{tenant}"));
        let mut listing = self.store.list(Some(&prefix));
        let mut ids = Vec::new();
        while let Some(meta) = listing.try_next().await? {
            let id = meta
                .location
                .filename()
                .and_then(|n| Uuid::parse_str(n).ok());
            if let Some(id) = id
                && meta.last_modified < cutoff
            {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// Removes photo `id` of `tenant`; one already gone is no error.
    pub(crate) async fn delete(&self, tenant: &TenantId, id: Uuid) -> Result<(), PhotoStoreError> {
        match self.store.delete(&Self::key(tenant, id)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// The photo stored under `key`.
    pub(crate) async fn get(&self, key: &str) -> Result<Bytes, PhotoStoreError> {
        Ok(self.store.get(&Path::from(key)).await?.bytes().await?)
    }

    /// Whether the store answers: writes, reads back and removes a probe.
    pub async fn check(&self) -> Result<(), PhotoStoreError> {
        let probe = Path::from(format!("probe/{}", Uuid::new_v4()));
        self.store
            .put(&probe, Bytes::from_static(b"ok").into())
            .await?;
        self.store.get(&probe).await?.bytes().await?;
        self.store.delete(&probe).await?;
        Ok(())
    }
}
