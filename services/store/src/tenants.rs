//! The `tenants` table, kept in step with the tenants folder.

use chrono::Utc;
use loket_kernel::config::TenantSet;
use sea_orm::{
    ActiveValue::Set, DatabaseConnection, EntityTrait, QueryOrder, sea_query::OnConflict,
};

use crate::{StoreError, entity::tenant};

pub(crate) async fn sync(conn: &DatabaseConnection, set: &TenantSet) -> Result<(), StoreError> {
    let now = Utc::now();
    let rows = set.tenants.values().map(|t| tenant::ActiveModel {
        tenant_id: Set(t.slug.to_string()),
        name: Set(t.name.clone()),
        municipality_code: Set(t.municipality_code.as_str().to_owned()),
        updated_at: Set(now),
    });
    tenant::Entity::insert_many(rows)
        .on_conflict(
            OnConflict::column(tenant::Column::TenantId)
                .update_columns([
                    tenant::Column::Name,
                    tenant::Column::MunicipalityCode,
                    tenant::Column::UpdatedAt,
                ])
                .to_owned(),
        )
        .exec(conn)
        .await?;
    Ok(())
}

pub(crate) async fn slugs(conn: &DatabaseConnection) -> Result<Vec<String>, StoreError> {
    Ok(tenant::Entity::find()
        .order_by_asc(tenant::Column::TenantId)
        .all(conn)
        .await?
        .into_iter()
        .map(|t| t.tenant_id)
        .collect())
}
