//! The reporters of a report: who filed or joined it, how to reach them, and what they
//! answered when it ended.

use chrono::{DateTime, Utc};
use loket_kernel::{
    Actor, Bsn, Ctx, TenantId,
    directory::{BoxFuture, DirectoryError},
    input,
};
use loket_store::{
    Session, TenantTx,
    lookups::{ReporterBook, ReporterContact},
};
use sea_orm::{ConnectionTrait, QueryResult, Value};
use uuid::Uuid;

use super::{ReporterDetails, new_code, placeholders};
use crate::{CaseError, service::Cases};

/// Longest name.
const MAX_NAME: usize = 200;
/// Longest e-mail address.
const MAX_EMAIL: usize = 254;

/// A reporter as checked for writing.
#[derive(Debug, Clone)]
pub(super) struct Reporter {
    pub(super) bsn: Option<Bsn>,
    pub(super) name: Option<String>,
    pub(super) email: Option<String>,
    pub(super) phone: Option<String>,
    pub(super) language: String,
}

/// A reporter as staff with the right to `case/<category>/reporters` see them.
#[derive(Debug, Clone)]
pub struct ReporterRecord {
    /// Id.
    pub id: Uuid,
    /// Whether they logged in (their BSN is not shown).
    pub logged_in: bool,
    /// Name, if given and not yet removed.
    pub name: Option<String>,
    /// E-mail address, if given and not yet removed.
    pub email: Option<String>,
    /// Mobile number, if given and not yet removed.
    pub phone: Option<String>,
    /// When they filed or joined.
    pub joined_at: DateTime<Utc>,
    /// Their answer to the satisfaction question, once given.
    pub satisfied: Option<bool>,
    /// When their contact details were removed.
    pub anonymised_at: Option<DateTime<Utc>>,
}

impl Cases {
    /// The reporter of `details`, checked; a logged-in resident is linked by their BSN.
    pub(super) fn reporter(
        &self,
        ctx: &Ctx,
        tenant: &TenantId,
        details: &ReporterDetails,
    ) -> Result<Reporter, CaseError> {
        let name = details
            .name
            .as_deref()
            .map(|n| input::line("reporter.name", n, MAX_NAME))
            .transpose()?
            .flatten();
        let email = details
            .email
            .as_deref()
            .map(|e| input::line("reporter.email", e, MAX_EMAIL))
            .transpose()?
            .flatten();
        if let Some(email) = &email
            && email.parse::<lettre::Address>().is_err()
        {
            return Err(CaseError::bad("reporter.email", "not an e-mail address"));
        }
        let phone = details
            .phone
            .as_deref()
            .filter(|p| !p.trim().is_empty())
            .map(|p| {
                input::mobile(p)
                    .ok_or_else(|| CaseError::bad("reporter.phone", "not a mobile phone number"))
            })
            .transpose()?;
        let languages = self
            .tenants
            .tenants
            .get(tenant)
            .map(|t| t.languages.as_slice())
            .unwrap_or_default();
        let language = match details.language.as_deref().map(str::trim) {
            None | Some("") => languages.first().cloned().unwrap_or_else(|| "nl".into()),
            Some(l) if languages.iter().any(|x| x == l) => l.to_owned(),
            Some(_) => {
                return Err(CaseError::bad(
                    "reporter.language",
                    format!("one of {}", languages.join(", ")),
                ));
            }
        };
        let bsn = match ctx.actor() {
            Actor::Citizen { bsn, .. } => Some(bsn.clone()),
            _ => None,
        };
        if matches!(ctx.actor(), Actor::Anonymous) && email.is_none() && phone.is_none() {
            return Err(CaseError::bad(
                "reporter.email",
                "leave an e-mail address or mobile number when not logged in, so that we can \
                 tell you what happens with the report",
            ));
        }
        Ok(Reporter {
            bsn,
            name,
            email,
            phone,
            language,
        })
    }
}

