//! Address lookup. BAG data is public, so no policy check beyond naming a tenant.

use loket_kernel::input;
use loket_store::Session;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{Registry, persons::normalise_postcode, records::AddressRecord};
use crate::{RegistryError, entity::address};

impl Registry {
    /// The address at postcode, house number, letter and addition.
    pub async fn address(
        &self,
        session: &Session,
        postcode: &str,
        house_number: i32,
        letter: Option<&str>,
        addition: Option<&str>,
    ) -> Result<Option<AddressRecord>, RegistryError> {
        let postcode = normalise_postcode(postcode)?;
        let house_number = input::number("houseNumber", house_number, 1..=99_999)?;
        let letter = input::line("letter", letter.unwrap_or_default(), 1)?
            .unwrap_or_default()
            .to_uppercase();
        let addition =
            input::line("addition", addition.unwrap_or_default(), 4)?.unwrap_or_default();
        let tx = session.shared().await?;
        let found = address::Entity::find()
            .filter(address::Column::Postcode.eq(postcode))
            .filter(address::Column::HouseNumber.eq(house_number))
            .filter(address::Column::Letter.eq(letter))
            .filter(address::Column::Addition.eq(addition))
            .one(tx.conn())
            .await?;
        Ok(found.map(AddressRecord::from))
    }
}
