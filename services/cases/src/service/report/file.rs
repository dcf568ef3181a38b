//! Filing a report, or joining an open one.

use std::{collections::BTreeMap, sync::Arc};

use chrono::{Datelike, Utc};
use loket_kernel::{Action, Ctx, TenantId, calendar::Calendar, input};
use loket_store::{Session, TenantTx, outbox};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::json;
use uuid::Uuid;

use super::{
    PublicReport, notice,
    reporters::{self, Reporter},
};
use crate::{
    CaseError, CaseType,
    entity::{bundle, case, event},
    service::{
        Cases, Channel,
        change::append_event,
        create::{claim_bundle, reference_prefix, requested_by, reserve_numbers},
    },
};

/// Longest description.
const MAX_DESCRIPTION: usize = 4000;
/// Longest idempotency key.
const MAX_KEY: usize = 128;

/// Where a report is.
#[derive(Debug, Clone)]
pub enum Place {
    /// A point (WGS84).
    Point {
        /// Latitude.
        lat: f64,
        /// Longitude.
        lon: f64,
    },
    /// An address, by its BAG id: the report is placed at the address.
    Address(String),
    /// An address written out, as in `Markt 1, 7511 GA Enschede`, looked up in the registry
    /// (a street without a postcode in the tenant's municipality); an error names `address`.
    Written(String),
}

/// How to reach a reporter; all optional for residents who log in.
#[derive(Debug, Clone, Default)]
pub struct ReporterDetails {
    /// Name, to address them.
    pub name: Option<String>,
    /// E-mail address for the messages.
    pub email: Option<String>,
    /// Mobile number for text messages.
    pub phone: Option<String>,
    /// Language of the messages (one the tenant offers; its default otherwise).
    pub language: Option<String>,
}

/// A report as a reporter files it.
#[derive(Debug, Clone)]
pub struct NewReport {
    /// The category's code.
    pub category: String,
    /// Where.
    pub place: Place,
    /// What is wrong, in the reporter's words.
    pub description: String,
    /// Answers to the category's form fields, by field code.
    pub attributes: Vec<(String, String)>,
    /// How to reach the reporter.
    pub reporter: ReporterDetails,
    /// The reference of an open report of the same category to join instead of filing anew.
    pub join: Option<String>,
    /// Photos uploaded beforehand ([`Cases::store_photo`]), to attach.
    pub photos: Vec<Uuid>,
    /// Makes a retry return the first report.
    pub idempotency_key: Option<String>,
    /// How it came in.
    pub channel: Channel,
}

/// The report a filing made or joined.
#[derive(Debug, Clone)]
pub struct Filed {
    /// The report as anyone may see it.
    pub report: PublicReport,
    /// The reporter's id (Open311's token).
    pub reporter_id: Uuid,
    /// Whether the reporter joined an existing report.
    pub joined: bool,
    /// Whether an earlier call (same idempotency key, or the same reporter joining again)
    /// made it.
    pub replayed: bool,
}

impl Cases {
    /// The report category `code` of the caller's tenant.
    pub(crate) fn category(
        &self,
        tenant: &TenantId,
        code: &str,
    ) -> Result<Arc<CaseType>, CaseError> {
        self.types
            .get(tenant, code.trim())
            .filter(|t| t.report.is_some())
            .cloned()
            .ok_or_else(|| {
                CaseError::bad(
                    "category",
                    format!("no report category {:?}; see reportCategories", code.trim()),
                )
            })
    }