impl Cases {
    /// The reporters of a report, for staff whose role may read `case/<category>/reporters`.
    pub async fn reporters_of(
        &self,
        ctx: &Ctx,
        session: &Session,
        case: &crate::CaseRecord,
    ) -> Result<Vec<ReporterRecord>, CaseError> {
        if case.case_type.report.is_none() {
            return Ok(Vec::new());
        }
        if !case.access.reporters {
            return Err(CaseError::forbidden(format!(
                "case/{}/reporters",
                case.case_type.code
            )));
        }
        let tx = session.tx(&case.domain).await?;
        let stored = of_cases(&tx, &[case.id]).await?;
        for reporter in &stored {
            if let Some(bsn) = &reporter.bsn {
                session.record(
                    ctx,
                    loket_store::processing_log::Processing {
                        person: bsn,
                        purpose: case.read_as.purpose,
                        operation: case.read_as.operation,
                        field_group: "case/reporters",
                    },
                );
            }
        }
        Ok(stored.into_iter().map(|s| s.record).collect())
    }
}

/// Adds `reporter` to the case; returns their id and the code of their links.
pub(super) async fn insert(
    tx: &TenantTx,
    case_id: Uuid,
    reporter: &Reporter,
    now: DateTime<Utc>,
) -> Result<(Uuid, String), CaseError> {
    let id = Uuid::now_v7();
    let (code, hash) = new_code();
    let sql = "INSERT INTO case_reporters (tenant_id, case_id, id, bsn, name, email, phone, \
               language, answer_code_hash, joined_at) \
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    tx.conn()
        .execute_raw(tx.statement(
            sql,
            vec![
                tx.tenant().as_str().into(),
                case_id.into(),
                id.into(),
                reporter.bsn.as_ref().map(|b| b.as_str().to_owned()).into(),
                reporter.name.clone().into(),
                reporter.email.clone().into(),
                reporter.phone.clone().into(),
                reporter.language.clone().into(),
                hash.into(),
                now.into(),
            ],
        ))
        .await?;
    Ok((id, code))
}

/// The reporter of the case who is `reporter` again: the same resident, or the same e-mail
/// address or mobile number.
pub(super) async fn same(
    tx: &TenantTx,
    case_id: Uuid,
    reporter: &Reporter,
) -> Result<Option<Uuid>, CaseError> {
    let bsn: Value = reporter.bsn.as_ref().map(|b| b.as_str().to_owned()).into();
    let sql = "SELECT id FROM case_reporters WHERE tenant_id = $1 AND case_id = $2 \
               AND anonymised_at IS NULL AND ((bsn IS NOT NULL AND bsn = $3) \
               OR (email IS NOT NULL AND email = $4) OR (phone IS NOT NULL AND phone = $5)) \
               ORDER BY joined_at LIMIT 1";
    let row = tx
        .conn()
        .query_one_raw(tx.statement(
            sql,
            vec![
                tx.tenant().as_str().into(),
                case_id.into(),
                bsn,
                reporter.email.clone().into(),
                reporter.phone.clone().into(),
            ],
        ))
        .await?;
    Ok(row.map(|r| r.try_get::<Uuid>("", "id")).transpose()?)
}

/// The first reporter of the case: the one who filed it.
pub(super) async fn first(tx: &TenantTx, case_id: Uuid) -> Result<Option<Uuid>, CaseError> {
    let row = tx
        .conn()
        .query_one_raw(tx.statement(
            "SELECT id FROM case_reporters WHERE tenant_id = $1 AND case_id = $2 \
             ORDER BY joined_at, id LIMIT 1",
            vec![tx.tenant().as_str().into(), case_id.into()],
        ))
        .await?;
    Ok(row.map(|r| r.try_get::<Uuid>("", "id")).transpose()?)
}

