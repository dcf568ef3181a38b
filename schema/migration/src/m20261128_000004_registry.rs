//! The shared registries: addresses (BAG), persons (BRP) with travel documents and residence
//! permits, and property valuations (WOZ). They are not tenant-scoped: one person, one address,
//! one valuation, whoever asks; who may see what is decided per tenant by policy.

use sea_orm_migration::prelude::*;

use crate::rls;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Addresses {
    Table,
    Id,
    Street,
    HouseNumber,
    Letter,
    Addition,
    Postcode,
    City,
    MunicipalityCode,
    Lat,
    Lon,
}

#[derive(DeriveIden)]
enum Persons {
    Table,
    Bsn,
    GivenNames,
    SurnamePrefix,
    Surname,
    BirthDate,
    BirthPlace,
    AddressId,
    MunicipalityCode,
    Nationality,
}

#[derive(DeriveIden)]
enum TravelDocuments {
    Table,
    Bsn,
    Number,
    Kind,
    ExpiresOn,
}

#[derive(DeriveIden)]
enum ResidencePermits {
    Table,
    Bsn,
    Kind,
    ValidUntil,
    VNumber,
    RegisteredBy,
    RegisteredAt,
}

#[derive(DeriveIden)]
enum ValuationObjects {
    Table,
    Id,
    AddressId,
    Usage,
    FloorArea,
    PlotArea,
    BuildYear,
    Lat,
    Lon,
    LatestValue,
    LatestReferenceDate,
}

#[derive(DeriveIden)]
enum ValuationValues {
    Table,
    ObjectId,
    ReferenceDate,
    Value,
}

