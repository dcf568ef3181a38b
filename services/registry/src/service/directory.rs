//! The registry as other services' [`Directory`]: where a resident lives and what an address
//! is, without policy checks (callers route and validate with it; they do not show it).

use std::{
    collections::HashMap,
    sync::Mutex,
    time::{Duration, Instant},
};

use loket_kernel::{
    Bsn,
    directory::{
        AddressFacts, AddressMatch, Bounds, BoxFuture, DirectoryError, ResidentFacts,
        TravelDocumentFacts,
    },
};
use loket_store::{Session, StoreError, lookups::Directory};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::Registry;
use crate::entity::{address, person, travel_document};

/// How long a municipality's address box is kept before it is read again: addresses are
/// added a few a day, and a box a few minutes old places a report just as well.
pub(super) const BOUNDS_TTL: Duration = Duration::from_secs(600);

/// Municipality code → when read, and the box.
pub(super) type BoundsCache = Mutex<HashMap<String, (Instant, Option<Bounds>)>>;

/// An address row as other services need it.
pub(super) fn facts(a: address::Model) -> AddressFacts {
    let mut number = a.house_number.to_string();
    number.push_str(&a.letter);
    if !a.addition.is_empty() {
        number.push('-');
        number.push_str(&a.addition);
    }
    let postcode = match a.postcode.split_at_checked(4) {
        Some((digits, letters)) => format!("{digits} {letters}"),
        None => a.postcode.clone(),
    };
    AddressFacts {
        label: format!("{} {number}, {postcode} {}", a.street, a.city),
        id: a.id,
        municipality_code: a.municipality_code,
        lat: a.lat,
        lon: a.lon,
    }
}

fn failed(e: impl std::fmt::Display) -> DirectoryError {
    DirectoryError(e.to_string())
}

fn store_failed(e: StoreError) -> DirectoryError {
    failed(e)
}

impl Directory for Registry {
    fn resident<'a>(
        &'a self,
        session: &'a Session,
        bsn: &'a Bsn,
    ) -> BoxFuture<'a, Result<Option<ResidentFacts>, DirectoryError>> {
        Box::pin(async move {
            let tx = session.shared().await.map_err(store_failed)?;
            // The resident and their address in one statement.
            let Some((row, address)) = person::Entity::find_by_id(bsn.as_str())
                .find_also_related(address::Entity)
                .one(tx.conn())
                .await
                .map_err(failed)?
            else {
                return Ok(None);
            };
            Ok(Some(ResidentFacts {
                bsn: bsn.clone(),
                municipality_code: row.municipality_code,
                address: address.map(facts),
            }))
        })
    }

    fn address<'a>(
        &'a self,
        session: &'a Session,
        id: &'a str,
    ) -> BoxFuture<'a, Result<Option<AddressFacts>, DirectoryError>> {
        Box::pin(async move {
            let tx = session.shared().await.map_err(store_failed)?;
            Ok(address::Entity::find_by_id(id)
                .one(tx.conn())
                .await
                .map_err(failed)?
                .map(facts))
        })
    }

    fn written_address<'a>(
        &'a self,
        session: &'a Session,
        municipality_code: &'a str,
        text: &'a str,
    ) -> BoxFuture<'a, Result<AddressMatch, DirectoryError>> {
        Box::pin(async move {
            Registry::written_address(self, session, municipality_code, text)
                .await
                .map_err(failed)
        })
    }

    fn travel_documents<'a>(
        &'a self,
        session: &'a Session,
        bsn: &'a Bsn,
    ) -> BoxFuture<'a, Result<Vec<TravelDocumentFacts>, DirectoryError>> {
        Box::pin(async move {
            let tx = session.shared().await.map_err(store_failed)?;
            Ok(travel_document::Entity::find()
                .filter(travel_document::Column::Bsn.eq(bsn.as_str()))
                .order_by_asc(travel_document::Column::ExpiresOn)
                .all(tx.conn())
                .await
                .map_err(failed)?
                .into_iter()
                .map(|d| TravelDocumentFacts {
                    number: d.number,
                    kind: d.kind,
                    expires_on: d.expires_on,
                })
                .collect())
        })
    }

    fn bounds<'a>(
        &'a self,
        session: &'a Session,
        municipality_code: &'a str,
    ) -> BoxFuture<'a, Result<Option<Bounds>, DirectoryError>> {
        Box::pin(async move {
            let cached = self
                .bounds
                .lock()
                .ok()
                .and_then(|m| m.get(municipality_code).copied())
                .filter(|(at, _)| at.elapsed() < BOUNDS_TTL);
            if let Some((_, bounds)) = cached {
                return Ok(bounds);
            }
            let tx = session.shared().await.map_err(store_failed)?;
            let row = tx
                .conn()
                .query_one_raw(tx.statement(
                    "SELECT MIN(lat) AS south, MIN(lon) AS west, MAX(lat) AS north, \
                     MAX(lon) AS east FROM addresses WHERE municipality_code = $1",
                    vec![municipality_code.into()],
                ))
                .await
                .map_err(failed)?;
            let bounds = row.and_then(|r| {
                Some(Bounds {
                    south: r.try_get::<Option<f64>>("", "south").ok()??,
                    west: r.try_get::<Option<f64>>("", "west").ok()??,
                    north: r.try_get::<Option<f64>>("", "north").ok()??,
                    east: r.try_get::<Option<f64>>("", "east").ok()??,
                })
            });
            if let Ok(mut m) = self.bounds.lock() {
                m.insert(municipality_code.to_owned(), (Instant::now(), bounds));
            }
            Ok(bounds)
        })
    }
}
