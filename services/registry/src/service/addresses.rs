//! Address lookup. BAG data is public, so no policy check beyond naming a tenant.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{Registry, persons::normalise_postcode, records::AddressRecord};
use crate::{RegistryError, entity::address};

impl Registry {
    /// The address at postcode, house number, letter and addition.
    pub async fn address(
        &self,
        postcode: &str,
        house_number: i32,
        letter: Option<&str>,
        addition: Option<&str>,
    ) -> Result<Option<AddressRecord>, RegistryError> {
        let postcode = normalise_postcode(postcode)?;
        if house_number <= 0 {
            return Err(RegistryError::bad(
                "houseNumber",
                "must be a positive number",
            ));
        }
        let letter = letter.unwrap_or_default().trim().to_uppercase();
        if letter.chars().count() > 1 {
            return Err(RegistryError::bad("letter", "a house letter is one letter"));
        }
        let found = address::Entity::find()
            .filter(address::Column::Postcode.eq(postcode))
            .filter(address::Column::HouseNumber.eq(house_number))
            .filter(address::Column::Letter.eq(letter))
            .filter(address::Column::Addition.eq(addition.unwrap_or_default().trim()))
            .one(self.db.raw())
            .await?;
        Ok(found.map(AddressRecord::from))
    }
}
