//! The service report in GraphQL: the period's figures, the comparison period's, and the
//! differences. Nothing in it names a resident or an employee.

use async_graphql::{Enum, Object, SimpleObject};
use chrono::NaiveDate;
use loket_kernel::casebook::DeadlineFigures;

use super::{
    counter::{CounterChange, CounterReport},
    types::GqlChannel,
};
use crate::{ChannelFigures, Figures, Norm, NormFigures, Period, ServiceReport, Share};

/// A service report: a period beside a comparison period.
pub struct GqlServiceReport(pub ServiceReport);

/// A period of days, both included.
#[derive(SimpleObject)]
pub struct ReportPeriod {
    /// First day.
    from: NaiveDate,
    /// Last day.
    to: NaiveDate,
}

impl From<Period> for ReportPeriod {
    fn from(p: Period) -> Self {
        Self {
            from: p.from,
            to: p.to,
        }
    }
}

/// A part of a whole, with the numbers behind the percentage.
#[derive(SimpleObject)]
#[graphql(name = "ReportShare")]
pub struct GqlShare {
    /// How many meet the mark.
    count: i64,
    /// Out of how many.
    total: i64,
    /// The percentage, one decimal (null when there is nothing to count).
    percentage: Option<f64>,
}

impl From<Share> for GqlShare {
    fn from(s: Share) -> Self {
        Self {
            count: s.count,
            total: s.total,
            percentage: s.percentage(),
        }
    }
}

/// A service norm.
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
#[graphql(name = "ServiceNorm")]
pub enum GqlNorm {
    /// Phone calls answered within N seconds for P % of calls.
    PhoneAnswer,
    /// E-mails and web forms answered within N working days.
    EmailAnswer,
    /// Callbacks made within N working days.
    Callback,
}

impl From<Norm> for GqlNorm {
    fn from(n: Norm) -> Self {
        match n {
            Norm::PhoneAnswer => Self::PhoneAnswer,
            Norm::EmailAnswer => Self::EmailAnswer,
            Norm::Callback => Self::Callback,
        }
    }
}

#[Object(name = "ServiceReport")]
impl GqlServiceReport {
    /// The period reported on.
    async fn period(&self) -> ReportPeriod {
        self.0.period.into()
    }
    /// The period compared with.
    async fn compared_with(&self) -> ReportPeriod {
        self.0.compared_with.into()
    }
    /// The period's figures.
    async fn current(&self) -> ServiceFigures<'_> {
        ServiceFigures(&self.0.current)
    }
    /// The comparison period's figures.
    async fn previous(&self) -> ServiceFigures<'_> {
        ServiceFigures(&self.0.previous)
    }
    /// Current minus previous.
    async fn changes(&self) -> ServiceChanges<'_> {
        ServiceChanges(&self.0)
    }
}

/// The figures of one period.
pub struct ServiceFigures<'a>(&'a Figures);

#[Object]
impl ServiceFigures<'_> {
    /// All contacts.
    async fn contacts(&self) -> i64 {
        self.0.contacts
    }
    /// Contacts answered in the first contact.
    async fn first_contact_resolution(&self) -> GqlShare {
        Share {
            count: self.0.resolved_first_contact,
            total: self.0.contacts,
        }
        .into()
    }
    /// Per channel, every channel.
    async fn channels(&self) -> Vec<ChannelReport<'_>> {
        self.0.channels.iter().map(ChannelReport).collect()
    }
    /// Each service norm: the target and how well it was met.
    async fn norms(&self) -> Vec<NormReport> {
        self.0.norms.iter().map(|n| NormReport(*n)).collect()
    }
    /// Per case type: cases closed in the period and how many by their deadline.
    async fn case_deadlines(&self) -> Vec<CaseDeadline<'_>> {
        self.0.case_deadlines.iter().map(CaseDeadline).collect()
    }
    /// The counter's appointments (null where the municipality takes none).
    async fn counter(&self) -> Option<CounterReport<'_>> {
        self.0.counter.as_ref().map(CounterReport)
    }
}

/// One channel's figures.
pub struct ChannelReport<'a>(&'a ChannelFigures);

/// Contacts about one topic.
#[derive(SimpleObject)]
pub struct TopicReport {
    /// Product code or free topic.
    topic: String,
    /// The product's name or the free topic.
    label: String,
    /// How many contacts.
    contacts: i64,
}

#[Object]
impl ChannelReport<'_> {
    /// The channel.
    async fn channel(&self) -> GqlChannel {
        self.0.channel.into()
    }
    /// Contacts on it.
    async fn contacts(&self) -> i64 {
        self.0.contacts
    }
    /// Of those, answered in the first contact.
    async fn first_contact_resolution(&self) -> GqlShare {
        Share {
            count: self.0.resolved_first_contact,
            total: self.0.contacts,
        }
        .into()
    }
    /// Contacts per topic, most first; `first` gives the top topics.
    async fn topics(&self, first: Option<usize>) -> Vec<TopicReport> {
        self.0
            .topics
            .iter()
            .take(first.unwrap_or(usize::MAX))
            .map(|t| TopicReport {
                topic: t.topic.clone(),
                label: t.label.clone(),
                contacts: t.contacts,
            })
            .collect()
    }
}

/// How well one norm was kept.
pub struct NormReport(NormFigures);

