//! GraphQL for reports about public space: `reportCategories`, `nearbyReports`, `report`,
//! the resident's `me.reports` (through [`my_reports`]), and the mutations `fileReport` and
//! `answerReportSurvey`. Staff work reports as cases (`Case.position`, `Case.attributes`,
//! `Case.reporters`, `reopenCase`).

use std::sync::Arc;

use async_graphql::{
    Context, Enum, InputObject, Object, Result, SimpleObject,
    connection::{Connection, Edge, EmptyFields},
};
use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::graphql::to_gql;
use loket_store::graphql::request;
use uuid::Uuid;

use crate::{
    CaseError, CaseType, Cases, Channel, FieldType, NewReport, Place, PublicReport, ReporterDetails,
};

/// The kind of value a report form field takes (Open311's datatypes).
#[derive(Enum, Clone, Copy, PartialEq, Eq)]
pub enum ReportFieldType {
    /// One line of text.
    String,
    /// A number.
    Number,
    /// A date and time (RFC 3339).
    Datetime,
    /// Several lines of text.
    Text,
    /// One of the listed values (by key).
    Singlevaluelist,
    /// Any of the listed values (keys separated by commas).
    Multivaluelist,
}

impl From<FieldType> for ReportFieldType {
    fn from(t: FieldType) -> Self {
        match t {
            FieldType::String => Self::String,
            FieldType::Number => Self::Number,
            FieldType::Datetime => Self::Datetime,
            FieldType::Text => Self::Text,
            FieldType::Singlevaluelist => Self::Singlevaluelist,
            FieldType::Multivaluelist => Self::Multivaluelist,
        }
    }
}

/// A value a list field offers.
#[derive(SimpleObject, Clone)]
pub struct ReportFieldValue {
    /// What is sent.
    key: String,
    /// What the reporter reads.
    name: String,
}

/// A question a category asks beside the description.
#[derive(SimpleObject, Clone)]
pub struct ReportField {
    /// Code (the `code` of an answer).
    code: String,
    /// The question.
    name: String,
    /// A longer explanation.
    description: Option<String>,
    /// The kind of value.
    datatype: ReportFieldType,
    /// Whether a report must answer it.
    required: bool,
    /// The values a list field offers.
    values: Vec<ReportFieldValue>,
}

/// A category of reports about public space.
pub struct ReportCategoryInfo(pub Arc<CaseType>);

#[Object(name = "ReportCategory")]
impl ReportCategoryInfo {
    /// Code (Open311's `service_code`).
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// Public name.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// The main category's code.
    async fn group(&self) -> &str {
        self.0.report.as_ref().map_or("", |r| r.group.as_str())
    }
    /// The main category's public name.
    async fn group_name(&self) -> &str {
        self.0.report.as_ref().map_or("", |r| r.group_name.as_str())
    }
    /// What the category is for.
    async fn description(&self) -> &str {
        self.0
            .report
            .as_ref()
            .map_or("", |r| r.description.as_str())
    }
    /// Whether its open reports appear, coarsened, on the public map.
    async fn public_map(&self) -> bool {
        self.0.report.as_ref().is_some_and(|r| r.public_map)
    }
    /// Days within which a report is handled.
    async fn handling_days(&self) -> u32 {
        self.0.handling_days
    }
    /// Whether `handlingDays` counts working days.
    async fn working_days(&self) -> bool {
        self.0.working_days
    }
    /// The questions asked beside the description, in order.
    async fn fields(&self) -> Vec<ReportField> {
        self.0
            .report
            .iter()
            .flat_map(|r| &r.fields)
            .map(|f| ReportField {
                code: f.code.clone(),
                name: f.name.clone(),
                description: f.description.clone(),
                datatype: f.datatype.into(),
                required: f.required,
                values: f
                    .values
                    .iter()
                    .map(|v| ReportFieldValue {
                        key: v.key.clone(),
                        name: v.name.clone(),
                    })
                    .collect(),
            })
            .collect()
    }
}

/// A position (WGS84).
#[derive(SimpleObject, Clone, Copy)]
pub struct GeoPoint {
    /// Latitude.
    lat: f64,
    /// Longitude.
    lon: f64,
}

impl GeoPoint {
    /// The point `(lat, lon)`.
    pub fn new((lat, lon): (f64, f64)) -> Self {
        Self { lat, lon }
    }
}

/// A report's current status.
#[derive(SimpleObject)]
pub struct ReportStatus {
    /// Code.
    code: String,
    /// Public name.
    name: String,
    /// The category's standard text for it.
    explanation: String,
    /// Since when.
    since: DateTime<Utc>,
}

/// How a report ended.
#[derive(SimpleObject)]
pub struct ReportOutcome {
    /// Code.
    code: String,
    /// Public name.
    name: String,
}

/// A report about public space as anyone may see it: no reporter's words or details, and a
/// position only for categories on the public map, coarsened to about 50 m.
pub struct Report(pub PublicReport);

