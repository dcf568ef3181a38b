//! Messages to the reporters of reports about public space. A `report.*` event names its
//! recipients by reporter id; their e-mail address, mobile number and language are looked up
//! from the case service's [`ReporterBook`] when the event is fanned out, so details removed
//! meanwhile are never used. The messages go to those addresses only, without a
//! subscription:
//! - `report.received` / `report.joined`: the reference and the expected handling date;
//! - `report.status_changed`: the new status with its text;
//! - `report.closed`: the outcome, and the satisfaction question as two links on the portal
//!   (where the municipality has a host name) with the reporter's id and their code.
//!
//! Delivery keys are `report.<case>.<event>.<reporter>.<channel>`: a retry carries the same
//! key, and a report's deliveries are found by its prefix when its reporters' details are
//! removed ([`Notify::forget_report_deliveries`]).

use loket_kernel::TenantId;
use loket_store::{Session, TenantTx, lookups::ReporterBook, outbox};
use sea_orm::{ConnectionTrait, Value as SqlValue};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use crate::{Channel, Notify, NotifyError, fanout::Outgoing};

/// One recipient as the event names them.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Recipient {
    reporter_id: Uuid,
    code: Option<String>,
}

/// What a report event says, as far as addressing its messages needs it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Said {
    case_id: Uuid,
    recipients: Vec<Recipient>,
}

impl Notify {
    /// The reporters' messages of a `report.*` event.
    pub(crate) async fn report_messages(
        &self,
        tx: &TenantTx,
        registry: &Session,
        event: &outbox::Event,
    ) -> Result<Vec<Outgoing>, NotifyError> {
        let tenant = tx.tenant();
        let said: Said =
            serde_json::from_value(event.payload.clone()).map_err(|e| NotifyError::Template {
                name: format!("{tenant}/{}", event.kind),
                message: format!("the event cannot be read: {e}"),
            })?;
        let Some(book) = &self.inner.reporters else {
            tracing::warn!(
                kind = event.kind,
                "no reporter book: report messages not sent"
            );
            return Ok(Vec::new());
        };
        let ids: Vec<Uuid> = said.recipients.iter().map(|r| r.reporter_id).collect();
        let contacts = book.contacts(registry, tenant, &ids).await?;
        let mut context = event.payload.clone();
        if let Value::Object(map) = &mut context {
            map.remove("recipients");
            map.remove("caseId");
            map.insert("municipality".into(), json!(self.municipality(tenant)));
        }
        let host = self
            .inner
            .tenants
            .tenants
            .get(tenant)
            .and_then(|t| t.hosts.first());
        let mut out = Vec::new();
        for contact in contacts {
            let code = said
                .recipients
                .iter()
                .find(|r| r.reporter_id == contact.id)
                .and_then(|r| r.code.as_deref());
            let mut context = context.clone();
            if let (Value::Object(map), Some(host), Some(code)) = (&mut context, host, code) {
                for (key, answer) in [("happyUrl", "ja"), ("unhappyUrl", "nee")] {
                    map.insert(
                        key.into(),
                        json!(format!(
                            "https://{host}/melding/tevredenheid?melder={}&code={code}&antwoord={answer}",
                            contact.id
                        )),
                    );
                }
            }
            let templates = &self.inner.templates;
            let language = if templates.speaks(tenant, &contact.language) {
                contact.language.as_str()
            } else {
                templates.default_language(tenant)
            };
            for (channel, recipient) in [
                (Channel::Email, contact.email.as_deref()),
                (Channel::Sms, contact.phone.as_deref()),
            ] {
                let Some(recipient) = recipient else {
                    continue;
                };
                let rendered =
                    templates.render(tenant, language, &event.kind, channel, &context)?;
                out.push(Outgoing {
                    key: format!(
                        "report.{}.{}.{}.{}",
                        said.case_id,
                        event.id,
                        contact.id,
                        channel.as_str()
                    ),
                    subscription: None,
                    event: Some(event.id),
                    kind: event.kind.clone(),
                    channel,
                    recipient: recipient.to_owned(),
                    subject: rendered.subject,
                    body: rendered.body,
                    calendar: None,
                    at: None,
                });
            }
        }
        Ok(out)
    }

    /// Forgets the messages sent about the reports `cases` of `tx`'s tenant: their
    /// recipients, subjects and texts are emptied and pending ones cancelled. For when the
    /// reporters' contact details are removed; returns how many deliveries changed.
    pub async fn forget_report_deliveries(
        &self,
        tx: &TenantTx,
        cases: &[Uuid],
    ) -> Result<u64, NotifyError> {
        forget(tx, tx.tenant(), cases).await
    }
}

async fn forget(tx: &TenantTx, tenant: &TenantId, cases: &[Uuid]) -> Result<u64, NotifyError> {
    let mut changed = 0;
    for id in cases {
        let prefix = format!("report.{id}.%");
        let rows = tx
            .conn()
            .execute_raw(tx.statement(
                "UPDATE deliveries SET recipient = '', subject = NULL, body = '', \
                 status = CASE WHEN status = 'pending' THEN 'cancelled' ELSE status END \
                 WHERE tenant_id = $1 AND delivery_key LIKE $2 AND recipient <> ''",
                vec![SqlValue::from(tenant.as_str()), SqlValue::from(prefix)],
            ))
            .await?
            .rows_affected();
        changed = rows.saturating_add(changed);
    }
    Ok(changed)
}

/// The book is set by the gateway; without it report events make no messages.
pub(crate) type Book = std::sync::Arc<dyn ReporterBook>;
