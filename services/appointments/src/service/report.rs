//! The counter's figures for the service report: residents called within the norm, no-shows,
//! and appointments per location and product.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use loket_kernel::{
    TenantId,
    counter::{CounterCount, CounterError, CounterFigures},
    directory::BoxFuture,
};
use loket_store::{Session, lookups::AppointmentBook};

use super::{Bookings, span};
use crate::{
    AppointmentStatus,
    config::Norm,
    store::{self, Outcome},
};

/// The figures of `outcomes` against `norm`.
pub(crate) fn figures(norm: Norm, outcomes: &[Outcome]) -> CounterFigures {
    let mut f = CounterFigures {
        seen_within_minutes: norm.seen_within_minutes,
        target_percentage: norm.target_percentage,
        ..CounterFigures::default()
    };
    let within = Duration::minutes(i64::from(norm.seen_within_minutes));
    let mut counts: BTreeMap<(&str, &str), i64> = BTreeMap::new();
    for o in outcomes {
        if o.status == AppointmentStatus::Cancelled {
            f.cancelled = f.cancelled.saturating_add(1);
            continue;
        }
        for product in &o.products {
            let n = counts.entry((&o.location, product)).or_default();
            *n = n.saturating_add(1);
        }
        match (o.status, o.called_at) {
            (AppointmentStatus::NoShow, _) => {
                f.settled = f.settled.saturating_add(1);
                f.no_shows = f.no_shows.saturating_add(1);
            }
            (_, Some(called)) => {
                f.settled = f.settled.saturating_add(1);
                f.called = f.called.saturating_add(1);
                // Waiting counts from the appointment time, or from arriving when late.
                let from = o
                    .checked_in_at
                    .map_or(o.start, |arrived| arrived.max(o.start));
                if called.signed_duration_since(from) <= within {
                    f.called_in_time = f.called_in_time.saturating_add(1);
                }
            }
            _ => {}
        }
    }
    f.per_product = counts
        .into_iter()
        .map(|((location, product), appointments)| CounterCount {
            location: location.to_owned(),
            product: product.to_owned(),
            appointments,
        })
        .collect();
    f
}

impl AppointmentBook for Bookings {
    fn counter_figures<'a>(
        &'a self,
        session: &'a Session,
        tenant: &'a TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'a, Result<Option<CounterFigures>, CounterError>> {
        Box::pin(async move {
            let Some(settings) = self.settings.of(tenant) else {
                return Ok(None);
            };
            let failed = |e: &dyn std::fmt::Display| CounterError(e.to_string());
            let tx = session.tx(tenant).await.map_err(|e| failed(&e))?;
            let period = (span(from).0, span(to).1);
            let outcomes = store::outcomes(&tx, tenant, period)
                .await
                .map_err(|e| failed(&e))?;
            Ok(Some(figures(settings.norm, &outcomes)))
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, TimeZone, Utc};

    use super::*;

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, 14, 9, minute, 0)
            .single()
            .unwrap_or_default()
    }

    fn outcome(
        status: AppointmentStatus,
        checked_in: Option<u32>,
        called: Option<u32>,
        products: &[&str],
    ) -> Outcome {
        Outcome {
            location: "stadskantoor".into(),
            products: products.iter().map(ToString::to_string).collect(),
            status,
            start: at(0),
            checked_in_at: checked_in.map(at),
            called_at: called.map(at),
        }
    }

    #[test]
    fn waiting_counts_from_the_time_or_from_arriving_late() {
        use AppointmentStatus as S;
        let all = [
            outcome(S::Completed, Some(0), Some(10), &["paspoort"]),
            outcome(S::Completed, None, Some(11), &["paspoort", "rijbewijs"]),
            // Twenty minutes late, called five minutes after arriving: within the norm.
            outcome(S::Called, Some(20), Some(25), &["rijbewijs"]),
            outcome(S::NoShow, None, None, &["paspoort"]),
            outcome(S::Cancelled, None, None, &["paspoort"]),
            outcome(S::Booked, None, None, &["uittreksel-brp"]),
        ];
        let f = figures(Norm::default(), &all);
        assert_eq!((f.called, f.called_in_time), (3, 2));
        assert_eq!((f.settled, f.no_shows, f.cancelled), (4, 1, 1));
        let counts: Vec<_> = f
            .per_product
            .iter()
            .map(|c| (c.product.as_str(), c.appointments))
            .collect();
        assert_eq!(
            counts,
            [("paspoort", 3), ("rijbewijs", 2), ("uittreksel-brp", 1)]
        );
    }
}