/// One stored reporter with what the messages need.
#[derive(Debug, Clone)]
pub(super) struct Stored {
    pub(super) record: ReporterRecord,
    pub(super) bsn: Option<Bsn>,
    pub(super) case_id: Uuid,
}

fn stored(row: &QueryResult) -> Result<Stored, CaseError> {
    let bsn: Option<String> = row.try_get("", "bsn")?;
    Ok(Stored {
        bsn: bsn.as_deref().and_then(|b| Bsn::new(b).ok()),
        record: ReporterRecord {
            id: row.try_get("", "id")?,
            logged_in: bsn.is_some(),
            name: row.try_get("", "name")?,
            email: row.try_get("", "email")?,
            phone: row.try_get("", "phone")?,
            joined_at: row.try_get("", "joined_at")?,
            satisfied: row.try_get("", "satisfied")?,
            anonymised_at: row.try_get("", "anonymised_at")?,
        },
        case_id: row.try_get("", "case_id")?,
    })
}

const COLUMNS: &str = "case_id, id, bsn, name, email, phone, joined_at, satisfied, anonymised_at";

/// The reporters of the cases `ids`, oldest first.
pub(super) async fn of_cases(tx: &TenantTx, ids: &[Uuid]) -> Result<Vec<Stored>, CaseError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {COLUMNS} FROM case_reporters WHERE tenant_id = $1 AND case_id IN ({}) \
         ORDER BY joined_at, id",
        placeholders(2, ids.len())
    );
    let mut values: Vec<Value> = vec![tx.tenant().as_str().into()];
    values.extend(ids.iter().map(|id| Value::from(*id)));
    let rows = tx.conn().query_all_raw(tx.statement(&sql, values)).await?;
    rows.iter().map(stored).collect()
}

/// The reporter `id` of the tenant, with the hash of their current code.
pub(super) async fn by_id(
    tx: &TenantTx,
    id: Uuid,
) -> Result<Option<(Stored, String, Option<DateTime<Utc>>)>, CaseError> {
    let sql = format!(
        "SELECT {COLUMNS}, answer_code_hash, answered_at FROM case_reporters \
         WHERE tenant_id = $1 AND id = $2"
    );
    let row = tx
        .conn()
        .query_one_raw(tx.statement(&sql, vec![tx.tenant().as_str().into(), id.into()]))
        .await?;
    row.map(|r| {
        Ok((
            stored(&r)?,
            r.try_get::<String>("", "answer_code_hash")?,
            r.try_get::<Option<DateTime<Utc>>>("", "answered_at")?,
        ))
    })
    .transpose()
}

impl ReporterBook for Cases {
    fn contacts<'a>(
        &'a self,
        session: &'a Session,
        tenant: &'a TenantId,
        ids: &'a [Uuid],
    ) -> BoxFuture<'a, Result<Vec<ReporterContact>, DirectoryError>> {
        Box::pin(async move {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            let failed = |e: &dyn std::fmt::Display| DirectoryError(e.to_string());
            let tx = session.tx(tenant).await.map_err(|e| failed(&e))?;
            let sql = format!(
                "SELECT id, email, phone, language FROM case_reporters \
                 WHERE tenant_id = $1 AND anonymised_at IS NULL AND id IN ({})",
                placeholders(2, ids.len())
            );
            let mut values: Vec<Value> = vec![tenant.as_str().into()];
            values.extend(ids.iter().map(|id| Value::from(*id)));
            let rows = tx
                .conn()
                .query_all_raw(tx.statement(&sql, values))
                .await
                .map_err(|e| failed(&e))?;
            rows.iter()
                .map(|r| {
                    Ok(ReporterContact {
                        id: r.try_get("", "id")?,
                        email: r.try_get("", "email")?,
                        phone: r.try_get("", "phone")?,
                        language: r.try_get("", "language")?,
                    })
                })
                .collect::<Result<Vec<_>, sea_orm::DbErr>>()
                .map_err(|e| failed(&e))
        })
    }
}
