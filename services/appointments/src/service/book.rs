//! Booking, moving and cancelling an appointment.

use chrono::{DateTime, SubsecRound, Utc};
use loket_kernel::{Action, Actor, Bsn, Ctx, calendar::Calendar, input};
use loket_store::Session;
use uuid::Uuid;

use super::{Bookings, COUNTER, OWN, announce::Change, find::Plan};
use crate::{
    Appointment, AppointmentError, Request,
    store::{self, Inserted, NewRow, Place},
};

/// Longest name to call out.
const MAX_NAME: usize = 200;
/// Longest e-mail address.
const MAX_EMAIL: usize = 254;
/// Longest idempotency key.
const MAX_KEY: usize = 128;
/// Letters of references and cancellation codes: no 0/O or 1/I to misread.
const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// What a booking asks for.
#[derive(Debug, Clone, Default)]
pub struct BookingRequest {
    /// Catalogue product codes.
    pub products: Vec<String>,
    /// Persons who come.
    pub persons: i32,
    /// The location's code.
    pub location: String,
    /// The start, one of the free times.
    pub start: DateTime<Utc>,
    /// The name to call out.
    pub name: String,
    /// Where the confirmation goes.
    pub email: Option<String>,
    /// Where text messages go.
    pub phone: Option<String>,
    /// The resident (BSN): the front office's booking on a resident's behalf. A resident's
    /// own booking is theirs.
    pub subject: Option<String>,
    /// A retry with the same key returns the first booking.
    pub idempotency_key: Option<String>,
}

/// A booking made.
#[derive(Debug, Clone)]
pub struct NewAppointment {
    /// The appointment.
    pub appointment: Appointment,
    /// The code that cancels it with its reference, without logging in. Only the first
    /// answer has it: the database keeps its hash.
    pub cancellation_code: Option<String>,
    /// Whether an earlier booking with the same idempotency key made it.
    pub replayed: bool,
}

/// How a cancellation proves it may cancel.
#[derive(Debug, Clone)]
pub enum Cancellation {
    /// As the logged-in resident, or the counter, with the version read.
    ById {
        /// The appointment.
        id: Uuid,
        /// The version read; a changed appointment is a conflict.
        version: i32,
    },
    /// With the reference and the cancellation code from the confirmation.
    ByCode {
        /// The reference.
        reference: String,
        /// The code.
        code: String,
    },
}

/// Who books: the counter for anyone, or a resident for themselves (with a BSN when logged
/// in).
enum Booker {
    Counter,
    Resident(Option<Bsn>),
}

fn booker(ctx: &Ctx, action: Action) -> Result<Booker, AppointmentError> {
    if ctx.can(COUNTER, action) {
        Ok(Booker::Counter)
    } else if ctx.can(OWN, action) {
        Ok(Booker::Resident(ctx.actor().bsn().cloned()))
    } else {
        Err(AppointmentError::Forbidden(OWN))
    }
}

/// Refuses, as not found, an appointment that is not the caller's to change.
fn mine(ctx: &Ctx, appointment: &Appointment, action: Action) -> Result<(), AppointmentError> {
    let allowed = match booker(ctx, action)? {
        Booker::Counter => true,
        Booker::Resident(Some(bsn)) => appointment.subject_bsn.as_deref() == Some(bsn.as_str()),
        Booker::Resident(None) => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(AppointmentError::NotFound)
    }
}

/// `n` random letters of [`ALPHABET`].
fn random_letters(n: usize) -> String {
    let bytes = Uuid::new_v4().into_bytes();
    bytes
        .iter()
        .take(n)
        .map(|b| char::from(ALPHABET[usize::from(b % 32)]))
        .collect()
}

/// The SHA-256 of `text`, in hex.
fn digest(text: &str) -> String {
    hex::encode(ring::digest::digest(&ring::digest::SHA256, text.as_bytes()))
}

/// A cancellation code as typed: spaces and dashes left out, upper case.
fn normalised_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

impl BookingRequest {
    fn request(&self) -> Result<Request<'_>, AppointmentError> {
        let persons = input::count("persons", self.persons, 1..=u32::MAX)?;
        Ok(Request {
            products: &self.products,
            persons,
        })
    }
}

