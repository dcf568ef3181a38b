//! Keeping appointments in the database: a booking that cannot take a desk's time twice, a
//! move to another time that holds the new time before it lets the old one go (one update of
//! the row: both or neither), and a cancellation that frees the time. The database refuses a
//! double booking itself (see the appointments migration); here that refusal becomes
//! [`AppointmentError::Conflict`].

use chrono::{DateTime, Duration, Utc};
use loket_kernel::TenantId;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
    UpdateMany,
    sea_query::{Expr, OnConflict},
};
use uuid::Uuid;

use crate::{
    Appointment, AppointmentError, AppointmentStatus, Busy,
    entity::{self, Column},
};

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
    /// Who booked it (`citizen`, `employee:<subject>`, `anonymous`).
    pub booked_by: String,
    /// The client's idempotency key.
    pub idempotency_key: Option<String>,
    /// What the request asked, to tell a retry from another request under the same key.
    pub fingerprint: String,
    /// When it was booked.
    pub created_at: DateTime<Utc>,
}

/// What a booking wrote.
#[derive(Debug, Clone)]
pub enum Inserted {
    /// The new appointment.
    New(Appointment),
    /// The appointment an earlier booking under the same idempotency key made, with the
    /// fingerprint it was booked with; nothing was written.
    Earlier(Appointment, String),
}

/// Writes a booking; `Conflict` when the desk is taken at that time. A booking under an
/// idempotency key already used returns that earlier appointment instead.
pub async fn insert(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    row: NewRow,
) -> Result<Inserted, AppointmentError> {
    let (id, key) = (row.id, row.idempotency_key.clone());
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
        status: Set(AppointmentStatus::Booked.as_str().to_owned()),
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
    // Without a conflict target: on PostgreSQL a taken key or time then leaves the
    // transaction usable (the exclusion constraint is an arbiter for DO NOTHING); SQLite's
    // triggers raise regardless.
    let written = entity::Entity::insert(model)
        .on_conflict(OnConflict::new().do_nothing().to_owned())
        .exec_without_returning(conn)
        .await?;
    if written == 1 {
        return find(conn, tenant, id).await.map(Inserted::New);
    }
    if let Some(key) = key
        && let Some((earlier, print)) = by_key(conn, tenant, &key).await?
    {
        return Ok(Inserted::Earlier(earlier, print));
    }
    Err(AppointmentError::taken())
}

/// The appointment booked under idempotency key `key`, and the fingerprint of what it
/// asked.
pub async fn by_key(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    key: &str,
) -> Result<Option<(Appointment, String)>, AppointmentError> {
    Ok(entity::scoped(tenant)
        .filter(Column::IdempotencyKey.eq(key))
        .one(conn)
        .await?
        .map(|m| {
            let print = m.fingerprint.clone();
            (Appointment::from(m), print)
        }))
}

/// The appointment with this reference, and the hash of its cancellation code.
pub async fn by_reference(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    reference: &str,
) -> Result<(Appointment, String), AppointmentError> {
    entity::scoped(tenant)
        .filter(Column::Reference.eq(reference))
        .one(conn)
        .await?
        .map(|m| {
            let hash = m.cancel_code_hash.clone();
            (Appointment::from(m), hash)
        })
        .ok_or(AppointmentError::NotFound)
}

/// A resident's appointments, the latest first, at most `limit`.
pub async fn of_subject(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    bsn: &str,
    limit: u64,
) -> Result<Vec<Appointment>, AppointmentError> {
    Ok(entity::scoped(tenant)
        .filter(Column::SubjectBsn.eq(bsn))
        .order_by_desc(Column::StartsAt)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(Appointment::from)
        .collect())
}

/// The appointments at `location` starting in `from`..`to`, in order of time, at most
/// `limit`.
pub async fn starting(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    location: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<Appointment>, AppointmentError> {
    Ok(entity::scoped(tenant)
        .filter(Column::Location.eq(location))
        .filter(Column::StartsAt.gte(from))
        .filter(Column::StartsAt.lt(to))
        .order_by_asc(Column::StartsAt)
        .order_by_asc(Column::Desk)
        .limit(limit)
        .all(conn)
        .await?
        .into_iter()
        .map(Appointment::from)
        .collect())
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

/// The live appointments at `location` that overlap `from`..`to`, but for `except` (the
/// appointment being moved), as the free-time finder takes them (one query on the day-list
/// index).
pub async fn busy(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    location: &str,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    except: Option<Uuid>,
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
        .apply_if(except, |q, id| q.filter(Column::Id.ne(id)))
        .into_tuple::<(String, DateTime<Utc>, DateTime<Utc>)>()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(desk, start, end)| Busy { desk, start, end })
        .collect())
}

