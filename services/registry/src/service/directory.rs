//! The registry as other services' [`Directory`]: where a resident lives and what an address
//! is, without policy checks (callers route and validate with it; they do not show it).

use loket_kernel::{
    Bsn,
    directory::{
        AddressFacts, BoxFuture, Directory, DirectoryError, ResidentFacts, TravelDocumentFacts,
    },
};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use super::Registry;
use crate::entity::{address, person, travel_document};

fn facts(a: address::Model) -> AddressFacts {
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

fn failed(e: sea_orm::DbErr) -> DirectoryError {
    DirectoryError(e.to_string())
}

impl Directory for Registry {
    fn resident<'a>(
        &'a self,
        bsn: &'a Bsn,
    ) -> BoxFuture<'a, Result<Option<ResidentFacts>, DirectoryError>> {
        Box::pin(async move {
            let Some(row) = person::Entity::find_by_id(bsn.as_str())
                .one(self.db.raw())
                .await
                .map_err(failed)?
            else {
                return Ok(None);
            };
            let address = match &row.address_id {
                Some(id) => address::Entity::find_by_id(id.as_str())
                    .one(self.db.raw())
                    .await
                    .map_err(failed)?
                    .map(facts),
                None => None,
            };
            Ok(Some(ResidentFacts {
                bsn: bsn.clone(),
                municipality_code: row.municipality_code,
                address,
            }))
        })
    }

    fn address<'a>(
        &'a self,
        id: &'a str,
    ) -> BoxFuture<'a, Result<Option<AddressFacts>, DirectoryError>> {
        Box::pin(async move {
            Ok(address::Entity::find_by_id(id)
                .one(self.db.raw())
                .await
                .map_err(failed)?
                .map(facts))
        })
    }

    fn travel_documents<'a>(
        &'a self,
        bsn: &'a Bsn,
    ) -> BoxFuture<'a, Result<Vec<TravelDocumentFacts>, DirectoryError>> {
        Box::pin(async move {
            Ok(travel_document::Entity::find()
                .filter(travel_document::Column::Bsn.eq(bsn.as_str()))
                .order_by_asc(travel_document::Column::ExpiresOn)
                .all(self.db.raw())
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
}
