//! Seeding: generate each municipality's residents and write them, skipping municipalities
//! that already have residents.

#![expect(
    clippy::arithmetic_side_effects,
    reason = "BSN prefixes of eight digits, far below u32::MAX"
)]

use std::time::{Duration, Instant};

use loket_store::Db;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect};

use super::{generate::generate, model::Municipality, write::write_batch};
use crate::{RegistryError, entity::person};

/// The first BSN prefix of demo data: the 9999 range used for test persons.
const DEMO_PREFIX: u32 = 99_990_000;
/// Where BSNs continue once the test range is used up (large benchmark seeds).
const OVERFLOW_PREFIX: u32 = 10_000_000;

/// What one seeding run did.
#[derive(Debug, Clone, Default)]
pub struct SeedReport {
    /// Per municipality: slug, persons, addresses, valuation objects.
    pub municipalities: Vec<(String, usize, usize, usize)>,
    /// Municipalities skipped because they already had residents.
    pub skipped: Vec<String>,
    /// Wall time.
    pub elapsed: Duration,
}

/// How many residents a municipality has.
pub async fn residents(db: &Db, municipality: &Municipality) -> Result<u64, RegistryError> {
    Ok(person::Entity::find()
        .filter(person::Column::MunicipalityCode.eq(municipality.code.as_ref()))
        .count(db.raw())
        .await?)
}

/// The BSN prefix after the highest one in use, keeping demo seeds in the 9999 range.
async fn next_prefix(db: &Db) -> Result<u32, RegistryError> {
    let max_below = |limit: &str| {
        person::Entity::find()
            .select_only()
            .column_as(person::Column::Bsn.max(), "max")
            .filter(person::Column::Bsn.lt(limit.to_owned()))
            .into_tuple::<Option<String>>()
            .one(db.raw())
    };
    // Overflow range first: once used, later seeds continue there.
    if let Some(Some(max)) = max_below("999900000").await? {
        return Ok(max[..8].parse::<u32>().map_or(OVERFLOW_PREFIX, |p| p + 1));
    }
    match max_below("999999999~").await? {
        Some(Some(max)) => Ok(max[..8].parse::<u32>().map_or(DEMO_PREFIX, |p| p + 1)),
        _ => Ok(DEMO_PREFIX),
    }
}

/// Seeds `persons` residents into each of `municipalities` that has none yet (see
/// [`super::generate::municipality_of`]). Deterministic for a given `seed`.
pub async fn seed(
    db: &Db,
    municipalities: &[Municipality],
    persons: usize,
    seed: u64,
) -> Result<SeedReport, RegistryError> {
    let started = Instant::now();
    let mut report = SeedReport::default();
    let mut prefix = next_prefix(db).await?;
    for m in municipalities {
        if residents(db, m).await? > 0 {
            report.skipped.push(m.slug.to_string());
            continue;
        }
        let (batch, next) = generate(m, persons, seed, prefix);
        prefix = next;
        write_batch(db, &batch).await?;
        tracing::info!(
            municipality = %m.slug,
            persons = batch.persons.len(),
            "seeded"
        );
        report.municipalities.push((
            m.slug.to_string(),
            batch.persons.len(),
            batch.addresses.len(),
            batch.valuations.len(),
        ));
    }
    report.elapsed = started.elapsed();
    Ok(report)
}