fn index(
    name: &str,
    table: impl IntoIden + Clone,
    columns: &[&'static str],
) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for column in columns {
        index.col(Alias::new(*column));
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Addresses::Table)
                    .col(
                        ColumnDef::new(Addresses::Id)
                            .string_len(16)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Addresses::Street).string().not_null())
                    .col(ColumnDef::new(Addresses::HouseNumber).integer().not_null())
                    .col(
                        ColumnDef::new(Addresses::Letter)
                            .string_len(1)
                            .not_null()
                            .default(""),
                    )
                    .col(
                        ColumnDef::new(Addresses::Addition)
                            .string_len(4)
                            .not_null()
                            .default(""),
                    )
                    .col(ColumnDef::new(Addresses::Postcode).string_len(6).not_null())
                    .col(ColumnDef::new(Addresses::City).string().not_null())
                    .col(
                        ColumnDef::new(Addresses::MunicipalityCode)
                            .string_len(4)
                            .not_null(),
                    )
                    .col(ColumnDef::new(Addresses::Lat).double().not_null())
                    .col(ColumnDef::new(Addresses::Lon).double().not_null())
                    .to_owned(),
            )
            .await?;
        // Letter and addition are '' rather than NULL so that this index is unique.
        let mut unique = index(
            "addresses_postcode_number",
            "addresses",
            &["postcode", "house_number", "letter", "addition"],
        );
        manager.create_index(unique.unique().to_owned()).await?;

        manager
            .create_table(
                Table::create()
                    .table(Persons::Table)
                    .col(
                        ColumnDef::new(Persons::Bsn)
                            .string_len(9)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(Persons::GivenNames).string().not_null())
                    .col(ColumnDef::new(Persons::SurnamePrefix).string().null())
                    .col(ColumnDef::new(Persons::Surname).string().not_null())
                    .col(ColumnDef::new(Persons::BirthDate).date().not_null())
                    .col(ColumnDef::new(Persons::BirthPlace).string().not_null())
                    .col(ColumnDef::new(Persons::AddressId).string_len(16).null())
                    .col(
                        ColumnDef::new(Persons::MunicipalityCode)
                            .string_len(4)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(Persons::Nationality)
                            .string_len(2)
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Persons::Table, Persons::AddressId)
                            .to(Addresses::Table, Addresses::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, columns) in [
            ("persons_surname_birth", &["surname", "birth_date"][..]),
            ("persons_address", &["address_id"][..]),
            ("persons_municipality", &["municipality_code"][..]),
        ] {
            manager
                .create_index(index(name, "persons", columns))
                .await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(TravelDocuments::Table)
                    .col(
                        ColumnDef::new(TravelDocuments::Bsn)
                            .string_len(9)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(TravelDocuments::Number)
                            .string_len(9)
                            .not_null(),
                    )
                    .col(ColumnDef::new(TravelDocuments::Kind).string().not_null())
                    .col(ColumnDef::new(TravelDocuments::ExpiresOn).date().not_null())
                    .primary_key(
                        Index::create()
                            .col(TravelDocuments::Bsn)
                            .col(TravelDocuments::Number),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(TravelDocuments::Table, TravelDocuments::Bsn)
                            .to(Persons::Table, Persons::Bsn),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "travel_documents_expiry",
                "travel_documents",
                &["expires_on"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ResidencePermits::Table)
                    .col(
                        ColumnDef::new(ResidencePermits::Bsn)
                            .string_len(9)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(ResidencePermits::Kind).string().not_null())
                    .col(
                        ColumnDef::new(ResidencePermits::ValidUntil)
                            .date()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ResidencePermits::VNumber)
                            .string_len(10)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ResidencePermits::RegisteredBy)
                            .string()
                            .null(),
                    )
                    .col(
                        ColumnDef::new(ResidencePermits::RegisteredAt)
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ResidencePermits::Table, ResidencePermits::Bsn)
                            .to(Persons::Table, Persons::Bsn),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ValuationObjects::Table)
                    .col(
                        ColumnDef::new(ValuationObjects::Id)
                            .string_len(12)
                            .not_null()
                            .primary_key(),
                    )
                    .col(
                        ColumnDef::new(ValuationObjects::AddressId)
                            .string_len(16)
                            .not_null(),
                    )
                    .col(ColumnDef::new(ValuationObjects::Usage).string().not_null())
                    .col(
                        ColumnDef::new(ValuationObjects::FloorArea)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ValuationObjects::PlotArea)
                            .integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ValuationObjects::BuildYear)
                            .integer()
                            .not_null(),
                    )
                    .col(ColumnDef::new(ValuationObjects::Lat).double().not_null())
                    .col(ColumnDef::new(ValuationObjects::Lon).double().not_null())
                    .col(
                        ColumnDef::new(ValuationObjects::LatestValue)
                            .big_integer()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ValuationObjects::LatestReferenceDate)
                            .date()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ValuationObjects::Table, ValuationObjects::AddressId)
                            .to(Addresses::Table, Addresses::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "valuation_objects_address",
                "valuation_objects",
                &["address_id"],
            ))
            .await?;
        // Comparables: same use, a latitude band first (the radius), then longitude and value.
        manager
            .create_index(index(
                "valuation_objects_comparables",
                "valuation_objects",
                &["usage", "lat", "lon", "latest_value"],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ValuationValues::Table)
                    .col(
                        ColumnDef::new(ValuationValues::ObjectId)
                            .string_len(12)
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ValuationValues::ReferenceDate)
                            .date()
                            .not_null(),
                    )
                    .col(
                        ColumnDef::new(ValuationValues::Value)
                            .big_integer()
                            .not_null(),
                    )
                    .primary_key(
                        Index::create()
                            .col(ValuationValues::ObjectId)
                            .col(ValuationValues::ReferenceDate),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ValuationValues::Table, ValuationValues::ObjectId)
                            .to(ValuationObjects::Table, ValuationObjects::Id),
                    )
                    .to_owned(),
            )
            .await?;

        for table in [
            "addresses",
            "persons",
            "travel_documents",
            "residence_permits",
            "valuation_objects",
            "valuation_values",
        ] {
            rls::grant_read(manager, table).await?;
        }
        // Alien registration writes permits and nationality from application transactions.
        rls::grant_write(manager, "residence_permits").await?;
        rls::grant_write(manager, "persons").await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            "valuation_values",
            "valuation_objects",
            "residence_permits",
            "travel_documents",
            "persons",
            "addresses",
        ] {
            manager
                .drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
