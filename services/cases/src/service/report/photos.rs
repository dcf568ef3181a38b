//! Photos with reports: stored when uploaded, attached by the report filed with their ids,
//! seen by staff who may read the report and by no one else.

use std::collections::HashSet;

use bytes::Bytes;
use chrono::{DateTime, Duration, Utc};
use loket_kernel::{Action, Ctx, TenantId};
use loket_store::{Session, TenantTx};
use sea_orm::{ConnectionTrait, Value};
use uuid::Uuid;

use super::placeholders;
use crate::{
    CaseError, CaseKey, CaseRecord, ReadAs, Want,
    photos::{PhotoStore, clean},
    service::Cases,
};

/// Most photos one filing attaches.
pub const MAX_PHOTOS: usize = 3;

/// How long after its upload a photo never attached to a report is removed.
pub const UNATTACHED_HOURS: i64 = 24;

/// How long after its upload a filing may attach a photo: an hour less than
/// [`UNATTACHED_HOURS`], so that a filing never attaches a photo the daily clean-up is
/// removing.
const ATTACH_WITHIN_HOURS: i64 = 23;

/// Whether a photo stored at `stored_at` may still be attached at `now`.
fn attachable(stored_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    now.signed_duration_since(stored_at) < Duration::hours(ATTACH_WITHIN_HOURS)
}

/// A photo as uploaded, not yet attached.
#[derive(Debug, Clone)]
pub struct StoredPhoto {
    /// Its id, to name in `fileReport`'s `photos`.
    pub id: Uuid,
    /// Its media type.
    pub content_type: &'static str,
    /// Its size after its metadata was removed.
    pub bytes: u64,
}

/// A photo of a report, as staff see it listed.
#[derive(Debug, Clone)]
pub struct PhotoRecord {
    /// Its id.
    pub id: Uuid,
    /// Its media type.
    pub content_type: String,
    /// Its size.
    pub bytes: i64,
    /// When it was attached.
    pub created_at: DateTime<Utc>,
}

impl Cases {
    fn photo_store(&self) -> Result<&PhotoStore, CaseError> {
        self.photos
            .as_ref()
            .ok_or_else(|| CaseError::bad("photos", "this server takes no photos"))
    }

    /// Stores a photo for a report still to be filed. Whoever may file a report in some
    /// category of the tenant may upload one; it must be a JPEG or PNG image of the type
    /// `declared`, and is kept without its metadata (EXIF location included).
    pub async fn store_photo(
        &self,
        ctx: &Ctx,
        declared: &str,
        bytes: Bytes,
    ) -> Result<StoredPhoto, CaseError> {
        let tenant = ctx.tenant().clone();
        let may_file = ctx.capabilities_in(&tenant).is_some_and(|caps| {
            self.types
                .of(&tenant)
                .filter(|t| t.report.is_some())
                .any(|t| caps.allows(&format!("public-report/{}", t.code), Action::Create))
        });
        if !may_file {
            return Err(CaseError::forbidden("public-report/*"));
        }
        let store = self.photo_store()?;
        let (kind, cleaned) =
            clean(declared, bytes).map_err(|e| CaseError::bad("photo", e.to_string()))?;
        let id = Uuid::new_v4();
        let size = u64::try_from(cleaned.len()).unwrap_or(u64::MAX);
        store.put(&tenant, id, cleaned).await?;
        Ok(StoredPhoto {
            id,
            content_type: kind.media_type(),
            bytes: size,
        })
    }

