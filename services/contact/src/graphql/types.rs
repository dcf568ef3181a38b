//! The contact centre's GraphQL objects.

use async_graphql::{
    ComplexObject, Context, Enum, ID, Object, Result, SimpleObject,
    connection::{Connection, Edge, EmptyFields},
};
use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{
    Actor, global_id,
    graphql::request_ctx,
    page::{Page, encode_cursor},
};

use crate::{CallbackRecord, ContactChannel, ContactPage, ContactRecord};

/// A channel residents reach the municipality on.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "ContactMomentChannel")]
pub enum GqlChannel {
    /// Telephone.
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

impl From<GqlChannel> for ContactChannel {
    fn from(c: GqlChannel) -> Self {
        match c {
            GqlChannel::Phone => Self::Phone,
            GqlChannel::Email => Self::Email,
            GqlChannel::Counter => Self::Counter,
            GqlChannel::WebForm => Self::WebForm,
            GqlChannel::Chat => Self::Chat,
            GqlChannel::Letter => Self::Letter,
            GqlChannel::SocialMedia => Self::SocialMedia,
        }
    }
}

impl From<ContactChannel> for GqlChannel {
    fn from(c: ContactChannel) -> Self {
        match c {
            ContactChannel::Phone => Self::Phone,
            ContactChannel::Email => Self::Email,
            ContactChannel::Counter => Self::Counter,
            ContactChannel::WebForm => Self::WebForm,
            ContactChannel::Chat => Self::Chat,
            ContactChannel::Letter => Self::Letter,
            ContactChannel::SocialMedia => Self::SocialMedia,
        }
    }
}

/// What a resident asked on some channel, and what they were told.
pub struct ContactMoment(pub ContactRecord);

#[Object]
impl ContactMoment {
    /// Opaque global id.
    pub async fn id(&self) -> ID {
        ID(global_id::encode("ContactMoment", &self.0.id.to_string()))
    }
    /// The channel.
    async fn channel(&self) -> GqlChannel {
        self.0.channel.into()
    }
    /// The resident (BSN), when known.
    async fn subject(&self) -> Option<&str> {
        self.0.subject.as_ref().map(|b| b.as_str())
    }
    /// Product code or free topic.
    async fn topic(&self) -> &str {
        &self.0.topic
    }
    /// The topic as shown: the product's name or the free topic.
    async fn topic_label(&self) -> &str {
        &self.0.topic_label
    }
    /// The question asked.
    async fn question(&self) -> &str {
        &self.0.question
    }
    /// The answer given.
    async fn answer(&self) -> &str {
        &self.0.answer
    }
    /// Whether it was answered in this contact, without handing it on.
    async fn resolved_first_contact(&self) -> bool {
        self.0.resolved_first_contact
    }
    /// When the question came in.
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.received_at
    }
    /// When it was answered.
    async fn answered_at(&self) -> Option<DateTime<Utc>> {
        self.0.answered_at
    }
    /// Seconds the resident waited (phone, chat).
    async fn wait_seconds(&self) -> Option<i32> {
        self.0.wait_seconds
    }
    /// Working days until answered (e-mail, web form).
    async fn response_working_days(&self) -> Option<i32> {
        self.0.response_working_days
    }
    /// Seconds spent handling it.
    async fn handling_seconds(&self) -> Option<i32> {
        self.0.handling_seconds
    }
    /// The employee who registered it (staff only; residents see the municipality).
    async fn employee(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        let rctx = request_ctx(ctx)?;
        Ok(match rctx.actor() {
            Actor::Employee { .. } => Some(self.0.employee.as_str()),
            _ => None,
        })
    }
    /// The case it concerns (reference).
    async fn case_reference(&self) -> Option<&str> {
        self.0.case_reference.as_deref()
    }
}

/// Counts of a contact list.
#[derive(SimpleObject)]
pub struct ContactCounts {
    /// How many contacts match in all.
    pub total_count: u64,
}

/// A page of contact moments.
pub type ContactMomentConnection = Connection<String, ContactMoment, ContactCounts, EmptyFields>;

/// A page of records as a connection.
pub(crate) fn contact_connection(page: Page, found: ContactPage) -> ContactMomentConnection {
    let shown = page.offset as u64 + found.contacts.len() as u64;
    let mut connection = Connection::with_additional_fields(
        page.offset > 0,
        shown < found.total,
        ContactCounts {
            total_count: found.total,
        },
    );
    connection.edges.extend(
        found
            .contacts
            .into_iter()
            .enumerate()
            .map(|(i, r)| Edge::new(encode_cursor(page.offset + i), ContactMoment(r))),
    );
    connection
}

/// A question handed to a back-office team to call the resident back.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct Callback {
    #[graphql(skip)]
    pub(crate) record: CallbackRecord,
    /// The team that calls back.
    team: String,
    /// The number to call.
    phone: String,
    /// The question to answer.
    question: String,
    /// The resident (BSN), when known.
    subject: Option<String>,
    /// When it was handed over.
    requested_at: DateTime<Utc>,
    /// The last day to call back.
    deadline: NaiveDate,
    /// When it was done.
    completed_at: Option<DateTime<Utc>>,
    /// What came of it.
    result: Option<String>,
    /// Whether it was done by the deadline (null while open).
    in_time: Option<bool>,
    /// Version, for `completeCallback`.
    version: i32,
}

impl From<CallbackRecord> for Callback {
    fn from(r: CallbackRecord) -> Self {
        Self {
            team: r.team.clone(),
            phone: r.phone.clone(),
            question: r.question.clone(),
            subject: r.subject.clone(),
            requested_at: r.requested_at,
            deadline: r.deadline,
            completed_at: r.completed_at,
            result: r.result.clone(),
            in_time: r.in_time,
            version: r.version,
            record: r,
        }
    }
}

#[ComplexObject]
impl Callback {
    /// Opaque global id.
    async fn id(&self) -> ID {
        ID(global_id::encode("Callback", &self.record.id.to_string()))
    }
    /// The contact moment the question was asked in.
    async fn contact_id(&self) -> ID {
        ID(global_id::encode(
            "ContactMoment",
            &self.record.contact_id.to_string(),
        ))
    }
    /// Open and past its deadline.
    async fn overdue(&self) -> bool {
        self.record
            .overdue(loket_kernel::calendar::Calendar::local_date(Utc::now()))
    }
}

/// Counts of a callback list.
#[derive(SimpleObject)]
pub struct CallbackCounts {
    /// How many callbacks match in all.
    pub total_count: u64,
}

/// A page of callbacks.
pub type CallbackConnection = Connection<String, Callback, CallbackCounts, EmptyFields>;

/// A page of callbacks as a connection.
pub(crate) fn callback_connection(
    page: Page,
    found: Vec<CallbackRecord>,
    total: u64,
) -> CallbackConnection {
    let shown = page.offset as u64 + found.len() as u64;
    let mut connection = Connection::with_additional_fields(
        page.offset > 0,
        shown < total,
        CallbackCounts { total_count: total },
    );
    connection.edges.extend(
        found
            .into_iter()
            .enumerate()
            .map(|(i, r)| Edge::new(encode_cursor(page.offset + i), Callback::from(r))),
    );
    connection
}
