//! Demo cases for freshly generated demo municipalities, so that every demo token has
//! something to look at: the demo resident's one-stop request (a building permit in review
//! and a granted driveway permit), a handful of cases other residents started at the counter or
//! by phone in various stages, and, for the members of a regional desk, an alien registration
//! the host's desk started. Everything goes through the case service with dev tokens, as staff
//! and residents would do it.

use loket_authz::Authz;
use loket_cases::{
    BundleResult, CaseError, CaseRecord, Cases, Change, Channel, NewCase, StatusChange, Submission,
    TypeAccess,
};
use loket_kernel::{Bsn, Ctx, Role, TenantId, config::TenantSet};
use loket_registry::Registry;
use loket_store::{Db, Mode, Session};

/// Products the counter starts for other demo residents, with the channel used.
const COUNTER_WORK: [(&str, Channel); 6] = [
    ("verhuizing", Channel::Counter),
    ("bezwaar-woz", Channel::Letter),
    ("evenementenvergunning", Channel::Email),
    ("uitritvergunning", Channel::Phone),
    ("omgevingsvergunning", Channel::Counter),
    ("gehandicaptenparkeerkaart", Channel::Counter),
];

/// Why demo cases could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The case service refused or failed.
    #[error(transparent)]
    Cases(#[from] CaseError),
    /// Residents could not be read.
    #[error(transparent)]
    Registry(#[from] loket_registry::RegistryError),
    /// A dev token could not be made.
    #[error("demo token: {0}")]
    Token(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] loket_store::StoreError),
}

struct Demo<'a> {
    authz: &'a Authz,
    cases: &'a Cases,
    db: &'a Db,
}

impl Demo<'_> {
    /// A writing session for one demo step, as a request would have.
    fn session(&self, ctx: &Ctx) -> Session {
        self.db.session(ctx.tenant(), Mode::Write)
    }

    fn ctx(&self, tenant: &TenantId, role: &str, bsn: Option<&Bsn>) -> Result<Ctx, DemoError> {
        let signer = self
            .authz
            .authenticator()
            .dev_signer(tenant)
            .ok_or_else(|| DemoError::Token(format!("{tenant} has no dev issuer")))?;
        let role = Role::new(role).map_err(|e| DemoError::Token(e.to_string()))?;
        let token = signer
            .sign(&role, bsn, 300)
            .map_err(|e| DemoError::Token(e.to_string()))?;
        self.authz
            .context(Some(&token), None, "demo-data".into())
            .map_err(|e| DemoError::Token(e.to_string()))
    }

    async fn advance(
        &self,
        back: &Ctx,
        case: &CaseRecord,
        steps: usize,
    ) -> Result<CaseRecord, DemoError> {
        let mut case = case.clone();
        for status in case
            .case_type
            .statuses
            .clone()
            .iter()
            .skip(1)
            .filter(|s| !s.end)
            .take(steps)
        {
            if !case.case_type.allows(&current(&case), &status.code) {
                break;
            }
            let session = self.session(back);
            case = self
                .cases
                .change(
                    back,
                    &session,
                    &loket_cases::CaseKey::Id(case.domain.clone(), case.id),
                    Some(case.version),
                    Change::Status(StatusChange {
                        status: status.code.clone(),
                        public_explanation: None,
                        internal_remark: Some("demo".into()),
                    }),
                )
                .await?;
            session.finish(true).await?;
        }
        Ok(case)
    }

    async fn decide(&self, back: &Ctx, case: &CaseRecord, outcome: &str) -> Result<(), DemoError> {
        let session = self.session(back);
        self.cases
            .change(
                back,
                &session,
                &loket_cases::CaseKey::Id(case.domain.clone(), case.id),
                Some(case.version),
                Change::Decide {
                    outcome: outcome.to_owned(),
                    explanation: "Uw aanvraag voldoet aan de regels.".to_owned(),
                },
            )
            .await?;
        session.finish(true).await?;
        Ok(())
    }
}

fn current(case: &CaseRecord) -> String {
    match &case.status {
        loket_kernel::Guarded::Visible(s) => s.code.clone(),
        _ => String::new(),
    }
}

