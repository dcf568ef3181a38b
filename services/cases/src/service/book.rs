//! The case facts other services may ask for ([`CaseBook`]): whether a case exists, and per
//! case type how many cases closed in a period and how many by their deadline.

use chrono::{Days, NaiveDate};
use loket_kernel::Bsn;
use loket_kernel::{
    TenantId,
    casebook::{CaseBookError, DeadlineFigures},
    directory::BoxFuture,
};
use loket_migration::{BENCHMARK_DEADLINES_POSTGRES, BENCHMARK_DEADLINES_SQLITE};
use loket_store::{
    Session,
    lookups::{CaseBook, SharedWork},
};
use sea_orm::{ConnectionTrait, DbBackend, PaginatorTrait, QueryFilter, prelude::*};

use super::Cases;
use crate::entity::case;

/// Closed cases per type, and how many closed on or before their deadline in the
/// Netherlands (the statement the comparison of municipalities runs too).
fn deadline_sql(backend: DbBackend) -> &'static str {
    match backend {
        DbBackend::Postgres => BENCHMARK_DEADLINES_POSTGRES,
        _ => BENCHMARK_DEADLINES_SQLITE,
    }
}

fn failed(e: impl std::fmt::Display) -> CaseBookError {
    CaseBookError(e.to_string())
}

impl Cases {
    async fn deadlines(
        &self,
        session: &Session,
        tenant: &TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<DeadlineFigures>, CaseBookError> {
        use loket_kernel::calendar::Calendar;
        let start = Calendar::start_of(from);
        let end = Calendar::start_of(to.checked_add_days(Days::new(1)).unwrap_or(to));
        let tx = session.tx(tenant).await.map_err(failed)?;
        let sql = deadline_sql(tx.conn().get_database_backend());
        let values = vec![tenant.as_str().into(), start.into(), end.into()];
        let rows = tx
            .conn()
            .query_all_raw(tx.statement(sql, values))
            .await
            .map_err(failed)?;
        drop(tx);
        let mut figures = Vec::new();
        for row in rows {
            let code: String = row.try_get("", "case_type").map_err(failed)?;
            let known = self.types.get(tenant, &code);
            figures.push(DeadlineFigures {
                name: known.map_or_else(|| code.clone(), |t| t.name.clone()),
                handling_days: known.map_or(0, |t| t.handling_days),
                working_days: known.is_some_and(|t| t.working_days),
                report_group: known
                    .and_then(|t| t.report.as_ref())
                    .map(|r| r.group_name.clone()),
                case_type: code,
                closed: row
                    .try_get::<Option<i64>>("", "closed")
                    .map_err(failed)?
                    .unwrap_or(0),
                on_time: row
                    .try_get::<Option<i64>>("", "on_time")
                    .map_err(failed)?
                    .unwrap_or(0),
            });
        }
        figures.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(figures)
    }
}

impl CaseBook for Cases {
    fn exists<'a>(
        &'a self,
        session: &'a Session,
        tenant: &'a TenantId,
        reference: &'a str,
    ) -> BoxFuture<'a, Result<bool, CaseBookError>> {
        Box::pin(async move {
            let tx = session.tx(tenant).await.map_err(failed)?;
            let found = case::scoped(tenant)
                .filter(case::Column::Reference.eq(reference))
                .count(tx.conn())
                .await
                .map_err(failed)?;
            Ok(found > 0)
        })
    }

    fn deadline_figures<'a>(
        &'a self,
        session: &'a Session,
        tenant: &'a TenantId,
        from: NaiveDate,
        to: NaiveDate,
    ) -> BoxFuture<'a, Result<Vec<DeadlineFigures>, CaseBookError>> {
        Box::pin(self.deadlines(session, tenant, from, to))
    }
}

impl SharedWork for Cases {
    fn involves<'a>(
        &'a self,
        session: &'a Session,
        host: &'a TenantId,
        domain: &'a TenantId,
        bsn: &'a Bsn,
    ) -> BoxFuture<'a, Result<bool, CaseBookError>> {
        Box::pin(async move {
            let tx = session.tx(domain).await.map_err(failed)?;
            let found = case::scoped(domain)
                .filter(case::Column::SubjectBsn.eq(bsn.as_str()))
                .filter(case::Column::HandlingTenant.eq(host.as_str()))
                .count(tx.conn())
                .await
                .map_err(failed)?;
            Ok(found > 0)
        })
    }
}
