//! The contact centre's records: contact moments and callback requests.

use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::Bsn;
use loket_store::processing_log::ReadAs;
use uuid::Uuid;

use crate::{
    ContactError,
    entity::{callback, moment},
};

/// A channel residents reach the municipality on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ContactChannel {
    /// Telephone (14 + area code).
    Phone,
    /// E-mail.
    Email,
    /// At the counter.
    Counter,
    /// A form on the website.
    WebForm,
    /// Chat on the website.
    Chat,
    /// A letter.
    Letter,
    /// Social media.
    SocialMedia,
}

impl ContactChannel {
    /// Every channel, in report order.
    pub const ALL: [Self; 7] = [
        Self::Phone,
        Self::Email,
        Self::Counter,
        Self::WebForm,
        Self::Chat,
        Self::Letter,
        Self::SocialMedia,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Counter => "counter",
            Self::WebForm => "web-form",
            Self::Chat => "chat",
            Self::Letter => "letter",
            Self::SocialMedia => "social-media",
        }
    }

    /// The channel with this stored name.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// Whether a resident waits live before being answered (the waiting time is measured).
    pub fn is_live(self) -> bool {
        matches!(self, Self::Phone | Self::Chat)
    }

    /// Whether the question arrives in writing and is answered later (the response time is
    /// measured in working days).
    pub fn is_written(self) -> bool {
        matches!(self, Self::Email | Self::WebForm)
    }
}

/// A contact moment to register.
#[derive(Debug, Clone, Default)]
pub struct NewContact {
    /// The channel; required.
    pub channel: Option<ContactChannel>,
    /// The resident, when known (BSN).
    pub subject: Option<String>,
    /// The catalogue product it was about…
    pub product: Option<String>,
    /// …or a free topic ("opening hours").
    pub topic: Option<String>,
    /// The question asked.
    pub question: String,
    /// The answer given.
    pub answer: String,
    /// Whether the question was answered in this contact, without handing it on.
    pub resolved_first_contact: bool,
    /// Seconds the resident waited before being answered (phone, chat).
    pub wait_seconds: Option<i32>,
    /// When a written question arrived (e-mail, web form); default now.
    pub received_at: Option<DateTime<Utc>>,
    /// When it was answered; default now.
    pub answered_at: Option<DateTime<Utc>>,
    /// Seconds spent handling it.
    pub handling_seconds: Option<i32>,
    /// The case it concerns (reference).
    pub case_reference: Option<String>,
    /// A retry with the same key returns the first registration.
    pub idempotency_key: Option<String>,
}

/// A registered contact moment.
#[derive(Debug, Clone, PartialEq)]
pub struct ContactRecord {
    /// Id.
    pub id: Uuid,
    /// The channel.
    pub channel: ContactChannel,
    /// The resident, when known.
    pub subject: Option<Bsn>,
    /// Product code or normalised free topic.
    pub topic: String,
    /// The topic as shown.
    pub topic_label: String,
    /// The question asked.
    pub question: String,
    /// The answer given.
    pub answer: String,
    /// Answered in this contact.
    pub resolved_first_contact: bool,
    /// When the question came in.
    pub received_at: DateTime<Utc>,
    /// When it was answered.
    pub answered_at: Option<DateTime<Utc>>,
    /// Seconds waited (phone, chat).
    pub wait_seconds: Option<i32>,
    /// Working days until answered (e-mail, web form).
    pub response_working_days: Option<i32>,
    /// Seconds spent handling it.
    pub handling_seconds: Option<i32>,
    /// Who registered it.
    pub employee: String,
    /// The case it concerns.
    pub case_reference: Option<String>,
    /// Why it was read, for the processing log.
    pub read_as: ReadAs,
}

impl ContactRecord {
    /// The record of a stored contact, read as `read_as`.
    pub(crate) fn read(m: moment::Model, read_as: ReadAs) -> Result<Self, ContactError> {
        let stored = |what: &str| ContactError::Db(sea_orm::DbErr::Custom(what.to_owned()));
        Ok(Self {
            id: m.id,
            channel: ContactChannel::parse(&m.channel).ok_or_else(|| stored("unknown channel"))?,
            subject: m
                .subject_bsn
                .map(|b| Bsn::new(b).map_err(|_| stored("stored BSN")))
                .transpose()?,
            topic: m.topic,
            topic_label: m.topic_label,
            question: m.question,
            answer: m.answer,
            resolved_first_contact: m.resolved_first_contact,
            received_at: m.received_at,
            answered_at: m.answered_at,
            wait_seconds: m.wait_seconds,
            response_working_days: m.response_working_days,
            handling_seconds: m.handling_seconds,
            employee: m.employee,
            case_reference: m.case_reference,
            read_as,
        })
    }
}

/// A callback request handed to a back-office team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackRecord {
    /// Id.
    pub id: Uuid,
    /// The contact moment it came from.
    pub contact_id: Uuid,
    /// The team that calls back.
    pub team: String,
    /// The resident, when known.
    pub subject: Option<String>,
    /// The number to call.
    pub phone: String,
    /// The question to answer.
    pub question: String,
    /// When it was handed over.
    pub requested_at: DateTime<Utc>,
    /// Who handed it over.
    pub requested_by: String,
    /// The last day to call back (the tenant's norm in working days).
    pub deadline: NaiveDate,
    /// When it was done.
    pub completed_at: Option<DateTime<Utc>>,
    /// Who did it.
    pub completed_by: Option<String>,
    /// What came of it.
    pub result: Option<String>,
    /// Whether it was done by the deadline.
    pub in_time: Option<bool>,
    /// Version for optimistic concurrency.
    pub version: i32,
    /// The operation that read it, for the processing log.
    pub operation: &'static str,
}

impl CallbackRecord {
    /// The record of a stored callback, read by `operation`.
    pub(crate) fn read(m: callback::Model, operation: &'static str) -> Self {
        Self {
            id: m.id,
            contact_id: m.contact_id,
            team: m.team,
            subject: m.subject_bsn,
            phone: m.phone,
            question: m.question,
            requested_at: m.requested_at,
            requested_by: m.requested_by,
            deadline: m.deadline,
            completed_at: m.completed_at,
            completed_by: m.completed_by,
            result: m.result,
            in_time: m.in_time,
            version: m.version,
            operation,
        }
    }

    /// Open and past its deadline on `today`.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.completed_at.is_none() && today > self.deadline
    }
}