fn first(bundle: BundleResult) -> Option<CaseRecord> {
    bundle.cases.into_iter().next()
}

/// Makes demo cases in each tenant of `fresh` (the demo municipalities whose residents were
/// generated in this start).
pub(crate) async fn seed(
    tenants: &TenantSet,
    authz: &Authz,
    registry: &Registry,
    cases: &Cases,
    db: &Db,
    fresh: &[String],
) -> Result<usize, DemoError> {
    let demo = Demo { authz, cases, db };
    let mut made: usize = 0;
    for (slug, config) in &tenants.tenants {
        if !fresh.iter().any(|f| f == slug.as_str())
            || authz.authenticator().dev_signer(slug).is_none()
        {
            continue;
        }
        let code = config.municipality_code.as_str();
        let back = demo.ctx(slug, "backoffice", None)?;
        let front = demo.ctx(slug, "frontoffice", None)?;
        if let Some(resident) = registry.demo_resident(code).await? {
            let citizen = demo.ctx(slug, "citizen", Some(&resident))?;
            let session = demo.session(&citizen);
            let bundle = cases
                .submit_request(
                    &citizen,
                    &session,
                    Submission {
                        products: vec!["omgevingsvergunning".into(), "uitritvergunning".into()],
                        description: Some(
                            "Aanbouw aan de achterzijde met een nieuwe uitrit.".into(),
                        ),
                        ..Submission::default()
                    },
                )
                .await?;
            session.finish(true).await?;
            made = made.saturating_add(bundle.cases.len());
            if let [building, driveway] = bundle.cases.as_slice() {
                demo.advance(&back, building, 1).await?;
                demo.decide(&back, driveway, "granted").await?;
            }
        }
        let others = registry.demo_residents(code, 12).await?;
        for (i, bsn) in others.iter().skip(1).enumerate() {
            let Some(&(product, channel)) = COUNTER_WORK.get(i.rem_euclid(COUNTER_WORK.len()))
            else {
                continue;
            };
            let new = NewCase {
                bsn: bsn.as_str().to_owned(),
                product: product.to_owned(),
                channel,
                address_id: None,
                description: None,
                idempotency_key: Some(format!("demo-{i}")),
            };
            let session = demo.session(&front);
            let started = cases.start_case(&front, &session, new).await?;
            session.finish(true).await?;
            let Some(case) = first(started) else {
                continue;
            };
            made = made.saturating_add(1);
            // Cases above the back office's ceiling stay where the counter left them.
            if !TypeAccess::decide(&back, &case.domain, &case.case_type).read {
                continue;
            }
            match i % 4 {
                0 => {}
                1 => {
                    demo.advance(&back, &case, 1).await?;
                }
                2 => {
                    let case = demo.advance(&back, &case, 2).await?;
                    let outcome = case
                        .case_type
                        .outcomes
                        .first()
                        .map(|o| o.code.clone())
                        .unwrap_or_default();
                    demo.decide(&back, &case, &outcome).await?;
                }
                _ => {
                    let outcome = case
                        .case_type
                        .outcomes
                        .iter()
                        .find(|o| o.effect == loket_cases::Effect::Negative)
                        .map(|o| o.code.clone())
                        .unwrap_or_default();
                    demo.decide(&back, &case, &outcome).await?;
                }
            }
        }
        // A member of a regional desk: the host's desk registers one of its residents.
        for collaboration in tenants
            .collaborations
            .iter()
            .filter(|c| c.members.contains(slug))
        {
            if !collaboration
                .case_types
                .iter()
                .any(|t| t == "alien-registration")
            {
                continue;
            }
            let desk = demo.ctx(&collaboration.host, "frontoffice", None)?;
            let Some(bsn) = others.last() else { continue };
            let new = NewCase {
                bsn: bsn.as_str().to_owned(),
                product: "inschrijving-vreemdeling".into(),
                channel: Channel::Counter,
                address_id: None,
                description: Some("Eerste inschrijving na verhuizing uit het buitenland.".into()),
                idempotency_key: Some("demo-desk".into()),
            };
            let session = demo.session(&desk);
            cases.start_case(&desk, &session, new).await?;
            session.finish(true).await?;
            made = made.saturating_add(1);
        }
    }
    Ok(made)
}
