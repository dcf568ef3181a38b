//! Registering a contact moment: checked, measured (waiting or response time), and stored once
//! per idempotency key.

use chrono::{DateTime, SubsecRound, Utc};
use loket_kernel::{Action, Bsn, Ctx, calendar::Calendar, input};
use loket_store::{Session, processing_log::ReadAs};
use sea_orm::{
    ActiveModelTrait, EntityTrait, IntoActiveModel, QueryFilter, prelude::*, sea_query::OnConflict,
};
use uuid::Uuid;

use super::{Contacts, MOMENTS, require};
use crate::{
    ContactChannel, ContactError, ContactRecord, NewContact,
    entity::moment::{self, Column},
};

/// Longest question or answer.
const MAX_TEXT: usize = 4000;
/// Longest free topic.
const MAX_TOPIC: usize = 100;
/// Longest idempotency key.
const MAX_KEY: usize = 128;
/// Longest plausible wait or handling time: a day.
const MAX_SECONDS: i32 = 86_400;

/// What a registration stores, checked.
struct Checked {
    channel: ContactChannel,
    subject: Option<Bsn>,
    topic: String,
    topic_label: String,
    received_at: DateTime<Utc>,
    answered_at: Option<DateTime<Utc>>,
    response_working_days: Option<i32>,
}

fn seconds(field: &'static str, value: Option<i32>) -> Result<Option<i32>, ContactError> {
    Ok(value
        .map(|s| input::number(field, s, 0..=MAX_SECONDS))
        .transpose()?)
}

fn text(field: &'static str, value: &str, required: bool) -> Result<(), ContactError> {
    if required {
        input::required_text(field, value, MAX_TEXT)?;
    } else {
        input::text(field, value, MAX_TEXT)?;
    }
    Ok(())
}

impl Contacts {
    /// Checks what a registration needs from the tenant: topic, case, times.
    async fn check(
        &self,
        ctx: &Ctx,
        session: &Session,
        new: &NewContact,
    ) -> Result<Checked, ContactError> {
        let channel = new
            .channel
            .ok_or_else(|| ContactError::bad("channel", "required"))?;
        let subject = new
            .subject
            .as_deref()
            .map(|b| {
                Bsn::new(input::required_line("subject", b, 20)?)
                    .map_err(|_| ContactError::bad("subject", "not a valid BSN"))
            })
            .transpose()?;
        let (topic, topic_label) = match (new.product.as_deref(), new.topic.as_deref()) {
            (Some(code), None) => {
                let code = input::required_line("product", code, 100)?;
                let code = code.as_str();
                let name = self.product_name(ctx.tenant(), code).ok_or_else(|| {
                    ContactError::bad("product", format!("{code:?} is not a product offered here"))
                })?;
                (code.to_owned(), name)
            }
            (None, Some(free)) => {
                let free = input::required_line("topic", free, MAX_TOPIC)?;
                let label = free.split_whitespace().collect::<Vec<_>>().join(" ");
                if label.is_empty() || label.chars().count() > MAX_TOPIC {
                    return Err(ContactError::bad(
                        "topic",
                        format!("1 to {MAX_TOPIC} characters"),
                    ));
                }
                (label.to_lowercase(), label)
            }
            _ => {
                return Err(ContactError::bad(
                    "topic",
                    "give either a catalogue product or a free topic",
                ));
            }
        };
        text("question", &new.question, true)?;
        text("answer", &new.answer, false)?;
        seconds("waitSeconds", new.wait_seconds)?;
        seconds("handlingSeconds", new.handling_seconds)?;
        if channel.is_live() && new.wait_seconds.is_none() {
            return Err(ContactError::bad(
                "waitSeconds",
                "required for phone and chat: how long the resident waited",
            ));
        }
        if !channel.is_live() && new.wait_seconds.is_some() {
            return Err(ContactError::bad("waitSeconds", "only for phone and chat"));
        }
        if channel.is_written() && new.received_at.is_none() {
            return Err(ContactError::bad(
                "receivedAt",
                "required for e-mail and web forms: when the question arrived",
            ));
        }
        // Stored to the microsecond (what PostgreSQL keeps), so what is returned now is what
        // every later read returns.
        let now = Utc::now().trunc_subsecs(6);
        let received_at = new.received_at.unwrap_or(now).trunc_subsecs(6);
        let answered_at = new
            .answered_at
            .map(|t| t.trunc_subsecs(6))
            .or(channel.is_written().then_some(now));
        if received_at > now {
            return Err(ContactError::bad("receivedAt", "lies in the future"));
        }
        if let Some(answered) = answered_at {
            if answered < received_at {
                return Err(ContactError::bad(
                    "answeredAt",
                    "lies before the question arrived",
                ));
            }
            if answered > now {
                return Err(ContactError::bad("answeredAt", "lies in the future"));
            }
        }
        let response_working_days = match (channel.is_written(), answered_at) {
            (true, Some(answered)) => {
                let calendar = self.calendar(ctx.tenant())?;
                let days = calendar.working_days_between(
                    Calendar::local_date(received_at),
                    Calendar::local_date(answered),
                );
                Some(i32::try_from(days).unwrap_or(i32::MAX))
            }
            _ => None,
        };
        if let Some(reference) = new.case_reference.as_deref() {
            let reference = input::required_line("caseReference", reference, 40)?;
            if !self.cases.exists(session, ctx.tenant(), &reference).await? {
                return Err(ContactError::bad(
                    "caseReference",
                    format!("no case {reference:?} in this municipality"),
                ));
            }
        }
        Ok(Checked {
            channel,
            subject,
            topic,
            topic_label,
            received_at,
            answered_at,
            response_working_days,
        })
    }

