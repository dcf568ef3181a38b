//! Keeping appointments in the database: a booking that cannot take a desk's time twice, a
//! move to another time that holds the new time before it lets the old one go (one update of
//! the row: both or neither), and a cancellation that frees the time. The database refuses a
//! double booking itself (see the appointments migration); here that refusal becomes
//! [`AppointmentError::Conflict`].

use chrono::{DateTime, Duration, Utc};
use loket_kernel::TenantId;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QuerySelect, UpdateMany, sea_query::Expr,
};
use uuid::Uuid;

use crate::{
    Appointment, AppointmentError, AppointmentStatus, Busy,
    entity::{self, Column},
};

const BOOKED: &str = AppointmentStatus::Booked.as_str();

/// Where and when: the location, the desk that gives it, and its time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The location's code.
    pub location: String,
    /// The desk's code.
    pub desk: String,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
}

/// A new appointment as it is written.
#[derive(Debug, Clone)]
pub struct NewRow {
    /// Its id.
    pub id: Uuid,
    /// The reference the resident quotes.
    pub reference: String,
    /// The hash of the cancellation code sent to the resident.
    pub cancel_code_hash: String,
    /// Where and when.
    pub place: Place,
    /// Product codes.
    pub products: Vec<String>,
    /// Persons who come.
    pub persons: i32,
    /// The resident, when known.
    pub subject_bsn: Option<String>,
    /// The name to call out.
    pub contact_name: String,
    /// Where confirmations go.
    pub email: Option<String>,
    /// Where text messages go.
    pub phone: Option<String>,
    /// Who booked it (`citizen:<bsn>`, `employee:<subject>`, `anonymous`).
    pub booked_by: String,
    /// The client's idempotency key.
    pub idempotency_key: Option<String>,
    /// What the request asked, to tell a retry from another request under the same key.
    pub fingerprint: String,
    /// When it was booked.
    pub created_at: DateTime<Utc>,
}

/// Writes a booking; `Conflict` when the desk is taken at that time.
pub async fn insert(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    row: NewRow,
) -> Result<Appointment, AppointmentError> {
    let model = entity::ActiveModel {
        tenant_id: Set(tenant.as_str().to_owned()),
        id: Set(row.id),
        reference: Set(row.reference),
        cancel_code_hash: Set(row.cancel_code_hash),
        location: Set(row.place.location),
        desk: Set(row.place.desk),
        products: Set(row.products.join(",")),
        persons: Set(row.persons),
        starts_at: Set(row.place.start),
        ends_at: Set(row.place.end),
        subject_bsn: Set(row.subject_bsn),
        contact_name: Set(row.contact_name),
        email: Set(row.email),
        phone: Set(row.phone),
        booked_by: Set(row.booked_by),
        status: Set(BOOKED.to_owned()),
        checked_in_at: Set(None),
        called_at: Set(None),
        called_desk: Set(None),
        completed_at: Set(None),
        cancelled_at: Set(None),
        idempotency_key: Set(row.idempotency_key),
        fingerprint: Set(row.fingerprint),
        created_at: Set(row.created_at),
        version: Set(1),
    };
    Ok(model.insert(conn).await?.into())
}

/// The appointment with this id.
pub async fn find(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    id: Uuid,
) -> Result<Appointment, AppointmentError> {
    entity::scoped(tenant)
        .filter(Column::Id.eq(id))
        .one(conn)
        .await?
        .map(Appointment::from)
        .ok_or(AppointmentError::NotFound)
}

/// The live appointments at `location` that overlap `from`..`to`, as the free-time finder
/// takes them (one query on the day-list index).
pub async fn busy(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    location: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Busy>, AppointmentError> {
    // An appointment is shorter than a day, so one that overlaps starts at most a day early.
    let earliest = from.checked_sub_signed(Duration::days(1)).unwrap_or(from);
    let rows = entity::scoped(tenant)
        .select_only()
        .columns([Column::Desk, Column::StartsAt, Column::EndsAt])
        .filter(Column::Location.eq(location))
        .filter(Column::StartsAt.gte(earliest))
        .filter(Column::StartsAt.lt(to))
        .filter(Column::EndsAt.gt(from))
        .filter(Column::Status.ne(AppointmentStatus::Cancelled.as_str()))
        .into_tuple::<(String, DateTime<Utc>, DateTime<Utc>)>()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(desk, start, end)| Busy { desk, start, end })
        .collect())
}

/// Moves a booked appointment to `place` in one update: the new time is held and the old one
/// released together, or, when the new time is taken, nothing changes (`Conflict`). Also
/// `Conflict` when the appointment changed since `version` or is no longer booked.
pub async fn move_to(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    id: Uuid,
    version: i32,
    place: Place,
) -> Result<Appointment, AppointmentError> {
    let update = entity::Entity::update_many()
        .col_expr(Column::Location, Expr::value(place.location))
        .col_expr(Column::Desk, Expr::value(place.desk))
        .col_expr(Column::StartsAt, Expr::value(place.start))
        .col_expr(Column::EndsAt, Expr::value(place.end));
    guarded(conn, tenant, id, version, update).await
}

/// Cancels a booked appointment: its time is free again.
pub async fn cancel(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    id: Uuid,
    version: i32,
    at: DateTime<Utc>,
) -> Result<Appointment, AppointmentError> {
    let update = entity::Entity::update_many()
        .col_expr(
            Column::Status,
            Expr::value(AppointmentStatus::Cancelled.as_str()),
        )
        .col_expr(Column::CancelledAt, Expr::value(Some(at)));
    guarded(conn, tenant, id, version, update).await
}

/// Runs `update` on the appointment only while it is booked and at `version`, and raises
/// the version; `Conflict` (saying why) when it is not, `NotFound` when there is none.
async fn guarded(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    id: Uuid,
    version: i32,
    update: UpdateMany<entity::Entity>,
) -> Result<Appointment, AppointmentError> {
    let done = update
        .col_expr(Column::Version, Expr::value(version.saturating_add(1)))
        .filter(Column::TenantId.eq(tenant.as_str()))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(version))
        .filter(Column::Status.eq(BOOKED))
        .exec(conn)
        .await?;
    let row = find(conn, tenant, id).await?;
    if done.rows_affected == 1 {
        return Ok(row);
    }
    Err(AppointmentError::Conflict(
        if row.status == AppointmentStatus::Booked {
            format!(
                "the appointment changed since version {version}; it is at version {}",
                row.version
            )
        } else {
            format!(
                "the appointment is {} and cannot change",
                row.status.as_str()
            )
        },
    ))
}
