//! The contact centre's GraphQL objects.

use async_graphql::{
    Context, Enum, ID, Object, Result, SimpleObject,
    connection::{Connection, Edge, EmptyFields},
};
use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{
    Actor, global_id,
    graphql::request_ctx,
    page::{DayKey, Page, cursor},
};
use loket_store::graphql::record;

use crate::{CallbackRecord, ContactChannel, ContactPage, ContactRecord, contact_cursor};

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

impl ContactMoment {
    /// Notes that the caller read this contact of its resident, as a field resolves.
    fn read(&self, ctx: &Context<'_>) -> Result<()> {
        let Some(subject) = &self.0.subject else {
            return Ok(());
        };
        let how = self.0.read_as;
        record(ctx, subject.as_str(), how.operation, how.purpose, "contact")
    }
}

/// What a resident asked on some channel, and what they were told.
#[Object]
impl ContactMoment {
    /// Opaque global id.
    pub async fn id(&self) -> ID {
        ID(global_id::encode("ContactMoment", &self.0.id.to_string()))
    }
    /// The channel.
    async fn channel(&self, ctx: &Context<'_>) -> Result<GqlChannel> {
        self.read(ctx)?;
        Ok(self.0.channel.into())
    }
    /// The resident (BSN), when known.
    async fn subject(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx)?;
        Ok(self.0.subject.as_ref().map(|b| b.as_str()))
    }
    /// Product code or free topic.
    async fn topic(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx)?;
        Ok(&self.0.topic)
    }
    /// The topic as shown: the product's name or the free topic.
    async fn topic_label(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx)?;
        Ok(&self.0.topic_label)
    }
    /// The question asked.
    async fn question(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx)?;
        Ok(&self.0.question)
    }
    /// The answer given.
    async fn answer(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx)?;
        Ok(&self.0.answer)
    }
    /// Whether it was answered in this contact, without handing it on.
    async fn resolved_first_contact(&self, ctx: &Context<'_>) -> Result<bool> {
        self.read(ctx)?;
        Ok(self.0.resolved_first_contact)
    }
    /// When the question came in.
    async fn received_at(&self, ctx: &Context<'_>) -> Result<DateTime<Utc>> {
        self.read(ctx)?;
        Ok(self.0.received_at)
    }
    /// When it was answered.
    async fn answered_at(&self, ctx: &Context<'_>) -> Result<Option<DateTime<Utc>>> {
        self.read(ctx)?;
        Ok(self.0.answered_at)
    }
    /// Seconds the resident waited (phone, chat).
    async fn wait_seconds(&self, ctx: &Context<'_>) -> Result<Option<i32>> {
        self.read(ctx)?;
        Ok(self.0.wait_seconds)
    }
    /// Working days until answered (e-mail, web form).
    async fn response_working_days(&self, ctx: &Context<'_>) -> Result<Option<i32>> {
        self.read(ctx)?;
        Ok(self.0.response_working_days)
    }
    /// Seconds spent handling it.
    async fn handling_seconds(&self, ctx: &Context<'_>) -> Result<Option<i32>> {
        self.read(ctx)?;
        Ok(self.0.handling_seconds)
    }
    /// The employee who registered it (staff only; residents see the municipality).
    async fn employee(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx)?;
        let rctx = request_ctx(ctx)?;
        Ok(match rctx.actor() {
            Actor::Employee { .. } => Some(self.0.employee.as_str()),
            _ => None,
        })
    }
    /// The case it concerns (reference).
    async fn case_reference(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx)?;
        Ok(self.0.case_reference.as_deref())
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
pub(crate) fn contact_connection<K>(page: &Page<K>, found: ContactPage) -> ContactMomentConnection {
    let mut connection = Connection::with_additional_fields(
        page.after.is_some(),
        found.has_next,
        ContactCounts {
            total_count: found.total,
        },
    );
    connection.edges.extend(
        found
            .contacts
            .into_iter()
            .map(|r| Edge::new(contact_cursor(&r), ContactMoment(r))),
    );
    connection
}

/// A question handed to a back-office team to call the resident back.
pub struct Callback(pub(crate) CallbackRecord);

impl From<CallbackRecord> for Callback {
    fn from(r: CallbackRecord) -> Self {
        Self(r)
    }
}

impl Callback {
    /// Notes that the caller read this callback of its resident (the number to call, the
    /// question), as a field resolves.
    fn read(&self, ctx: &Context<'_>) -> Result<()> {
        let Some(subject) = &self.0.subject else {
            return Ok(());
        };
        record(
            ctx,
            subject,
            self.0.operation,
            "call a resident back",
            "contact/callback",
        )
    }
}

/// A question handed to a back-office team to call the resident back.
#[Object]
impl Callback {
    /// Opaque global id.
    async fn id(&self) -> ID {
        ID(global_id::encode("Callback", &self.0.id.to_string()))
    }
    /// The contact moment the question was asked in.
    async fn contact_id(&self) -> ID {
        ID(global_id::encode(
            "ContactMoment",
            &self.0.contact_id.to_string(),
        ))
    }
    /// The team that calls back.
    async fn team(&self) -> &str {
        &self.0.team
    }
    /// The number to call.
    async fn phone(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx)?;
        Ok(&self.0.phone)
    }
    /// The question to answer.
    async fn question(&self, ctx: &Context<'_>) -> Result<&str> {
        self.read(ctx)?;
        Ok(&self.0.question)
    }
    /// The resident (BSN), when known.
    async fn subject(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx)?;
        Ok(self.0.subject.as_deref())
    }
    /// When it was handed over.
    async fn requested_at(&self) -> DateTime<Utc> {
        self.0.requested_at
    }
    /// The last day to call back.
    async fn deadline(&self) -> NaiveDate {
        self.0.deadline
    }
    /// When it was done.
    async fn completed_at(&self) -> Option<DateTime<Utc>> {
        self.0.completed_at
    }
    /// What came of it.
    async fn result(&self, ctx: &Context<'_>) -> Result<Option<&str>> {
        self.read(ctx)?;
        Ok(self.0.result.as_deref())
    }
    /// Whether it was done by the deadline (null while open).
    async fn in_time(&self) -> Option<bool> {
        self.0.in_time
    }
    /// Version, for `completeCallback`.
    async fn version(&self) -> i32 {
        self.0.version
    }
    /// Open and past its deadline.
    async fn overdue(&self) -> bool {
        self.0.overdue(loket_kernel::calendar::Calendar::today())
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
    page: &Page<DayKey>,
    found: Vec<CallbackRecord>,
    total: u64,
    has_next: bool,
) -> CallbackConnection {
    let mut connection = Connection::with_additional_fields(
        page.after.is_some(),
        has_next,
        CallbackCounts { total_count: total },
    );
    connection.edges.extend(found.into_iter().map(|r| {
        let position = cursor(&DayKey {
            day: r.deadline,
            id: r.id,
        });
        Edge::new(position, Callback::from(r))
    }));
    connection
}