    /// Attaches the uploaded photos `ids` to the report `case_id`.
    pub(super) async fn attach_photos(
        &self,
        tx: &TenantTx,
        case_id: Uuid,
        ids: &[Uuid],
        now: DateTime<Utc>,
    ) -> Result<(), CaseError> {
        if ids.is_empty() {
            return Ok(());
        }
        let store = self.photo_store()?;
        let tenant = tx.tenant();
        for id in ids {
            let Some(uploaded) = store.find(tenant, *id).await? else {
                return Err(CaseError::bad(
                    "photos",
                    format!("no uploaded photo {id}; upload it first"),
                ));
            };
            if !attachable(uploaded.stored_at, now) {
                return Err(CaseError::bad(
                    "photos",
                    format!(
                        "photo {id} was uploaded more than {ATTACH_WITHIN_HOURS} hours ago; \
                         upload it again"
                    ),
                ));
            }
            let taken = tx
                .conn()
                .query_one_raw(tx.statement(
                    "SELECT id FROM case_photos WHERE tenant_id = $1 AND id = $2",
                    vec![tenant.as_str().into(), (*id).into()],
                ))
                .await?;
            if taken.is_some() {
                return Err(CaseError::bad(
                    "photos",
                    format!("photo {id} belongs to another report"),
                ));
            }
            tx.conn()
                .execute_raw(tx.statement(
                    "INSERT INTO case_photos (tenant_id, case_id, id, object_key, content_type, \
                     bytes, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    vec![
                        tenant.as_str().into(),
                        case_id.into(),
                        (*id).into(),
                        PhotoStore::object_key(tenant, *id).into(),
                        uploaded.kind.media_type().into(),
                        i64::try_from(uploaded.bytes).unwrap_or(i64::MAX).into(),
                        now.into(),
                    ],
                ))
                .await?;
        }
        Ok(())
    }

    /// The photos of a report the caller may read.
    pub async fn photos_of(
        &self,
        session: &Session,
        case: &CaseRecord,
    ) -> Result<Vec<PhotoRecord>, CaseError> {
        if case.case_type.report.is_none() {
            return Ok(Vec::new());
        }
        let tx = session.tx(&case.domain).await?;
        let rows = tx
            .conn()
            .query_all_raw(tx.statement(
                "SELECT id, content_type, bytes, created_at FROM case_photos \
                 WHERE tenant_id = $1 AND case_id = $2 ORDER BY created_at, id",
                vec![case.domain.as_str().into(), case.id.into()],
            ))
            .await?;
        rows.iter()
            .map(|row| {
                Ok(PhotoRecord {
                    id: row.try_get("", "id")?,
                    content_type: row.try_get("", "content_type")?,
                    bytes: row.try_get("", "bytes")?,
                    created_at: row.try_get("", "created_at")?,
                })
            })
            .collect::<Result<_, sea_orm::DbErr>>()
            .map_err(CaseError::from)
    }

    /// Photo `id` of a report of `owner`, with its media type, for those who may read the
    /// report; `NOT_FOUND` for everyone else.
    pub async fn photo(
        &self,
        ctx: &Ctx,
        session: &Session,
        owner: &str,
        id: Uuid,
    ) -> Result<(String, Bytes), CaseError> {
        let owner = TenantId::new(owner)
            .ok()
            .filter(|t| self.tenants.tenants.contains_key(t))
            .ok_or(CaseError::NotFound)?;
        let store = self.photo_store()?;
        let row = {
            let tx = session.tx(&owner).await?;
            tx.conn()
                .query_one_raw(tx.statement(
                    "SELECT case_id, object_key, content_type FROM case_photos \
                     WHERE tenant_id = $1 AND id = $2",
                    vec![owner.as_str().into(), id.into()],
                ))
                .await?
                .ok_or(CaseError::NotFound)?
        };
        let case_id: Uuid = row.try_get("", "case_id")?;
        let key: String = row.try_get("", "object_key")?;
        let content_type: String = row.try_get("", "content_type")?;
        let read_as = ReadAs {
            operation: "photo",
            purpose: "look at a report's photo",
        };
        self.find(
            ctx,
            session,
            &CaseKey::Id(owner, case_id),
            read_as,
            Want { events: false },
        )
        .await?;
        Ok((content_type, store.get(&key).await?))
    }
}

impl Cases {
    /// Removes the photos of `tx`'s tenant uploaded more than [`UNATTACHED_HOURS`] before
    /// `now` and never attached to a report; returns how many. Without a photo store there is
    /// nothing to remove.
    pub async fn remove_unattached_photos(
        &self,
        tx: &TenantTx,
        now: DateTime<Utc>,
    ) -> Result<u64, CaseError> {
        let Some(store) = &self.photos else {
            return Ok(0);
        };
        let tenant = tx.tenant();
        let cutoff = now
            .checked_sub_signed(Duration::hours(UNATTACHED_HOURS))
            .unwrap_or(now);
        let stored = store.stored_before(tenant, cutoff).await?;
        let mut removed = 0_u64;
        // In chunks, so that no statement has more parameters than an engine takes.
        for chunk in stored.chunks(500) {
            let sql = format!(
                "SELECT id FROM case_photos WHERE tenant_id = $1 AND id IN ({})",
                placeholders(2, chunk.len())
            );
            let mut values: Vec<Value> = vec![tenant.as_str().into()];
            values.extend(chunk.iter().map(|id| Value::from(*id)));
            let attached = tx
                .conn()
                .query_all_raw(tx.statement(&sql, values))
                .await?
                .iter()
                .map(|r| r.try_get::<Uuid>("", "id"))
                .collect::<Result<HashSet<_>, _>>()?;
            for id in chunk.iter().filter(|id| !attached.contains(id)) {
                store.delete(tenant, *id).await?;
                removed = removed.saturating_add(1);
            }
        }
        Ok(removed)
    }
}

/// `ids` as a filing may name them: at most [`MAX_PHOTOS`], each once.
pub(super) fn check_ids(ids: &[Uuid]) -> Result<(), CaseError> {
    if ids.len() > MAX_PHOTOS {
        return Err(CaseError::bad(
            "photos",
            format!("at most {MAX_PHOTOS} photos per report"),
        ));
    }
    let mut seen = ids.to_vec();
    seen.sort_unstable();
    seen.dedup();
    if seen.len() != ids.len() {
        return Err(CaseError::bad("photos", "a photo is named twice"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_photo_is_attachable_for_an_hour_less_than_it_is_kept() {
        let now = Utc::now();
        assert!(attachable(now - Duration::hours(22), now));
        assert!(!attachable(now - Duration::hours(ATTACH_WITHIN_HOURS), now));
        const { assert!(ATTACH_WITHIN_HOURS < UNATTACHED_HOURS) };
    }
}