/// What the counter's figures need of one appointment.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The location's code.
    pub location: String,
    /// Product codes.
    pub products: Vec<String>,
    /// Where it stands.
    pub status: AppointmentStatus,
    /// When it was to start.
    pub start: DateTime<Utc>,
    /// When the resident arrived.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// When they were called.
    pub called_at: Option<DateTime<Utc>>,
}

/// Every appointment of the tenant starting in `from`..`to` (one range on the start index
/// per location is not needed: the period covers them all).
pub async fn outcomes(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> Result<Vec<Outcome>, AppointmentError> {
    type Row = (
        String,
        String,
        String,
        DateTime<Utc>,
        Option<DateTime<Utc>>,
        Option<DateTime<Utc>>,
    );
    let rows: Vec<Row> = entity::scoped(tenant)
        .select_only()
        .columns([
            Column::Location,
            Column::Products,
            Column::Status,
            Column::StartsAt,
            Column::CheckedInAt,
            Column::CalledAt,
        ])
        .filter(Column::StartsAt.gte(from))
        .filter(Column::StartsAt.lt(to))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(location, products, status, start, checked_in_at, called_at)| Outcome {
                location,
                products: products.split(',').map(str::to_owned).collect(),
                status: AppointmentStatus::parse(&status).unwrap_or(AppointmentStatus::Booked),
                start,
                checked_in_at,
                called_at,
            },
        )
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
    guarded(
        conn,
        tenant,
        (id, version),
        &[AppointmentStatus::Booked],
        update,
    )
    .await
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
    guarded(
        conn,
        tenant,
        (id, version),
        &[AppointmentStatus::Booked],
        update,
    )
    .await
}

/// What happens to an appointment at the counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The resident arrived.
    CheckIn,
    /// The resident is called to this desk.
    Call(String),
    /// The appointment is done.
    Complete,
    /// The resident did not come.
    NoShow,
}

impl Step {
    /// The statuses the step may follow.
    pub const fn from(&self) -> &'static [AppointmentStatus] {
        use AppointmentStatus as S;
        match self {
            Self::CheckIn => &[S::Booked],
            Self::Call(_) => &[S::Booked, S::CheckedIn, S::Called],
            Self::Complete => &[S::Called],
            Self::NoShow => &[S::Booked],
        }
    }

    /// The status the step leads to.
    pub const fn to(&self) -> AppointmentStatus {
        match self {
            Self::CheckIn => AppointmentStatus::CheckedIn,
            Self::Call(_) => AppointmentStatus::Called,
            Self::Complete => AppointmentStatus::Completed,
            Self::NoShow => AppointmentStatus::NoShow,
        }
    }
}

/// Takes `step` on the appointment at `version` at time `at`; `Conflict` when it changed
/// since, or when its status does not allow the step.
pub async fn advance(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    (id, version): (Uuid, i32),
    step: Step,
    at: DateTime<Utc>,
) -> Result<Appointment, AppointmentError> {
    let from = step.from();
    let update =
        entity::Entity::update_many().col_expr(Column::Status, Expr::value(step.to().as_str()));
    let update = match step {
        Step::CheckIn => update.col_expr(Column::CheckedInAt, Expr::value(Some(at))),
        Step::Call(desk) => update
            .col_expr(Column::CalledAt, Expr::value(Some(at)))
            .col_expr(Column::CalledDesk, Expr::value(Some(desk))),
        Step::Complete => update.col_expr(Column::CompletedAt, Expr::value(Some(at))),
        Step::NoShow => update,
    };
    guarded(conn, tenant, (id, version), from, update).await
}

/// Runs `update` on the appointment only while its status is one of `from` and it is at
/// `version`, and raises the version; `Conflict` (saying why) when it is not, `NotFound`
/// when there is none.
async fn guarded(
    conn: &impl ConnectionTrait,
    tenant: &TenantId,
    (id, version): (Uuid, i32),
    from: &[AppointmentStatus],
    update: UpdateMany<entity::Entity>,
) -> Result<Appointment, AppointmentError> {
    let done = update
        .col_expr(Column::Version, Expr::value(version.saturating_add(1)))
        .filter(Column::TenantId.eq(tenant.as_str()))
        .filter(Column::Id.eq(id))
        .filter(Column::Version.eq(version))
        .filter(Column::Status.is_in(from.iter().map(|s| s.as_str())))
        .exec(conn)
        .await?;
    let row = find(conn, tenant, id).await?;
    if done.rows_affected == 1 {
        return Ok(row);
    }
    Err(AppointmentError::Conflict(if from.contains(&row.status) {
        format!(
            "the appointment changed since version {version}; it is at version {}",
            row.version
        )
    } else {
        format!(
            "the appointment is {} and cannot change so",
            row.status.as_str()
        )
    }))
}