    /// Registers a contact moment (front office). A retry with the same idempotency key
    /// returns the first registration; the same key for a different contact is a conflict.
    pub async fn register(
        &self,
        ctx: &Ctx,
        session: &Session,
        new: NewContact,
    ) -> Result<(ContactRecord, bool), ContactError> {
        require(ctx, MOMENTS, Action::Create)?;
        let key = new
            .idempotency_key
            .as_deref()
            .map(|k| input::required_line("idempotencyKey", k, MAX_KEY))
            .transpose()?;
        let c = self.check(ctx, session, &new).await?;
        let row = moment::Model {
            tenant_id: ctx.tenant().to_string(),
            id: Uuid::now_v7(),
            channel: c.channel.as_str().to_owned(),
            subject_bsn: c.subject.map(|b| b.as_str().to_owned()),
            topic: c.topic,
            topic_label: c.topic_label,
            question: new.question.trim().to_owned(),
            answer: new.answer.trim().to_owned(),
            resolved_first_contact: new.resolved_first_contact,
            received_at: c.received_at,
            answered_at: c.answered_at,
            wait_seconds: new.wait_seconds,
            response_working_days: c.response_working_days,
            handling_seconds: new.handling_seconds,
            employee: ctx.actor().subject().to_owned(),
            case_reference: new.case_reference.map(|r| r.trim().to_owned()),
            idempotency_key: key.clone(),
            registered_at: Utc::now().trunc_subsecs(6),
        };
        let read_as = ReadAs {
            operation: "registerContact",
            purpose: "register a contact",
        };
        let tx = session.tx(ctx.tenant()).await?;
        let inserted = moment::Entity::insert(row.clone().into_active_model().reset_all())
            // No conflict target: the only unique key a fresh id can collide on is the
            // idempotency key, and SQLite resolves a named target against the schema a pooled
            // connection loaded, which may predate the migration that made the index.
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .exec_without_returning(tx.conn())
            .await?;
        if inserted == 1 {
            return Ok((ContactRecord::read(row, read_as)?, false));
        }
        // A registration with this key exists: the same contact is a retry, another a conflict.
        let earlier = moment::scoped(ctx.tenant())
            .filter(Column::IdempotencyKey.eq(key.clone()))
            .one(tx.conn())
            .await?
            .ok_or(ContactError::NotFound)?;
        drop(tx);
        let model = row;
        // Times are left out: a retry of a call registered "now" has a later now.
        let same = earlier.channel == model.channel
            && earlier.subject_bsn == model.subject_bsn
            && earlier.topic == model.topic
            && earlier.question == model.question
            && earlier.answer == model.answer
            && earlier.resolved_first_contact == model.resolved_first_contact
            && earlier.wait_seconds == model.wait_seconds
            && earlier.handling_seconds == model.handling_seconds
            && earlier.case_reference == model.case_reference
            && earlier.employee == model.employee;
        if !same {
            return Err(ContactError::Conflict(
                "this idempotency key was used for another contact".to_owned(),
            ));
        }
        Ok((ContactRecord::read(earlier, read_as)?, true))
    }
}