#[Object]
impl NormReport {
    /// The norm.
    async fn norm(&self) -> GqlNorm {
        self.0.norm.into()
    }
    /// The promise in words.
    async fn description(&self) -> String {
        let n = &self.0;
        match (n.norm, n.target_percentage) {
            (Norm::PhoneAnswer, Some(p)) => {
                format!("{p} % of calls answered within {} seconds", n.target)
            }
            (Norm::PhoneAnswer, None) => format!("calls answered within {} seconds", n.target),
            (Norm::EmailAnswer, _) => {
                format!(
                    "e-mails and web forms answered within {} working days",
                    n.target
                )
            }
            (Norm::Callback, _) => format!("called back within {} working days", n.target),
        }
    }
    /// The limit: seconds for the phone, working days otherwise.
    async fn target(&self) -> u32 {
        self.0.target
    }
    /// The share that must meet the limit, where the norm names one.
    async fn target_percentage(&self) -> Option<u8> {
        self.0.target_percentage
    }
    /// Measured, and how many met the limit.
    async fn compliance(&self) -> GqlShare {
        self.0.compliance.into()
    }
    /// Callbacks still open and not yet late (counted neither way).
    async fn pending(&self) -> i64 {
        self.0.pending
    }
    /// Whether the norm was achieved (null when nothing was measured).
    async fn achieved(&self) -> Option<bool> {
        self.0.achieved()
    }
}

/// One case type's deadlines.
pub struct CaseDeadline<'a>(&'a DeadlineFigures);

#[Object]
impl CaseDeadline<'_> {
    /// Case type code.
    async fn case_type(&self) -> &str {
        &self.0.case_type
    }
    /// Case type name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The handling period in days.
    async fn handling_days(&self) -> u32 {
        self.0.handling_days
    }
    /// Whether `handlingDays` counts working days.
    async fn working_days(&self) -> bool {
        self.0.working_days
    }
    /// For a category of reports about public space, its main category (null for
    /// applications and complaints): these rows are the reports handled within their
    /// deadline.
    async fn report_group(&self) -> Option<&str> {
        self.0.report_group.as_deref()
    }
    /// Cases closed in the period, and how many by their deadline.
    async fn compliance(&self) -> GqlShare {
        Share {
            count: self.0.on_time,
            total: self.0.closed,
        }
        .into()
    }
}

/// Current minus previous.
pub struct ServiceChanges<'a>(&'a ServiceReport);

/// A channel's change.
#[derive(SimpleObject)]
pub struct ChannelChange {
    /// The channel.
    channel: GqlChannel,
    /// Contacts now minus then.
    contacts: i64,
}

/// A norm's change.
#[derive(SimpleObject)]
pub struct NormChange {
    /// The norm.
    norm: GqlNorm,
    /// Percentage points now minus then (null when either period measured nothing).
    points: Option<f64>,
}

/// A case type's change.
#[derive(SimpleObject)]
pub struct CaseDeadlineChange {
    /// Case type code.
    case_type: String,
    /// Closed cases now minus then.
    closed: i64,
    /// Percentage points on time now minus then.
    points: Option<f64>,
}

pub(super) fn points(now: Share, then: Share) -> Option<f64> {
    Some(((now.percentage()? - then.percentage()?) * 10.0).round() / 10.0)
}

#[Object]
impl ServiceChanges<'_> {
    /// The counter's appointments (null where the municipality takes none).
    async fn counter(&self) -> Option<CounterChange> {
        let (now, then) = (&self.0.current.counter, &self.0.previous.counter);
        now.as_ref()
            .zip(then.as_ref())
            .map(|(now, then)| CounterChange::between(now, then))
    }
    /// All contacts now minus then.
    async fn contacts(&self) -> i64 {
        self.0
            .current
            .contacts
            .saturating_sub(self.0.previous.contacts)
    }
    /// First-contact resolution, percentage points now minus then.
    async fn first_contact_resolution_points(&self) -> Option<f64> {
        let share = |f: &Figures| Share {
            count: f.resolved_first_contact,
            total: f.contacts,
        };
        points(share(&self.0.current), share(&self.0.previous))
    }
    /// Per channel.
    async fn channels(&self) -> Vec<ChannelChange> {
        self.0
            .current
            .channels
            .iter()
            .map(|c| {
                let before = self
                    .0
                    .previous
                    .channels
                    .iter()
                    .find(|p| p.channel == c.channel)
                    .map_or(0, |p| p.contacts);
                ChannelChange {
                    channel: c.channel.into(),
                    contacts: c.contacts.saturating_sub(before),
                }
            })
            .collect()
    }
    /// Per norm.
    async fn norms(&self) -> Vec<NormChange> {
        self.0
            .current
            .norms
            .iter()
            .map(|n| {
                let before = self.0.previous.norms.iter().find(|p| p.norm == n.norm);
                NormChange {
                    norm: n.norm.into(),
                    points: before.and_then(|b| points(n.compliance, b.compliance)),
                }
            })
            .collect()
    }
    /// Per case type closed in either period.
    async fn case_deadlines(&self) -> Vec<CaseDeadlineChange> {
        let share = |d: &DeadlineFigures| Share {
            count: d.on_time,
            total: d.closed,
        };
        let (now, then) = (
            &self.0.current.case_deadlines,
            &self.0.previous.case_deadlines,
        );
        let mut types: Vec<&str> = now
            .iter()
            .chain(then)
            .map(|d| d.case_type.as_str())
            .collect();
        types.sort_unstable();
        types.dedup();
        types
            .into_iter()
            .map(|t| {
                let a = now.iter().find(|d| d.case_type == t);
                let b = then.iter().find(|d| d.case_type == t);
                CaseDeadlineChange {
                    case_type: t.to_owned(),
                    closed: a
                        .map_or(0, |d| d.closed)
                        .saturating_sub(b.map_or(0, |d| d.closed)),
                    points: a.zip(b).and_then(|(a, b)| points(share(a), share(b))),
                }
            })
            .collect()
    }
}