    /// Files a report, or joins the open report named by `join`. The tenant's policy decides
    /// who may file in each category (`public-report/<category>`, action `create`); without logging
    /// in, an e-mail address or mobile number is required.
    pub async fn file_report(
        &self,
        ctx: &Ctx,
        session: &Session,
        new: NewReport,
    ) -> Result<Filed, CaseError> {
        let tenant = ctx.tenant().clone();
        let category = self.category(&tenant, &new.category)?;
        let object = format!("public-report/{}", category.code);
        let allowed = ctx
            .capabilities_in(&tenant)
            .is_some_and(|caps| caps.allows(&object, Action::Create));
        if !allowed {
            return Err(CaseError::forbidden(object));
        }
        let description = input::required_text("description", &new.description, MAX_DESCRIPTION)?;
        let attributes = check_attributes(&category, &new.attributes)?;
        let reporter = self.reporter(ctx, &tenant, &new.reporter)?;
        let key = new
            .idempotency_key
            .as_deref()
            .map(|k| input::required_line("idempotencyKey", k, MAX_KEY))
            .transpose()?;
        let join = new
            .join
            .as_deref()
            .map(|r| input::required_line("join", r, 32))
            .transpose()?;
        super::photos::check_ids(&new.photos)?;
        let spot = self.place(session, &tenant, &new.place).await?;
        let tx = session.tx(&tenant).await?;
        if let Some(reference) = join {
            return self
                .join(&tx, &category, &reference, reporter, &new.photos)
                .await;
        }
        let fingerprint = super::digest(&format!(
            "{}|{:.6}|{:.6}|{description}|{attributes:?}|{:?}|{:?}|{:?}",
            category.code, spot.lat, spot.lon, reporter.email, reporter.phone, new.photos
        ));
        let requested_by = requested_by(ctx);
        let now = Utc::now();
        let bundle_id = Uuid::now_v7();
        let claimed = claim_bundle(
            &tx,
            bundle::Model {
                tenant_id: tenant.to_string(),
                id: bundle_id,
                subject_bsn: String::new(),
                requested_by: requested_by.clone(),
                idempotency_key: key.clone(),
                fingerprint: fingerprint.clone(),
                channel: new.channel.as_str().to_owned(),
                created_at: now,
            },
        )
        .await?;
        if !claimed {
            return replay(&tx, &category, &requested_by, key, &fingerprint).await;
        }
        let year = Calendar::local_date(now).year();
        let number = reserve_numbers(&tx, year, 1).await?;
        let reference = format!("{}-{year}-{number:06}", reference_prefix(&tenant));
        let deadline = self.handling_deadline(&tenant, &category, now)?;
        let actor = ctx.actor().subject().to_owned();
        let initial = category.initial();
        let row = case::Model {
            tenant_id: tenant.to_string(),
            id: Uuid::now_v7(),
            reference,
            case_type: category.code.clone(),
            handling_tenant: category.handled_by.to_string(),
            bundle_id,
            subject_bsn: String::new(),
            address_id: spot.address_id.clone(),
            location: spot.label.clone(),
            description: Some(description),
            lat: Some(spot.lat),
            lon: Some(spot.lon),
            attributes: (!attributes.is_empty())
                .then(|| serde_json::to_string(&attributes).unwrap_or_default()),
            channel: new.channel.as_str().to_owned(),
            status: initial.code.clone(),
            status_since: now,
            handling_days: i32::try_from(category.handling_days)
                .map_err(|_| CaseError::bad("category", "the handling period is too long"))?,
            suspended_days: 0,
            extended_days: 0,
            deadline,
            handler: None,
            outcome: None,
            decision_explanation: None,
            decided_by: None,
            decided_at: None,
            closed_at: None,
            created_at: now,
            created_by: actor.clone(),
            version: 1,
        };
        case::Entity::insert(case::ActiveModel::from(row.clone()))
            .exec_without_returning(tx.conn())
            .await?;
        event::Entity::insert(event::ActiveModel::from(event::Model {
            tenant_id: tenant.to_string(),
            case_id: row.id,
            seq: 1,
            kind: "status".to_owned(),
            status: Some(initial.code.clone()),
            days: None,
            public_text: None,
            internal_text: Some(format!("received via {}", new.channel.as_str())),
            actor,
            at: now,
        }))
        .exec_without_returning(tx.conn())
        .await?;
        let (reporter_id, _) = reporters::insert(&tx, row.id, &reporter, now).await?;
        self.attach_photos(&tx, row.id, &new.photos, now).await?;
        outbox::publish_all(
            &tx,
            vec![
                (
                    "case.created",
                    json!({
                        "caseId": row.id,
                        "reference": row.reference,
                        "caseType": category.code,
                        "caseTypeName": category.name,
                        "status": initial.code,
                        "statusName": initial.name,
                        "publicNotice": false,
                        "products": [],
                        "subject": "",
                        "handlingTenant": category.handled_by.as_str(),
                        "bundleId": bundle_id,
                        "addressId": row.address_id,
                        "channel": new.channel.as_str(),
                        "confidentiality": category.confidentiality.as_str(),
                        "report": true,
                    }),
                ),
                notice::received(&row, &category, &notice::recipient(reporter_id)),
            ],
        )
        .await?;
        Ok(Filed {
            report: PublicReport::from_row(&row, Arc::clone(&category)),
            reporter_id,
            joined: false,
            replayed: false,
        })
    }

