//! Writing generated or hand-made rows: bulk inserts in chunks, in one transaction, so a
//! batch lands whole or not at all.

use loket_store::Db;
use sea_orm::{ActiveValue::Set, EntityTrait, TransactionTrait};

use super::model::SeedBatch;
use crate::{
    RegistryError,
    entity::{
        address, person, residence_permit, travel_document, valuation_object, valuation_value,
    },
};

/// Rows per INSERT: well under SQLite's and PostgreSQL's bind-parameter limits.
const CHUNK: usize = 1000;

/// Writes a batch in one transaction (also for tests' hand-made fixtures).
pub async fn write_batch(db: &Db, batch: &SeedBatch) -> Result<(), RegistryError> {
    let tx = db.raw().begin().await?;
    for chunk in batch.addresses.chunks(CHUNK) {
        address::Entity::insert_many(chunk.iter().map(|a| address::ActiveModel {
            id: Set(a.id.clone()),
            street: Set(a.street.clone()),
            house_number: Set(a.house_number),
            letter: Set(a.letter.clone()),
            addition: Set(a.addition.clone()),
            postcode: Set(a.postcode.clone()),
            city: Set(a.city.clone()),
            municipality_code: Set(a.municipality_code.clone()),
            lat: Set(a.lat),
            lon: Set(a.lon),
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    for chunk in batch.persons.chunks(CHUNK) {
        person::Entity::insert_many(chunk.iter().map(|p| person::ActiveModel {
            bsn: Set(p.bsn.clone()),
            given_names: Set(p.given_names.clone()),
            surname_prefix: Set(p.surname_prefix.clone()),
            surname: Set(p.surname.clone()),
            birth_date: Set(p.birth_date),
            birth_place: Set(p.birth_place.clone()),
            address_id: Set(Some(p.address_id.clone())),
            municipality_code: Set(p.municipality_code.clone()),
            nationality: Set(p.nationality.clone()),
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    for chunk in batch.documents.chunks(CHUNK) {
        travel_document::Entity::insert_many(chunk.iter().map(|d| travel_document::ActiveModel {
            bsn: Set(d.bsn.clone()),
            number: Set(d.number.clone()),
            kind: Set(d.kind.clone()),
            expires_on: Set(d.expires_on),
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    for chunk in batch.permits.chunks(CHUNK) {
        residence_permit::Entity::insert_many(chunk.iter().map(|p| {
            residence_permit::ActiveModel {
                bsn: Set(p.bsn.clone()),
                kind: Set(p.kind.clone()),
                valid_until: Set(p.valid_until),
                v_number: Set(p.v_number.clone()),
                registered_by: Set(None),
                registered_at: Set(None),
            }
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    for chunk in batch.valuations.chunks(CHUNK) {
        valuation_object::Entity::insert_many(chunk.iter().filter_map(|v| {
            let (date, value) = *v.values.last()?;
            Some(valuation_object::ActiveModel {
                id: Set(v.id.clone()),
                address_id: Set(v.address_id.clone()),
                usage: Set(v.usage.clone()),
                floor_area: Set(v.floor_area),
                plot_area: Set(v.plot_area),
                build_year: Set(v.build_year),
                lat: Set(v.lat),
                lon: Set(v.lon),
                latest_value: Set(value),
                latest_reference_date: Set(date),
            })
        }))
        .exec_without_returning(&tx)
        .await?;
        let values: Vec<valuation_value::ActiveModel> = chunk
            .iter()
            .flat_map(|v| {
                v.values
                    .iter()
                    .map(|(date, value)| valuation_value::ActiveModel {
                        object_id: Set(v.id.clone()),
                        reference_date: Set(*date),
                        value: Set(*value),
                    })
            })
            .collect();
        for values in values.chunks(CHUNK) {
            valuation_value::Entity::insert_many(values.to_vec())
                .exec_without_returning(&tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}
