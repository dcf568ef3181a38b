//! Removing reporters' contact details a tenant-set number of days after their report ended
//! (`[reports] anonymise_after_days`, 365 by default). What stays is that someone reported,
//! when, and their satisfaction answer; their BSN, name, e-mail address, mobile number and
//! the code of their links go. Running it again changes nothing more.

use chrono::{DateTime, Duration, Utc};
use loket_store::TenantTx;
use sea_orm::{ConnectionTrait, Value};
use uuid::Uuid;

use super::placeholders;
use crate::{CaseError, service::Cases};

/// What one run removed in one tenant.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Anonymised {
    /// Reporters whose details were removed.
    pub reporters: u64,
    /// The reports they belonged to (their messages' deliveries are to be forgotten too).
    pub cases: Vec<Uuid>,
}

impl Cases {
    /// Removes the contact details of the reporters of `tx`'s tenant whose report ended more
    /// than the tenant's `anonymise_after_days` before `now`.
    pub async fn anonymise_reporters(
        &self,
        tx: &TenantTx,
        now: DateTime<Utc>,
    ) -> Result<Anonymised, CaseError> {
        let tenant = tx.tenant();
        let days = self
            .tenants
            .tenants
            .get(tenant)
            .map_or(365, |t| t.reports.anonymise_after_days);
        let cutoff = now
            .checked_sub_signed(Duration::days(i64::from(days)))
            .unwrap_or(now);
        let rows = tx
            .conn()
            .query_all_raw(tx.statement(
                "SELECT DISTINCT r.case_id FROM case_reporters r \
                 JOIN cases c ON c.tenant_id = r.tenant_id AND c.id = r.case_id \
                 WHERE r.tenant_id = $1 AND r.anonymised_at IS NULL \
                 AND c.lat IS NOT NULL AND c.closed_at IS NOT NULL AND c.closed_at < $2",
                vec![tenant.as_str().into(), cutoff.into()],
            ))
            .await?;
        let cases = rows
            .iter()
            .map(|r| r.try_get::<Uuid>("", "case_id"))
            .collect::<Result<Vec<_>, _>>()?;
        if cases.is_empty() {
            return Ok(Anonymised::default());
        }
        let mut reporters = 0;
        // In chunks, so that no statement has more parameters than an engine takes.
        for chunk in cases.chunks(500) {
            let sql = format!(
                "UPDATE case_reporters SET bsn = NULL, name = NULL, email = NULL, phone = NULL, \
                 answer_code_hash = '', anonymised_at = $2 \
                 WHERE tenant_id = $1 AND anonymised_at IS NULL AND case_id IN ({})",
                placeholders(3, chunk.len())
            );
            let mut values: Vec<Value> = vec![tenant.as_str().into(), now.into()];
            values.extend(chunk.iter().map(|id| Value::from(*id)));
            let changed = tx
                .conn()
                .execute_raw(tx.statement(&sql, values))
                .await?
                .rows_affected();
            reporters = changed.saturating_add(reporters);
        }
        Ok(Anonymised { reporters, cases })
    }
}
