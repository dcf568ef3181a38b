//! The figures of one period, computed in the database.

use std::collections::BTreeMap;

use loket_kernel::{
    TenantId, calendar::Calendar, casebook::DeadlineFigures, config::ServiceNorms,
    counter::CounterFigures,
};
use loket_store::Session;
use sea_orm::{ConnectionTrait, QueryResult, Value};

use super::Period;
use crate::{ContactChannel, ContactError};

/// A part of a whole: `count` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Share {
    /// How many meet the mark.
    pub count: i64,
    /// Out of how many.
    pub total: i64,
}

impl Share {
    /// The percentage, rounded to one decimal; `None` when there is nothing to count.
    pub fn percentage(self) -> Option<f64> {
        (self.total > 0).then(|| (self.count as f64 * 1000.0 / self.total as f64).round() / 10.0)
    }
}

/// Contacts about one topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicCount {
    /// Product code or free topic.
    pub topic: String,
    /// As shown: the product's name, or the free topic.
    pub label: String,
    /// How many contacts.
    pub contacts: i64,
}

/// One channel's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelFigures {
    /// The channel.
    pub channel: ContactChannel,
    /// Contacts on it.
    pub contacts: i64,
    /// Of those, answered in the first contact.
    pub resolved_first_contact: i64,
    /// Contacts per topic, most first.
    pub topics: Vec<TopicCount>,
}

/// A service norm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Norm {
    /// Phone calls answered within N seconds for P % of calls.
    PhoneAnswer,
    /// E-mails and web forms answered within N working days.
    EmailAnswer,
    /// Callbacks made within N working days.
    Callback,
}

impl Norm {
    /// Stable name, for exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PhoneAnswer => "phone-answer",
            Self::EmailAnswer => "email-answer",
            Self::Callback => "callback",
        }
    }
}

/// How well one norm was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormFigures {
    /// The norm.
    pub norm: Norm,
    /// Its limit: seconds for the phone, working days otherwise.
    pub target: u32,
    /// The share that must meet the limit, where the norm names one.
    pub target_percentage: Option<u8>,
    /// Measured contacts (or callbacks) and how many met the limit.
    pub compliance: Share,
    /// Callbacks still open and not yet late (not counted either way).
    pub pending: i64,
}

impl NormFigures {
    /// Whether the norm was achieved: the target share met, or (without one) every case.
    pub fn achieved(&self) -> Option<bool> {
        let pct = self.compliance.percentage()?;
        Some(match self.target_percentage {
            Some(target) => pct >= f64::from(target),
            None => self.compliance.count == self.compliance.total,
        })
    }
}

/// The figures of one period.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Figures {
    /// All contacts.
    pub contacts: i64,
    /// Answered in the first contact.
    pub resolved_first_contact: i64,
    /// Per channel (every channel, in a fixed order).
    pub channels: Vec<ChannelFigures>,
    /// Per norm.
    pub norms: Vec<NormFigures>,
    /// Case deadlines per case type.
    pub case_deadlines: Vec<DeadlineFigures>,
    /// The counter's appointments, where the municipality takes them.
    pub counter: Option<CounterFigures>,
}

/// Contacts per channel and topic, with the sums the norms need.
const CONTACTS: &str = "SELECT channel, topic, CAST(COUNT(*) AS BIGINT) AS contacts, \
    CAST(SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END) AS BIGINT) AS resolved, \
    CAST(SUM(CASE WHEN wait_seconds IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS waited, \
    CAST(SUM(CASE WHEN wait_seconds <= $4 THEN 1 ELSE 0 END) AS BIGINT) AS waited_in_norm, \
    CAST(SUM(CASE WHEN response_working_days IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS responded, \
    CAST(SUM(CASE WHEN response_working_days <= $5 THEN 1 ELSE 0 END) AS BIGINT) AS responded_in_norm \
    FROM contact_moments WHERE tenant_id = $1 AND received_at >= $2 AND received_at < $3 \
    GROUP BY channel, topic";

