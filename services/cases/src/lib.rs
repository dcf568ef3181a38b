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
//!   address; its conflict flag and the departments it names come only from cases and outcomes
//!   the caller may read.
//! - A resident may name any address in their municipality for a request: under Dutch law
//!   anyone may apply for a permit for any location, owner or not. The residents of that
//!   address learn nothing of the applicant; the case is the applicant's.
//! - A list filtered on a part of a case (its handler, its status) covers only the case types
//!   whose part the caller may read, and is refused when that leaves none: the counts would
//!   otherwise tell what the caller may not see.
//! - Reports about public space are cases of a report category (`report_categories.toml`),
//!   with a place, reporters instead of a subject, a public view, and messages to the
//!   reporters (see the `report` service module).
//! - Every service function works in the request's [`loket_store::Session`]: one transaction
//!   for the whole request, shared by all its resolvers. Reads of personal data are logged as
//!   the GraphQL layer resolves them, so the log holds exactly what was read.

mod entity;
mod error;
pub mod graphql;
pub mod photos;
mod service;
mod types;

pub use error::CaseError;
pub use service::BundleResult;
pub use service::{
    Anonymised, Around, CaseFilter, CaseKey, CasePage, CasePosition, CaseRecord, Cases,
    CasesAround, Change, Channel, DecisionRecord, Filed, IntegralView, JournalRecord, MAX_PAGE,
    NearbyReport, NewCase, NewReport, NoteRecord, Order, PhotoRecord, Place, PublicReport, ReadAs,
    RelatedCase, ReportFilter, ReportPage, ReporterDetails, ReporterRecord, StatusChange,
    StatusRecord, StoredPhoto, Submission, SurveyAnswer, TimelineRecord, TypeAccess, Want,
    days_in_step, deadline, nearby_statement,
};
pub use types::{
    CaseType, CaseTypes, Effect, FieldType, FieldValue, FormField, Outcome, ReportCategory,
    StatusType, load as load_case_types,
};