#[Object]
impl Report {
    /// Readable reference, for example `ENS-2026-000123`.
    async fn reference(&self) -> &str {
        &self.0.reference
    }
    /// Its category.
    async fn category(&self) -> ReportCategoryInfo {
        ReportCategoryInfo(Arc::clone(&self.0.category))
    }
    /// Current status.
    async fn status(&self) -> ReportStatus {
        let (name, text) = self.0.status_name_and_text();
        ReportStatus {
            code: self.0.status.clone(),
            name: name.to_owned(),
            explanation: text.to_owned(),
            since: self.0.status_since,
        }
    }
    /// When it was filed.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
    /// The day it is expected to be handled by.
    async fn expected_by(&self) -> NaiveDate {
        self.0.expected_by
    }
    /// When it ended.
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
    /// How it ended.
    async fn outcome(&self) -> Option<ReportOutcome> {
        Some(ReportOutcome {
            code: self.0.outcome.clone()?,
            name: self.0.outcome_name()?.to_owned(),
        })
    }
    /// Where, coarsened to about 50 m; only for categories on the public map.
    async fn position(&self) -> Option<GeoPoint> {
        self.0.position.map(GeoPoint::new)
    }
}

/// An open report near the place asked about.
#[derive(SimpleObject)]
pub struct NearbyReport {
    /// The report.
    report: Report,
    /// Metres away, rounded to 5 m; for a category off the public map, the search radius (it
    /// lies within it).
    distance_m: u32,
}

/// A position given by a client.
#[derive(InputObject, Clone, Copy)]
pub struct LocationInput {
    /// Latitude (WGS84).
    lat: f64,
    /// Longitude (WGS84).
    lon: f64,
}

/// An answer to a category's form field.
#[derive(InputObject)]
pub struct ReportAnswerInput {
    /// The field's code.
    code: String,
    /// The answer (for a multiple-choice list, keys separated by commas).
    value: String,
}

/// How to reach the reporter.
#[derive(InputObject, Default)]
pub struct ReporterInput {
    /// Name.
    name: Option<String>,
    /// E-mail address.
    email: Option<String>,
    /// Mobile number, for text messages.
    phone: Option<String>,
    /// Language of the messages (one the municipality offers).
    language: Option<String>,
}

/// A report about public space.
#[derive(InputObject)]
pub struct FileReportInput {
    /// The category's code (see `reportCategories`).
    category: String,
    /// Where; or give `addressId`.
    location: Option<LocationInput>,
    /// The address (BAG id) it is at; or give `location`.
    address_id: Option<String>,
    /// What is wrong.
    description: String,
    /// Answers to the category's form fields.
    #[graphql(default)]
    attributes: Vec<ReportAnswerInput>,
    /// How to reach you; required without logging in (an e-mail address or mobile number).
    reporter: Option<ReporterInput>,
    /// The reference of an open report nearby (`nearbyReports`) to follow instead of filing
    /// a new one.
    join: Option<String>,
    /// Photos uploaded beforehand (`POST /reports/photos`), by the ids that gave; at most 3,
    /// each uploaded within the last 23 hours.
    /// Only staff handling the report see them.
    #[graphql(default)]
    photos: Vec<String>,
    /// A retry with the same key returns the first report.
    idempotency_key: Option<String>,
}

/// What filing did.
#[derive(SimpleObject)]
pub struct FileReportPayload {
    /// The report filed, or joined.
    report: Report,
    /// Whether you now follow an existing report.
    joined: bool,
    /// Whether an earlier call made it (same idempotency key, or joined before).
    replayed: bool,
}

/// An answer to the satisfaction question sent when a report ended.
#[derive(InputObject)]
pub struct AnswerReportSurveyInput {
    /// The reporter id from the link (`melder`).
    reporter_id: String,
    /// The code from the link.
    code: String,
    /// Whether you are satisfied; `false` asks us to look at the report again.
    satisfied: bool,
}

/// What the answer did.
#[derive(SimpleObject)]
pub struct AnswerReportSurveyPayload {
    /// The report as it now is.
    report: Report,
    /// Whether the report was reopened.
    reopened: bool,
}

/// Query root for reports.
#[derive(Default)]
pub struct ReportsQuery;

