//! What the service report needs of the counter's appointments, without depending on the
//! appointment service: its figures for a period.

/// How the counter's appointments went in a period (those whose time fell in it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CounterFigures {
    /// The norm: called to a desk within this many minutes of the appointment time (or of
    /// arriving, for who came late).
    pub seen_within_minutes: u32,
    /// The share of appointments aimed for, in percent.
    pub target_percentage: u32,
    /// Appointments called to a desk.
    pub called: i64,
    /// Of those, called within the norm.
    pub called_in_time: i64,
    /// Appointments whose outcome is known: called, completed, or marked a no-show.
    pub settled: i64,
    /// Of those, no-shows.
    pub no_shows: i64,
    /// Cancelled appointments.
    pub cancelled: i64,
    /// Appointments not cancelled, per location and product, by location then product.
    pub per_product: Vec<CounterCount>,
}

/// Appointments for one product at one location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterCount {
    /// The location's code.
    pub location: String,
    /// The product's code.
    pub product: String,
    /// Appointments not cancelled.
    pub appointments: i64,
}

/// Why the appointment service could not answer.
#[derive(Debug, thiserror::Error)]
#[error("appointment lookup failed: {0}")]
pub struct CounterError(pub String);
