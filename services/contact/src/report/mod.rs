//! The service report for managers: contacts per channel and topic, first-contact resolution,
//! compliance with each service norm with the numbers behind it, and case deadlines kept,
//! for a period and a comparison period. Aggregates only: no resident, no employee.
//!
//! The contact figures come from one grouped query per period that reads the covering index
//! `contact_moments_period` alone; response times are stored in working days when a contact
//! is registered, so the norm is a plain comparison at report time.

pub(crate) mod csv;
mod figures;

use chrono::{Datelike, Days, NaiveDate};
use loket_kernel::{Action, Ctx, casebook::DeadlineFigures, input};
use loket_store::Session;

pub use self::csv::to_csv;
pub use figures::{ChannelFigures, Figures, Norm, NormFigures, Share, TopicCount};

use crate::{
    ContactError, Contacts,
    service::{REPORT, require},
};

/// Longest period a report covers.
const MAX_DAYS: u64 = 366 * 2;

/// A period, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Period {
    /// Checks a period whose first and last day came in the input fields `fields`
    /// (`["period.from", "period.to"]`); a refusal names the field at fault.
    pub fn new(
        fields: [&'static str; 2],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Self, ContactError> {
        let [from_field, field] = fields;
        input::day(from_field, from)?;
        input::day(field, to)?;
        if to < from {
            return Err(ContactError::bad(field, "the period ends before it starts"));
        }
        if from
            .checked_add_days(Days::new(MAX_DAYS))
            .is_some_and(|limit| to > limit)
        {
            return Err(ContactError::bad(field, "at most two years"));
        }
        Ok(Self { from, to })
    }

    /// Its bounds as stored times: from the first day's midnight in the Netherlands up to the
    /// midnight after the last day.
    pub(crate) fn bounds(self) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
        let after = self.to.checked_add_days(Days::new(1)).unwrap_or(self.to);
        (
            loket_kernel::calendar::Calendar::start_of(self.from),
            loket_kernel::calendar::Calendar::start_of(after),
        )
    }

    /// The same period one year earlier (29 February becomes the 28th).
    pub fn year_before(self) -> Self {
        Self {
            from: year_back(self.from),
            to: year_back(self.to),
        }
    }
}

fn year_back(day: NaiveDate) -> NaiveDate {
    let back = |d: NaiveDate| d.with_year(d.year().saturating_sub(1));
    back(day)
        .or_else(|| day.pred_opt().and_then(back))
        .unwrap_or(day)
}

/// A service report: a period beside a comparison period.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceReport {
    /// The period reported on.
    pub period: Period,
    /// The period compared with (by default the same period a year earlier).
    pub compared_with: Period,
    /// The figures of the period.
    pub current: Figures,
    /// The figures of the comparison period.
    pub previous: Figures,
}

impl Contacts {
    /// The service report of the caller's municipality (managers).
    pub async fn service_report(
        &self,
        ctx: &Ctx,
        session: &Session,
        period: Period,
        compare_with: Option<Period>,
    ) -> Result<ServiceReport, ContactError> {
        require(ctx, REPORT, Action::Read)?;
        let compared_with = compare_with.unwrap_or_else(|| period.year_before());
        let current = self.figures(ctx, session, period).await?;
        let previous = self.figures(ctx, session, compared_with).await?;
        Ok(ServiceReport {
            period,
            compared_with,
            current,
            previous,
        })
    }

    async fn figures(
        &self,
        ctx: &Ctx,
        session: &Session,
        period: Period,
    ) -> Result<Figures, ContactError> {
        let tenant = ctx.tenant();
        let norms = self.norms(tenant)?.clone();
        let mut figures = figures::contacts(session, tenant, period, &norms).await?;
        for channel in &mut figures.channels {
            for topic in &mut channel.topics {
                if let Some(name) = self.product_name(tenant, &topic.topic) {
                    topic.label = name;
                }
            }
        }
        let deadlines: Vec<DeadlineFigures> = self
            .cases
            .deadline_figures(session, tenant, period.from, period.to)
            .await?;
        figures.case_deadlines = deadlines;
        if let Some(counter) = &self.appointments {
            figures.counter = counter
                .counter_figures(session, tenant, period.from, period.to)
                .await?;
        }
        Ok(figures)
    }
}