    /// Adds `reporter`, with their `photos`, to the open report `reference` of `category`; a
    /// reporter who already joined it gets the same answer again.
    async fn join(
        &self,
        tx: &TenantTx,
        category: &Arc<CaseType>,
        reference: &str,
        reporter: Reporter,
        photos: &[Uuid],
    ) -> Result<Filed, CaseError> {
        let row = case::scoped(tx.tenant())
            .filter(case::Column::Reference.eq(reference))
            .one(tx.conn())
            .await?
            .filter(|r| r.case_type == category.code && r.closed_at.is_none() && r.lat.is_some())
            .ok_or_else(|| {
                CaseError::bad(
                    "join",
                    format!(
                        "no open report {reference:?} of {}; choose one of nearbyReports",
                        category.name
                    ),
                )
            })?;
        if let Some(existing) = reporters::same(tx, row.id, &reporter).await? {
            return Ok(Filed {
                report: PublicReport::from_row(&row, Arc::clone(category)),
                reporter_id: existing,
                joined: true,
                replayed: true,
            });
        }
        let now = Utc::now();
        let (reporter_id, _) = reporters::insert(tx, row.id, &reporter, now).await?;
        self.attach_photos(tx, row.id, photos, now).await?;
        append_event(
            tx,
            &event::Model {
                tenant_id: tx.tenant().to_string(),
                case_id: row.id,
                seq: 0,
                kind: "joined".to_owned(),
                status: None,
                days: None,
                public_text: None,
                internal_text: Some("another reporter joined this report".to_owned()),
                actor: "reporter".to_owned(),
                at: now,
            },
        )
        .await?;
        let (kind, payload) = notice::joined(&row, category, &notice::recipient(reporter_id));
        outbox::publish(tx, kind, payload).await?;
        Ok(Filed {
            report: PublicReport::from_row(&row, Arc::clone(category)),
            reporter_id,
            joined: true,
            replayed: false,
        })
    }
}

/// The report an earlier call with the same key filed.
async fn replay(
    tx: &TenantTx,
    category: &Arc<CaseType>,
    requested_by: &str,
    key: Option<String>,
    fingerprint: &str,
) -> Result<Filed, CaseError> {
    let existing = bundle::scoped(tx.tenant())
        .filter(bundle::Column::RequestedBy.eq(requested_by))
        .filter(bundle::Column::IdempotencyKey.eq(key))
        .one(tx.conn())
        .await?
        .ok_or_else(|| {
            CaseError::Conflict("the report with this key is still being filed; retry".to_owned())
        })?;
    if existing.fingerprint != fingerprint {
        return Err(CaseError::Conflict(
            "this idempotency key was used for a different report".to_owned(),
        ));
    }
    let row = case::scoped(tx.tenant())
        .filter(case::Column::BundleId.eq(existing.id))
        .order_by_asc(case::Column::Id)
        .one(tx.conn())
        .await?
        .ok_or(CaseError::NotFound)?;
    let reporter_id = reporters::first(tx, row.id)
        .await?
        .ok_or(CaseError::NotFound)?;
    Ok(Filed {
        report: PublicReport::from_row(&row, Arc::clone(category)),
        reporter_id,
        joined: false,
        replayed: true,
    })
}