/// Callbacks requested in the period: done in time, and still open but not late.
const CALLBACKS: &str = "SELECT CAST(COUNT(*) AS BIGINT) AS requested, \
    CAST(SUM(CASE WHEN in_time THEN 1 ELSE 0 END) AS BIGINT) AS in_time, \
    CAST(SUM(CASE WHEN in_time IS NULL AND deadline >= $4 THEN 1 ELSE 0 END) AS BIGINT) AS pending \
    FROM callbacks WHERE tenant_id = $1 AND requested_at >= $2 AND requested_at < $3";

fn number(row: &QueryResult, column: &str) -> Result<i64, ContactError> {
    Ok(row.try_get::<Option<i64>>("", column)?.unwrap_or(0))
}

/// The contact and callback figures of `period` (case deadlines are added by the caller).
pub(super) async fn contacts(
    session: &Session,
    tenant: &TenantId,
    period: Period,
    norms: &ServiceNorms,
) -> Result<Figures, ContactError> {
    let (start, end) = period.bounds();
    let today = Calendar::today();
    let tx = session.tx(tenant).await?;
    let bounds = || -> Vec<Value> { vec![tenant.as_str().into(), start.into(), end.into()] };
    let mut values = bounds();
    values.extend([
        i64::from(norms.phone_answer_seconds).into(),
        i64::from(norms.email_answer_working_days).into(),
    ]);
    let rows = tx
        .conn()
        .query_all_raw(tx.statement(CONTACTS, values))
        .await?;
    let mut values = bounds();
    values.push(today.into());
    let callbacks = tx
        .conn()
        .query_one_raw(tx.statement(CALLBACKS, values))
        .await?;
    drop(tx);

    let mut channels: BTreeMap<ContactChannel, ChannelFigures> = ContactChannel::ALL
        .into_iter()
        .map(|channel| {
            let empty = ChannelFigures {
                channel,
                contacts: 0,
                resolved_first_contact: 0,
                topics: Vec::new(),
            };
            (channel, empty)
        })
        .collect();
    let (mut phone, mut written) = (Share::default(), Share::default());
    for row in &rows {
        let name: String = row.try_get("", "channel")?;
        let Some(channel) = ContactChannel::parse(&name) else {
            continue;
        };
        let topic: String = row.try_get("", "topic")?;
        let contacts = number(row, "contacts")?;
        if let Some(figures) = channels.get_mut(&channel) {
            figures.contacts = figures.contacts.saturating_add(contacts);
            figures.resolved_first_contact = figures
                .resolved_first_contact
                .saturating_add(number(row, "resolved")?);
            figures.topics.push(TopicCount {
                label: topic.clone(),
                topic,
                contacts,
            });
        }
        if channel == ContactChannel::Phone {
            phone.total = phone.total.saturating_add(number(row, "waited")?);
            phone.count = phone.count.saturating_add(number(row, "waited_in_norm")?);
        }
        written.total = written.total.saturating_add(number(row, "responded")?);
        written.count = written
            .count
            .saturating_add(number(row, "responded_in_norm")?);
    }
    let mut channels: Vec<ChannelFigures> = channels.into_values().collect();
    for channel in &mut channels {
        channel.topics.sort_by(|a, b| {
            b.contacts
                .cmp(&a.contacts)
                .then_with(|| a.topic.cmp(&b.topic))
        });
    }
    let (requested, in_time, pending) = match &callbacks {
        Some(row) => (
            number(row, "requested")?,
            number(row, "in_time")?,
            number(row, "pending")?,
        ),
        None => (0, 0, 0),
    };
    let norms = vec![
        NormFigures {
            norm: Norm::PhoneAnswer,
            target: norms.phone_answer_seconds,
            target_percentage: Some(norms.phone_answer_percentage),
            compliance: phone,
            pending: 0,
        },
        NormFigures {
            norm: Norm::EmailAnswer,
            target: norms.email_answer_working_days,
            target_percentage: None,
            compliance: written,
            pending: 0,
        },
        NormFigures {
            norm: Norm::Callback,
            target: norms.callback_working_days,
            target_percentage: None,
            compliance: Share {
                count: in_time,
                total: requested.saturating_sub(pending),
            },
            pending,
        },
    ];
    Ok(Figures {
        contacts: channels.iter().map(|c| c.contacts).sum(),
        resolved_first_contact: channels.iter().map(|c| c.resolved_first_contact).sum(),
        channels,
        norms,
        case_deadlines: Vec::new(),
        counter: None,
    })
}