impl Bookings {
    /// Books an appointment: by a resident for themselves (anonymous callers leave an
    /// e-mail address), or by the front office on a resident's behalf. The start must be one
    /// of the free times; `Conflict` when it was just taken. A retry with the same
    /// idempotency key returns the first booking; the same key for another booking is a
    /// conflict.
    pub async fn book(
        &self,
        ctx: &Ctx,
        session: &Session,
        booking: BookingRequest,
    ) -> Result<NewAppointment, AppointmentError> {
        let booker = booker(ctx, Action::Create)?;
        let request = booking.request()?;
        let plan = self.plan(ctx, request, &booking.location)?;
        let name = input::required_line("name", &booking.name, MAX_NAME)?;
        let email = booking
            .email
            .as_deref()
            .map(|e| input::line("email", e, MAX_EMAIL))
            .transpose()?
            .flatten();
        if let Some(email) = &email
            && email.parse::<lettre::Address>().is_err()
        {
            return Err(AppointmentError::bad("email", "not an e-mail address"));
        }
        let phone = booking
            .phone
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                input::mobile(p)
                    .ok_or_else(|| AppointmentError::bad("phone", "not a mobile phone number"))
            })
            .transpose()?;
        let key = booking
            .idempotency_key
            .as_deref()
            .map(|k| input::required_line("idempotencyKey", k, MAX_KEY))
            .transpose()?;
        let subject = match (&booker, booking.subject.as_deref()) {
            (Booker::Counter, Some(bsn)) => Some(
                Bsn::new(input::required_line("subject", bsn, 20)?)
                    .map_err(|_| AppointmentError::bad("subject", "not a valid BSN"))?,
            ),
            (Booker::Counter, None) => None,
            (Booker::Resident(own), None) => own.clone(),
            (Booker::Resident(_), Some(_)) => {
                return Err(AppointmentError::bad(
                    "subject",
                    "residents book for themselves; leave it out",
                ));
            }
        };
        if matches!(booker, Booker::Resident(None)) && email.is_none() {
            return Err(AppointmentError::bad(
                "email",
                "required without logging in: the confirmation and cancel link go there",
            ));
        }
        let booked_by = match ctx.actor() {
            Actor::Employee { subject } => format!("employee:{subject}"),
            Actor::Citizen { .. } => "citizen".to_owned(),
            other => other.kind().to_owned(),
        };
        let start = booking.start;
        let fingerprint = digest(&format!(
            "{:?}|{}|{}|{}|{name}|{email:?}|{phone:?}|{:?}|{booked_by}",
            booking.products,
            request.persons,
            plan.location.code,
            start.to_rfc3339(),
            subject.as_ref().map(Bsn::as_str),
        ));
        if let Some(key) = &key
            && let Some(replay) = self.replay(ctx, session, key, &fingerprint).await?
        {
            return Ok(replay);
        }
        let place = self
            .place(
                ctx,
                session,
                &plan,
                (start, None),
                matches!(booker, Booker::Counter),
            )
            .await?;
        let code = random_letters(8);
        let row = NewRow {
            id: Uuid::now_v7(),
            reference: format!("A-{}", random_letters(8)),
            cancel_code_hash: digest(&code),
            place,
            products: booking.products.clone(),
            persons: i32::try_from(request.persons).unwrap_or(i32::MAX),
            subject_bsn: subject.map(|b| b.as_str().to_owned()),
            contact_name: name,
            email,
            phone,
            booked_by,
            idempotency_key: key,
            fingerprint: fingerprint.clone(),
            created_at: Utc::now().trunc_subsecs(6),
        };
        let tx = session.tx(ctx.tenant()).await?;
        match store::insert(&tx, ctx.tenant(), row).await? {
            Inserted::New(appointment) => {
                self.announce(ctx, &tx, &appointment, Change::Booked(&code))
                    .await?;
                Ok(NewAppointment {
                    appointment,
                    cancellation_code: Some(code),
                    replayed: false,
                })
            }
            Inserted::Earlier(earlier, print) => {
                if print == fingerprint {
                    Ok(NewAppointment {
                        appointment: earlier,
                        cancellation_code: None,
                        replayed: true,
                    })
                } else {
                    Err(key_reused())
                }
            }
        }
    }

    /// The earlier booking under `key`, when there is one and it asked the same.
    async fn replay(
        &self,
        ctx: &Ctx,
        session: &Session,
        key: &str,
        fingerprint: &str,
    ) -> Result<Option<NewAppointment>, AppointmentError> {
        let tx = session.tx(ctx.tenant()).await?;
        let Some((earlier, print)) = store::by_key(&tx, ctx.tenant(), key).await? else {
            return Ok(None);
        };
        if print != fingerprint {
            return Err(key_reused());
        }
        Ok(Some(NewAppointment {
            appointment: earlier,
            cancellation_code: None,
            replayed: true,
        }))
    }

    /// The desk and time for a start asked for: `start` must be one of the day's free times
    /// (`BAD_USER_INPUT` when it is no time appointments start at, or lies outside the
    /// booking window; `Conflict` when it is taken). The counter may book up to now; residents
    /// from the window's soonest time.
    async fn place(
        &self,
        ctx: &Ctx,
        session: &Session,
        plan: &Plan<'_>,
        (start, except): (DateTime<Utc>, Option<Uuid>),
        counter: bool,
    ) -> Result<Place, AppointmentError> {
        let now = Utc::now();
        let (first, last, soonest) = plan.settings.window(now);
        let (first, earliest) = if counter {
            (Calendar::local_date(now), now)
        } else {
            (first, soonest)
        };
        let day = Calendar::local_date(start);
        if day < first || day > last || start < earliest {
            return Err(AppointmentError::bad(
                "start",
                format!("appointments can be made from {earliest} up to {last}"),
            ));
        }
        let free = self.fit(ctx, session, plan, day, earliest, except).await?;
        if let Some(time) = free.into_iter().find(|t| t.start == start) {
            return Ok(Place {
                location: plan.location.code.clone(),
                desk: time.desk,
                start: time.start,
                end: time.end,
            });
        }
        let on_grid = crate::free_times(
            plan.settings,
            plan.location,
            day,
            plan.products,
            plan.minutes,
            earliest,
            &[],
        )
        .iter()
        .any(|t| t.start == start);
        if on_grid {
            Err(AppointmentError::taken())
        } else {
            Err(AppointmentError::bad(
                "start",
                "no appointment can start then; choose one of availableTimes",
            ))
        }
    }

    /// Moves an appointment to another time (and location): the new time is held before the
    /// old one is let go, and when the new time is taken nothing changes.
    pub async fn reschedule(
        &self,
        ctx: &Ctx,
        session: &Session,
        (id, version): (Uuid, i32),
        location: Option<&str>,
        start: DateTime<Utc>,
    ) -> Result<Appointment, AppointmentError> {
        let counter = matches!(booker(ctx, Action::Update)?, Booker::Counter);
        let current = {
            let tx = session.tx(ctx.tenant()).await?;
            store::find(&tx, ctx.tenant(), id).await?
        };
        mine(ctx, &current, Action::Update)?;
        not_past(&current)?;
        let persons = current.persons;
        let request = Request {
            products: &current.products,
            persons,
        };
        let location = location.unwrap_or(&current.place.location);
        let plan = self.plan(ctx, request, location)?;
        let place = self
            .place(ctx, session, &plan, (start, Some(id)), counter)
            .await?;
        let tx = session.tx(ctx.tenant()).await?;
        let moved = store::move_to(&tx, ctx.tenant(), id, version, place).await?;
        self.announce(ctx, &tx, &moved, Change::Rescheduled).await?;
        Ok(moved)
    }

    /// Cancels an appointment: the logged-in resident's own or any (the counter) by id, or
    /// anyone's with its reference and cancellation code.
    pub async fn cancel(
        &self,
        ctx: &Ctx,
        session: &Session,
        how: Cancellation,
    ) -> Result<Appointment, AppointmentError> {
        let now = Utc::now().trunc_subsecs(6);
        let tx = session.tx(ctx.tenant()).await?;
        match how {
            Cancellation::ById { id, version } => {
                booker(ctx, Action::Update)?;
                let current = store::find(&tx, ctx.tenant(), id).await?;
                mine(ctx, &current, Action::Update)?;
                not_past(&current)?;
                let cancelled = store::cancel(&tx, ctx.tenant(), id, version, now).await?;
                self.announce(ctx, &tx, &cancelled, Change::Cancelled)
                    .await?;
                Ok(cancelled)
            }
            Cancellation::ByCode { reference, code } => {
                booker(ctx, Action::Update)?;
                let wrong = || {
                    AppointmentError::bad(
                        "cancellationCode",
                        "no appointment with this reference and cancellation code",
                    )
                };
                let reference = input::required_line("reference", &reference, 16)?;
                let code = input::required_line("cancellationCode", &code, 32)?;
                let (current, hash) =
                    store::by_reference(&tx, ctx.tenant(), &reference.to_ascii_uppercase())
                        .await
                        .map_err(|e| match e {
                            AppointmentError::NotFound => wrong(),
                            other => other,
                        })?;
                if digest(&normalised_code(&code)) != hash {
                    return Err(wrong());
                }
                not_past(&current)?;
                let cancelled =
                    store::cancel(&tx, ctx.tenant(), current.id, current.version, now).await?;
                self.announce(ctx, &tx, &cancelled, Change::Cancelled)
                    .await?;
                Ok(cancelled)
            }
        }
    }
}

/// Refuses to change an appointment whose time has come: what happened to it is the
/// counter's to record (called, completed, no-show), not a cancellation.
fn not_past(appointment: &Appointment) -> Result<(), AppointmentError> {
    if appointment.place.start <= Utc::now() {
        return Err(AppointmentError::Conflict(
            "the appointment's time has come; it can no longer be moved or cancelled".into(),
        ));
    }
    Ok(())
}

fn key_reused() -> AppointmentError {
    AppointmentError::Conflict("this idempotency key was used for another booking".to_owned())
}
