//! What one service may ask of another without depending on its crate, in the caller's
//! session: the registry answers as the [`Directory`] (where a resident lives, what an address
//! is), the case service as the [`CaseBook`] (whether a case exists, how deadlines were kept).
//! The gateway hands each to the services that need it. Implementations do no policy checks:
//! callers route and validate with the answers, or get aggregates without personal data.

use chrono::NaiveDate;
use loket_kernel::{
    Bsn, TenantId,
    casebook::{CaseBookError, DeadlineFigures},
    counter::{CounterError, CounterFigures},
    directory::{
        AddressFacts, AddressMatch, Bounds, BoxFuture, DirectoryError, ResidentFacts,
        TravelDocumentFacts,
    },
};

use crate::Session;

/// Lookups in the shared registries.
pub trait Directory: Send + Sync {
    /// The resident with this BSN, with their address, if registered.
    fn resident<'a>(
        &'a self,
        session: &'a Session,
        bsn: &'a Bsn,
    ) -> BoxFuture<'a, Result<Option<ResidentFacts>, DirectoryError>>;

    /// The address with this BAG id, if it exists.
    fn address<'a>(
        &'a self,
        session: &'a Session,
        id: &'a str,
    ) -> BoxFuture<'a, Result<Option<AddressFacts>, DirectoryError>>;

    /// The address `text` names when written out, as in `Markt 1, 7511 GA Enschede`: by
    /// postcode and house number when it holds a postcode, otherwise by street and house number
    /// among the addresses of the municipality with this CBS code.
    fn written_address<'a>(
        &'a self,
        session: &'a Session,
        municipality_code: &'a str,
        text: &'a str,
    ) -> BoxFuture<'a, Result<AddressMatch, DirectoryError>>;

    /// The resident's travel documents.
    fn travel_documents<'a>(
        &'a self,
        session: &'a Session,
        bsn: &'a Bsn,
    ) -> BoxFuture<'a, Result<Vec<TravelDocumentFacts>, DirectoryError>>;

    /// The box around the addresses of the municipality with this CBS code; `None` when the
    /// registry holds none of its addresses.
    fn bounds<'a>(
        &'a self,
        session: &'a Session,
        municipality_code: &'a str,
    ) -> BoxFuture<'a, Result<Option<Bounds>, DirectoryError>>;
}

/// How to reach a reporter of a report about public space, as the notification service needs
/// it when it sends them a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReporterContact {
    /// The reporter's id (as the `report.*` events name them).
    pub id: uuid::Uuid,
    /// E-mail address, if given.
    pub email: Option<String>,
    /// Mobile number, if given.
    pub phone: Option<String>,
    /// The language they chose.
    pub language: String,
}

/// The case service's reporters: their addresses, looked up when a message is sent, so that
/// details removed meanwhile are never used.
pub trait ReporterBook: Send + Sync {
    /// The reporters of `tenant` with these ids whose details are still kept.
    fn contacts<'a>(
        &'a self,
        session: &'a Session,
        tenant: &'a TenantId,
        ids: &'a [uuid::Uuid],
    ) -> BoxFuture<'a, Result<Vec<ReporterContact>, DirectoryError>>;
}

/// Whether a collaboration's host works on a member's resident: the registry lets a regional
/// desk read a member municipality's residents only for the shared work.
pub trait SharedWork: Send + Sync {
    /// Whether `bsn` is the subject of a case in `domain` that `host` handles.
    fn involves<'a>(
        &'a self,
        session: &'a Session,
        host: &'a TenantId,
        domain: &'a TenantId,
        bsn: &'a Bsn,
    ) -> BoxFuture<'a, Result<bool, CaseBookError>>;
}

/// Case facts for other services.
pub trait CaseBook: Send + Sync {
    /// Whether `tenant` owns a case with this reference.
    fn exists<'a>(
        &'a self,
        session: &'a Session,
        tenant: &'a TenantId,
        reference: &'a str,
    ) -> BoxFuture<'a, Result<bool, CaseBookError>>;

    /// Per case type of `tenant`, the cases it owns that closed from `from` to `to`
    /// (inclusive), and how many of them on time.
    fn deadline_figures<'a>(
        &'a self,
        session: &'a Session,
        tenant: &'a TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'a, Result<Vec<DeadlineFigures>, CaseBookError>>;
}

/// What the service report asks of the appointment service.
pub trait AppointmentBook: Send + Sync {
    /// The counter's figures of `tenant` for the appointments whose time fell from `from` to
    /// `to` (inclusive); `None` when it takes no appointments.
    fn counter_figures<'a>(
        &'a self,
        session: &'a Session,
        tenant: &'a TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'a, Result<Option<CounterFigures>, CounterError>>;
}
