//! Each municipality's counters as `tenants/<slug>/appointments.toml` describes them, checked
//! as they are read, with every problem named by file and line. A tenant without the file
//! takes no appointments.

mod file;
mod load;

use std::{
    collections::{BTreeMap, BTreeSet},
    path::PathBuf,
};

use chrono::{Datelike, NaiveDate, NaiveTime};
use loket_kernel::{TenantId, calendar::Calendar};

pub use load::{FILE, load};

/// Every tenant's appointment settings.
#[derive(Debug, Clone, Default)]
pub struct Appointments {
    /// Per tenant that takes appointments.
    pub tenants: BTreeMap<TenantId, TenantAppointments>,
}

impl Appointments {
    /// The settings of `tenant`, when it takes appointments.
    pub fn of(&self, tenant: &TenantId) -> Option<&TenantAppointments> {
        self.tenants.get(tenant)
    }
}

/// One municipality's counters.
#[derive(Debug, Clone)]
pub struct TenantAppointments {
    /// The file, for messages that name it.
    pub file: PathBuf,
    /// How far ahead, and how close to now, a resident may book.
    pub booking: Booking,
    /// When residents are reminded.
    pub reminders: Reminders,
    /// How soon after their appointment time residents should be called.
    pub norm: Norm,
    /// Minutes per catalogue product code.
    pub durations: BTreeMap<String, ProductDuration>,
    /// The counters, by code.
    pub locations: BTreeMap<String, Location>,
    /// Sets of products of which no two may share one appointment.
    pub exclusive: Vec<BTreeSet<String>>,
    /// The days without appointments: weekends, the national holidays the municipality keeps,
    /// its closed days and the counters' own closed days.
    pub calendar: Calendar,
    /// Every product the file names, with its line, for checks against the catalogue.
    pub products: Vec<(String, usize)>,
}

/// The booking window and its limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Booking {
    /// The soonest an appointment may start, in minutes from now.
    pub earliest_minutes: u32,
    /// The last day that may be booked, in days from today.
    pub latest_days: u32,
    /// Start times fall on multiples of these minutes after the opening.
    pub step_minutes: u32,
    /// The most persons in one appointment.
    pub max_persons: u32,
    /// The most products in one appointment.
    pub max_products: u32,
}

/// The reminders before an appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reminders {
    /// A reminder the day before.
    pub day_before: bool,
    /// A reminder this many hours before, when set.
    pub hours_before: Option<u32>,
}

/// The counter's service norm: residents called to a desk within `seen_within_minutes` of
/// their appointment time (or of their arrival, when they came late), for at least
/// `target_percentage` of appointments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Norm {
    /// Minutes after the appointment time.
    pub seen_within_minutes: u32,
    /// The share of appointments aimed for, in percent.
    pub target_percentage: u32,
}

impl Default for Norm {
    /// Seen within 10 minutes for 85 % of appointments.
    fn default() -> Self {
        Self {
            seen_within_minutes: 10,
            target_percentage: 85,
        }
    }
}

/// How long a product takes at the counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProductDuration {
    /// Minutes for the first person.
    pub minutes: u32,
    /// Minutes for each further person.
    pub extra_person_minutes: u32,
}

/// A counter: where residents come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Stable code, for example `stadskantoor`.
    pub code: String,
    /// Name shown to residents.
    pub name: String,
    /// Street address shown to residents.
    pub address: String,
    /// Opening times from Monday to Friday, each day's sorted and apart.
    pub hours: [Vec<Opening>; 5],
    /// The desks, by code.
    pub desks: Vec<Desk>,
}

/// One stretch of opening time on a day, in the municipality's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Opening {
    /// When it opens.
    pub from: NaiveTime,
    /// When it closes: an appointment ends by then.
    pub to: NaiveTime,
}

/// A desk at a counter, and what it serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Desk {
    /// Code, unique within its location, for example `balie-1`.
    pub code: String,
    /// The product codes it serves.
    pub products: BTreeSet<String>,
}

impl TenantAppointments {
    /// Whether appointments can be made on `day` at all.
    pub fn open_on(&self, day: NaiveDate) -> bool {
        self.calendar.is_working_day(day)
    }
}

impl Location {
    /// The opening times on `day` (none at weekends).
    pub fn hours_on(&self, day: NaiveDate) -> &[Opening] {
        let weekday = day.weekday().num_days_from_monday() as usize;
        self.hours.get(weekday).map_or(&[], Vec::as_slice)
    }
}
