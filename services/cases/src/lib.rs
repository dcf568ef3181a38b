//! The shared case service (zaken).
//!
//! A case belongs to the municipality where its subject lives (its *domain*); a case type
//! shared through a regional collaboration is handled by the collaboration's host, whose staff
//! work and decide it in the member's domain, while the member's own front office sees its
//! status and other municipalities see nothing.
//!
//! - Residents submit one or more products at once ([`Cases::submit_request`]); the cases of
//!   one request form a bundle, created atomically, and an idempotency key makes a retry
//!   return the same bundle. The front office starts cases for residents
//!   ([`Cases::start_case`]).
//! - Every change ([`Cases::change`]) is checked against the case type (allowed transitions,
//!   outcomes, suspension and extension limits), applied only at the version the caller saw,
//!   journaled, and announced in the outbox in the same transaction.
//! - What a caller sees of a case is decided per case type and domain ([`TypeAccess`]): the
//!   tenant's policy for `case/<type>/status`, `/outcome`, `/public-notes`,
//!   `/internal-notes`, `/assignment`, and the role's confidentiality ceiling.
//! - The deadline is the day of receipt plus the handling period plus the days suspended and
//!   extended, in calendar days.
//!
//! Choices where the contract is silent:
//! - References are `<first three letters of the owner tenant>-<year>-<six digits>`, numbered
//!   per tenant and year without gaps from a counter row locked for the request.
//! - A department's scope is a policy matter: a role such as Enschede's
//!   `backoffice-belastingen` is granted `case/valuation-objection/**` only, and sees and
//!   works nothing else. Confidentiality ceilings bind staff and apps, not residents looking at
//!   their own cases.
//! - The front office may start a case above its ceiling (a disabled-parking card at the
//!   counter) and gets its reference back, but cannot read it afterwards.
//! - End statuses are reached only by `decideCase`; a status's `next` list may lead back (from
//!   "awaiting information" to "in review"); otherwise statuses only move forward.
//! - A stale `expectedVersion` is reported before any other problem with the change. Internal
//!   notes do not raise the version, so a colleague's note never invalidates a decision form.
//! - The integral view covers open cases and cases decided in the last 180 days at the same
//!   address; the conflict flag also counts cases the caller may not read, naming only their
//!   departments.

mod entity;
mod error;
pub mod graphql;
mod service;
mod types;

pub use error::CaseError;
pub use service::BundleResult;
pub use service::{
    CaseFilter, CaseKey, CasePage, CaseRecord, Cases, Change, Channel, DecisionRecord,
    IntegralView, JournalRecord, NewCase, NoteRecord, Order, RelatedCase, StatusChange,
    StatusRecord, Submission, TimelineRecord, TypeAccess, days_in_step, deadline,
};
pub use types::{CaseType, CaseTypes, Effect, Outcome, StatusType, load as load_case_types};
