//! The counter's day and a resident's own appointments: the day list, check-in, calling to a
//! desk, completing and marking a no-show.

use chrono::{NaiveDate, SubsecRound, Utc};
use loket_kernel::{Action, Ctx, calendar::Calendar, input};
use loket_store::Session;
use uuid::Uuid;

use super::{Bookings, COUNTER, OWN, require, span};
use crate::{
    Appointment, AppointmentError, AppointmentStatus,
    store::{self, Step},
};

/// The most appointments a day list holds.
const MAX_DAY: u64 = 2000;
/// The most of a resident's own appointments listed.
const MAX_OWN: u64 = 200;

/// Which appointments the counter lists.
#[derive(Debug, Clone)]
pub struct DayFilter {
    /// The location's code.
    pub location: String,
    /// The day.
    pub day: NaiveDate,
    /// Only these statuses (default: all).
    pub statuses: Vec<AppointmentStatus>,
}

impl Bookings {
    /// A location's appointments on a day, in order of time (the counter).
    pub async fn day_list(
        &self,
        ctx: &Ctx,
        session: &Session,
        filter: DayFilter,
    ) -> Result<Vec<Appointment>, AppointmentError> {
        require(ctx, COUNTER, Action::Read)?;
        let day = input::day("day", filter.day)?;
        let location = self.settings(ctx)?.location(&filter.location)?;
        let (from, to) = span(day);
        let tx = session.tx(ctx.tenant()).await?;
        let all = store::starting(&tx, ctx.tenant(), &location.code, from, to, MAX_DAY).await?;
        Ok(all
            .into_iter()
            .filter(|a| filter.statuses.is_empty() || filter.statuses.contains(&a.status))
            .collect())
    }

    /// The logged-in resident's own appointments, the latest first (none for other callers).
    pub async fn own(
        &self,
        ctx: &Ctx,
        session: &Session,
    ) -> Result<Vec<Appointment>, AppointmentError> {
        require(ctx, OWN, Action::Read)?;
        let Some(bsn) = ctx.actor().bsn() else {
            return Ok(Vec::new());
        };
        let tx = session.tx(ctx.tenant()).await?;
        store::of_subject(&tx, ctx.tenant(), bsn.as_str(), MAX_OWN).await
    }

    /// The appointment with this id, as the counter sees it.
    pub async fn appointment(
        &self,
        ctx: &Ctx,
        session: &Session,
        id: Uuid,
    ) -> Result<Appointment, AppointmentError> {
        require(ctx, COUNTER, Action::Read)?;
        let tx = session.tx(ctx.tenant()).await?;
        store::find(&tx, ctx.tenant(), id).await
    }

    /// Takes `step` on an appointment at the counter: check-in on its day, calling to one of
    /// its location's desks, completing after the call, a no-show once its time has come.
    pub async fn advance(
        &self,
        ctx: &Ctx,
        session: &Session,
        id: Uuid,
        step: Step,
    ) -> Result<Appointment, AppointmentError> {
        require(ctx, COUNTER, Action::Update)?;
        let settings = self.settings(ctx)?;
        let now = Utc::now().trunc_subsecs(6);
        let tx = session.tx(ctx.tenant()).await?;
        let current = store::find(&tx, ctx.tenant(), id).await?;
        match &step {
            Step::Call(desk) => {
                let location = settings.location(&current.place.location)?;
                if !location.desks.iter().any(|d| &d.code == desk) {
                    return Err(AppointmentError::bad(
                        "desk",
                        format!("{} has no desk {desk:?}", location.name),
                    ));
                }
            }
            Step::CheckIn
                if Calendar::local_date(now) != Calendar::local_date(current.place.start) =>
            {
                return Err(AppointmentError::Conflict(format!(
                    "the appointment is on {}, not today",
                    Calendar::local_date(current.place.start)
                )));
            }
            Step::NoShow if now < current.place.start => {
                return Err(AppointmentError::Conflict(
                    "the appointment's time has not come yet".into(),
                ));
            }
            _ => {}
        }
        store::advance(&tx, ctx.tenant(), (id, current.version), step, now).await
    }
}
