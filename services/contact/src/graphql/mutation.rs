//! Mutations of the contact centre.

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use loket_kernel::{
    global_id,
    graphql::{field_error, to_gql},
};
use loket_store::graphql::request;
use uuid::Uuid;

use super::types::{Callback, ContactMoment, GqlChannel};
use crate::{CallbackRequest, Contacts, NewContact};

/// Mutation root for the contact centre.
#[derive(Default)]
pub struct ContactMutation;

/// A contact moment to register.
#[derive(InputObject)]
pub struct RegisterContactInput {
    /// The channel.
    channel: GqlChannel,
    /// The resident (BSN), when known.
    subject: Option<String>,
    /// The catalogue product it was about (code)…
    product: Option<String>,
    /// …or a free topic, such as "opening hours".
    topic: Option<String>,
    /// The question asked.
    question: String,
    /// The answer given.
    #[graphql(default)]
    answer: String,
    /// Whether the question was answered in this contact, without handing it on.
    resolved_first_contact: bool,
    /// Seconds the resident waited before being answered (phone and chat: required).
    wait_seconds: Option<i32>,
    /// When a written question arrived (e-mail and web form: required).
    received_at: Option<DateTime<Utc>>,
    /// When it was answered (default: now).
    answered_at: Option<DateTime<Utc>>,
    /// Seconds spent handling it.
    handling_seconds: Option<i32>,
    /// The case it concerns (reference).
    case_reference: Option<String>,
    /// A retry with the same key returns the first registration.
    idempotency_key: Option<String>,
}

/// A registered contact moment.
#[derive(SimpleObject)]
pub struct RegisterContactPayload {
    /// The contact moment.
    contact: ContactMoment,
    /// Whether an earlier call with the same idempotency key registered it.
    replayed: bool,
}

/// A question to hand to a back-office team.
#[derive(InputObject)]
pub struct RequestCallbackInput {
    /// The contact moment the question was asked in.
    contact_id: ID,
    /// The team that calls back (one of `tenant.callbackTeams`).
    team: String,
    /// The number to call.
    phone: String,
    /// The question, when it differs from the contact's.
    question: Option<String>,
}

/// Marks a callback done.
#[derive(InputObject)]
pub struct CompleteCallbackInput {
    /// The callback.
    id: ID,
    /// What came of it.
    result: String,
    /// The version read; a changed callback is a `CONFLICT`.
    expected_version: i32,
}

/// A callback request.
#[derive(SimpleObject)]
pub struct CallbackPayload {
    /// The callback.
    callback: Callback,
}

fn uuid_of(field: &str, type_name: &str, id: &str) -> Result<Uuid> {
    let invalid = || field_error(field, format!("not a {type_name} id"));
    let (name, key) = global_id::decode(id).ok_or_else(invalid)?;
    if name != type_name {
        return Err(invalid());
    }
    Uuid::parse_str(&key).map_err(|_| invalid())
}

#[Object]
impl ContactMutation {
    /// Registers what a resident asked on some channel and what they were told (front office).
    async fn register_contact(
        &self,
        ctx: &Context<'_>,
        input: RegisterContactInput,
    ) -> Result<RegisterContactPayload> {
        let (rctx, session) = request(ctx)?;
        let new = NewContact {
            channel: Some(input.channel.into()),
            subject: input.subject,
            product: input.product,
            topic: input.topic,
            question: input.question,
            answer: input.answer,
            resolved_first_contact: input.resolved_first_contact,
            wait_seconds: input.wait_seconds,
            received_at: input.received_at,
            answered_at: input.answered_at,
            handling_seconds: input.handling_seconds,
            case_reference: input.case_reference,
            idempotency_key: input.idempotency_key,
        };
        let (record, replayed) = ctx
            .data::<Contacts>()?
            .register(rctx, session, new)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(RegisterContactPayload {
            contact: ContactMoment(record),
            replayed,
        })
    }

    /// Hands a question to a back-office team to call the resident back, by the deadline of
    /// the municipality's callback norm (front office).
    async fn request_callback(
        &self,
        ctx: &Context<'_>,
        input: RequestCallbackInput,
    ) -> Result<CallbackPayload> {
        let (rctx, session) = request(ctx)?;
        let request = CallbackRequest {
            contact_id: uuid_of("contactId", "ContactMoment", &input.contact_id)?,
            team: input.team,
            phone: input.phone,
            question: input.question,
        };
        let record = ctx
            .data::<Contacts>()?
            .request_callback(rctx, session, request)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(CallbackPayload {
            callback: record.into(),
        })
    }

    /// Marks a callback done with its result (back office).
    async fn complete_callback(
        &self,
        ctx: &Context<'_>,
        input: CompleteCallbackInput,
    ) -> Result<CallbackPayload> {
        let (rctx, session) = request(ctx)?;
        let id = uuid_of("id", "Callback", &input.id)?;
        let record = ctx
            .data::<Contacts>()?
            .complete_callback(rctx, session, id, &input.result, input.expected_version)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(CallbackPayload {
            callback: record.into(),
        })
    }
}