#[Object]
impl ReportsQuery {
    /// The categories of reports about public space you may file, by main category.
    async fn report_categories(&self, ctx: &Context<'_>) -> Result<Vec<ReportCategoryInfo>> {
        let (rctx, _) = request(ctx)?;
        let cases = ctx.data::<Cases>()?;
        let tenant = rctx.tenant();
        let caps = rctx.capabilities_in(tenant);
        let mut out: Vec<ReportCategoryInfo> = cases
            .types()
            .of(tenant)
            .filter(|t| t.report.is_some())
            .filter(|t| {
                caps.is_some_and(|c| {
                    c.allows(
                        &format!("public-report/{}", t.code),
                        loket_kernel::Action::Create,
                    )
                })
            })
            .map(|t| ReportCategoryInfo(Arc::clone(t)))
            .collect();
        out.sort_by(|a, b| {
            let key = |c: &ReportCategoryInfo| {
                (
                    c.0.report.as_ref().map(|r| r.group_name.clone()),
                    c.0.name.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        Ok(out)
    }

    /// Open reports of a category near a place: "already reported". Join one with
    /// `fileReport(input: { join })` instead of filing it again.
    async fn nearby_reports(
        &self,
        ctx: &Context<'_>,
        category: String,
        location: LocationInput,
    ) -> Result<Vec<NearbyReport>> {
        let (rctx, session) = request(ctx)?;
        let found = ctx
            .data::<Cases>()?
            .nearby_reports(rctx, session, &category, location.lat, location.lon)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(found
            .into_iter()
            .map(|n| NearbyReport {
                report: Report(n.report),
                distance_m: n.distance_m,
            })
            .collect())
    }

    /// A report of this municipality by its reference, as anyone may see it.
    async fn report(&self, ctx: &Context<'_>, reference: String) -> Result<Option<Report>> {
        let (rctx, session) = request(ctx)?;
        Ok(ctx
            .data::<Cases>()?
            .public_report(rctx, session, &reference)
            .await
            .map_err(|e| to_gql(&e))?
            .map(Report))
    }
}

/// Mutation root for reports.
#[derive(Default)]
pub struct ReportsMutation;

#[Object]
impl ReportsMutation {
    /// Report a problem in public space, anonymously (with an e-mail address or mobile
    /// number) or logged in; or follow an open report nearby with `join`.
    async fn file_report(
        &self,
        ctx: &Context<'_>,
        input: FileReportInput,
    ) -> Result<FileReportPayload> {
        let (rctx, session) = request(ctx)?;
        let place = match (input.location, input.address_id) {
            (Some(l), None) => Place::Point {
                lat: l.lat,
                lon: l.lon,
            },
            (None, Some(id)) => Place::Address(id),
            _ => {
                return Err(to_gql(&CaseError::bad(
                    "location",
                    "give either a location or an addressId",
                )));
            }
        };
        let reporter = input.reporter.unwrap_or_default();
        let channel = match rctx.actor() {
            loket_kernel::Actor::Employee { .. } => Channel::Phone,
            loket_kernel::Actor::App { .. } => Channel::App,
            _ => Channel::Online,
        };
        let photos = input
            .photos
            .iter()
            .map(|p| Uuid::parse_str(p.trim()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| {
                to_gql(&CaseError::bad(
                    "photos",
                    "a photo id is not one POST /reports/photos gave",
                ))
            })?;
        let new = NewReport {
            category: input.category,
            place,
            description: input.description,
            attributes: input
                .attributes
                .into_iter()
                .map(|a| (a.code, a.value))
                .collect(),
            reporter: ReporterDetails {
                name: reporter.name,
                email: reporter.email,
                phone: reporter.phone,
                language: reporter.language,
            },
            join: input.join,
            photos,
            idempotency_key: input.idempotency_key,
            channel,
        };
        let filed = ctx
            .data::<Cases>()?
            .file_report(rctx, session, new)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(FileReportPayload {
            report: Report(filed.report),
            joined: filed.joined,
            replayed: filed.replayed,
        })
    }

    /// Answer the satisfaction question from the link in the message about a report that
    /// ended; no login needed. An unhappy answer reopens the report.
    async fn answer_report_survey(
        &self,
        ctx: &Context<'_>,
        input: AnswerReportSurveyInput,
    ) -> Result<AnswerReportSurveyPayload> {
        let (rctx, session) = request(ctx)?;
        let reporter = Uuid::parse_str(input.reporter_id.trim()).map_err(|_| {
            to_gql(&CaseError::bad(
                "reporterId",
                "not a reporter id from a link",
            ))
        })?;
        let answer = ctx
            .data::<Cases>()?
            .answer_survey(rctx, session, reporter, &input.code, input.satisfied)
            .await
            .map_err(|e| to_gql(&e))?;
        Ok(AnswerReportSurveyPayload {
            report: Report(answer.report),
            reopened: answer.reopened,
        })
    }
}

/// A page of reports.
pub type ReportConnection = Connection<String, Report, EmptyFields, EmptyFields>;

/// The reports the calling resident filed or followed, newest first.
pub async fn my_reports(
    ctx: &Context<'_>,
    first: Option<i32>,
    after: Option<String>,
) -> Result<ReportConnection> {
    let (rctx, session) = request(ctx)?;
    let first = u64::try_from(first.unwrap_or(20))
        .ok()
        .filter(|n| (1..=100).contains(n))
        .ok_or_else(|| to_gql(&CaseError::bad("first", "between 1 and 100")))?;
    let after = after
        .as_deref()
        .map(|a| {
            Uuid::parse_str(a)
                .map_err(|_| to_gql(&CaseError::bad("after", "not a cursor of this list")))
        })
        .transpose()?;
    let page = ctx
        .data::<Cases>()?
        .my_reports(rctx, session, first, after)
        .await
        .map_err(|e| to_gql(&e))?;
    let mut connection = Connection::new(after.is_some(), page.next.is_some());
    connection.edges.extend(
        page.reports
            .into_iter()
            .map(|r| Edge::new(r.id.to_string(), Report(r))),
    );
    Ok(connection)
}
