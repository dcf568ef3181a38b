//! Finding free times: how long an appointment takes, which desks can give it, and where on a
//! day it fits between the appointments already made.

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Amsterdam;
use loket_kernel::calendar::Calendar;

use crate::{
    config::{Desk, Location, TenantAppointments},
    error::SlotError,
};

/// What a resident asks for: products and how many persons.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// Catalogue product codes, each once.
    pub products: &'a [String],
    /// Persons who come, at least one.
    pub persons: u32,
}

/// An appointment already made at a desk: from `start` up to `end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Busy {
    /// The desk's code.
    pub desk: String,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
}

/// A time an appointment fits, at the first desk (by configured order) that is free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeTime {
    /// When it starts.
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
    /// The desk that gives it.
    pub desk: String,
}

impl TenantAppointments {
    /// The minutes `request` takes: per product its minutes, plus its extra minutes for each
    /// further person. Rejects an empty or too large request, an unknown product, a product
    /// twice and products that may not share an appointment.
    pub fn minutes(&self, request: Request<'_>) -> Result<u32, SlotError> {
        let max = self.booking.max_products;
        if request.products.is_empty() || request.products.len() > max as usize {
            return Err(SlotError::Products { max });
        }
        let max = self.booking.max_persons;
        if request.persons == 0 || request.persons > max {
            return Err(SlotError::Persons { max });
        }
        let mut total: u32 = 0;
        for (i, product) in request.products.iter().enumerate() {
            let d = self
                .durations
                .get(product)
                .ok_or_else(|| SlotError::UnknownProduct(product.clone()))?;
            if request.products[..i].contains(product) {
                return Err(SlotError::Twice(product.clone()));
            }
            let extra = d
                .extra_person_minutes
                .saturating_mul(request.persons.saturating_sub(1));
            total = total.saturating_add(d.minutes.saturating_add(extra));
        }
        for set in &self.exclusive {
            let mut chosen = request.products.iter().filter(|p| set.contains(*p));
            if let (Some(a), Some(b)) = (chosen.next(), chosen.next()) {
                return Err(SlotError::NotTogether(a.clone(), b.clone()));
            }
        }
        Ok(total)
    }

    /// The location with this code.
    pub fn location(&self, code: &str) -> Result<&Location, SlotError> {
        self.locations
            .get(code)
            .ok_or_else(|| SlotError::UnknownLocation(code.to_owned()))
    }

    /// The locations with a desk that serves every product of `products`.
    pub fn locations_for<'a>(
        &'a self,
        products: &'a [String],
    ) -> impl Iterator<Item = &'a Location> {
        self.locations
            .values()
            .filter(move |l| l.desks_for(products).next().is_some())
    }

    /// The days that may be booked when it is `now`: from today (when an appointment may
    /// still start today) up to `latest_days` ahead, without the days the calendar closes.
    /// Also the soonest start allowed.
    pub fn window(&self, now: DateTime<Utc>) -> (NaiveDate, NaiveDate, DateTime<Utc>) {
        let soonest = Duration::minutes(i64::from(self.booking.earliest_minutes));
        let earliest = now.checked_add_signed(soonest).unwrap_or(now);
        let today = Calendar::local_date(now);
        let last = today
            .checked_add_days(Days::new(u64::from(self.booking.latest_days)))
            .unwrap_or(today);
        (Calendar::local_date(earliest), last, earliest)
    }
}

impl Location {
    /// The desks that serve every product of `products`, in configured order.
    pub fn desks_for<'a>(&'a self, products: &'a [String]) -> impl Iterator<Item = &'a Desk> {
        self.desks
            .iter()
            .filter(move |d| products.iter().all(|p| d.products.contains(p)))
    }
}

/// The times on `day` at `location` where `minutes` fit at one desk serving every product of
/// `products`, not before `earliest`, on the tenant's step, between its appointments `busy`.
/// A closed day has none.
pub fn free_times(
    tenant: &TenantAppointments,
    location: &Location,
    day: NaiveDate,
    products: &[String],
    minutes: u32,
    earliest: DateTime<Utc>,
    busy: &[Busy],
) -> Vec<FreeTime> {
    if !tenant.open_on(day) || minutes == 0 {
        return Vec::new();
    }
    // Per desk that can serve it, its appointments by start, each with the latest end so far:
    // a time is free where nothing starting before its end reaches past its start.
    let desks: Vec<(&Desk, Vec<Taken>)> = location
        .desks_for(products)
        .map(|desk| {
            let mut taken: Vec<_> = busy
                .iter()
                .filter(|b| b.desk == desk.code)
                .map(|b| (b.start, b.end))
                .collect();
            taken.sort_unstable();
            let mut reach = DateTime::<Utc>::MIN_UTC;
            for (_, end) in &mut taken {
                reach = reach.max(*end);
                *end = reach;
            }
            (desk, taken)
        })
        .collect();
    let free = |taken: &[Taken], start, end| {
        let before = taken.partition_point(|(s, _)| *s < end);
        before
            .checked_sub(1)
            .and_then(|last| taken.get(last))
            .is_none_or(|(_, reach)| *reach <= start)
    };
    let length = Duration::minutes(i64::from(minutes));
    let step = Duration::minutes(i64::from(tenant.booking.step_minutes));
    let mut out = Vec::new();
    for opening in location.hours_on(day) {
        let (Some(open), Some(close)) = (
            local(day.and_time(opening.from)),
            local(day.and_time(opening.to)),
        ) else {
            continue;
        };
        let mut start = open;
        while let Some(end) = start.checked_add_signed(length)
            && end <= close
        {
            if start >= earliest
                && let Some((desk, _)) = desks.iter().find(|(_, taken)| free(taken, start, end))
            {
                out.push(FreeTime {
                    start,
                    end,
                    desk: desk.code.clone(),
                });
            }
            let Some(next) = start.checked_add_signed(step) else {
                break;
            };
            start = next;
        }
    }
    out
}

/// An appointment's start, and the latest end of its desk's appointments so far.
type Taken = (DateTime<Utc>, DateTime<Utc>);

/// A local time in the Netherlands as an instant (the earlier one when clocks go back; none
/// in the hour that does not exist when they go forward).
fn local(at: NaiveDateTime) -> Option<DateTime<Utc>> {
    Amsterdam
        .from_local_datetime(&at)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}