/// The answers to the category's form fields, checked: every required field answered, no
/// unknown fields, each answer of its field's type.
fn check_attributes(
    category: &CaseType,
    given: &[(String, String)],
) -> Result<BTreeMap<String, String>, CaseError> {
    let fields = category
        .report
        .as_ref()
        .map(|r| r.fields.as_slice())
        .unwrap_or_default();
    let mut out = BTreeMap::new();
    for (code, answer) in given {
        let code = code.trim();
        let Some(field) = fields.iter().find(|f| f.code == code) else {
            return Err(CaseError::bad(
                "attributes",
                format!("{code}: {} asks no such question", category.name),
            ));
        };
        if answer.trim().is_empty() {
            continue;
        }
        let checked = field
            .check(answer)
            .map_err(|m| CaseError::bad("attributes", format!("{code}: {m}")))?;
        if out.insert(code.to_owned(), checked).is_some() {
            return Err(CaseError::bad(
                "attributes",
                format!("{code}: answered twice"),
            ));
        }
    }
    if let Some(missing) = fields
        .iter()
        .find(|f| f.required && !out.contains_key(&f.code))
    {
        return Err(CaseError::bad(
            "attributes",
            format!("{}: required ({})", missing.code, missing.name),
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::{FieldType, FieldValue, FormField, ReportCategory};

    fn category() -> CaseType {
        CaseType {
            code: "boom".into(),
            name: "Boom of takken".into(),
            products: Vec::new(),
            department: "groen".into(),
            confidentiality: loket_kernel::Confidentiality::Internal,
            handling_days: 5,
            working_days: true,
            suspension_max_days: 0,
            extension_max_days: 0,
            online_loa: None,
            public_notice: false,
            statuses: Vec::new(),
            outcomes: Vec::new(),
            report: Some(ReportCategory {
                group: "groen".into(),
                group_name: "Groen".into(),
                description: String::new(),
                public_map: true,
                fields: vec![FormField {
                    code: "blokkeert".into(),
                    name: "Blokkeert de boom de weg?".into(),
                    description: None,
                    datatype: FieldType::Singlevaluelist,
                    required: true,
                    values: vec![
                        FieldValue {
                            key: "ja".into(),
                            name: "Ja".into(),
                        },
                        FieldValue {
                            key: "nee".into(),
                            name: "Nee".into(),
                        },
                    ],
                }],
                reopened: "heropend".into(),
                reopen_requested: "verzoek".into(),
            }),
            handled_by: TenantId::new("enschede").unwrap_or_else(|_| unreachable!()),
        }
    }

    fn answers(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn message(e: CaseError) -> String {
        e.to_string()
    }

    #[test]
    fn attributes_are_checked_against_the_form() {
        let c = category();
        let ok = check_attributes(&c, &answers(&[("blokkeert", "ja")])).map_err(message);
        assert_eq!(
            ok.map(|m| m.get("blokkeert").cloned()),
            Ok(Some("ja".into()))
        );
        let missing = check_attributes(&c, &[]).map_err(message);
        assert_eq!(
            missing,
            Err("attributes: blokkeert: required (Blokkeert de boom de weg?)".into())
        );
        let unknown = check_attributes(&c, &answers(&[("blokkeert", "ja"), ("kleur", "rood")]))
            .map_err(message);
        assert_eq!(
            unknown,
            Err("attributes: kleur: Boom of takken asks no such question".into())
        );
        let wrong = check_attributes(&c, &answers(&[("blokkeert", "misschien")])).map_err(message);
        assert_eq!(wrong, Err("attributes: blokkeert: one of ja, nee".into()));
        let twice = check_attributes(&c, &answers(&[("blokkeert", "ja"), ("blokkeert", "nee")]))
            .map_err(message);
        assert_eq!(twice, Err("attributes: blokkeert: answered twice".into()));
    }
}
