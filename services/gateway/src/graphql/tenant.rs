//! `tenant`: the public face of a municipality (name, code, channels and opening hours,
//! service norms, how to log in, its look), for frontends to show without hard-coding it.

use std::sync::Arc;

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use loket_kernel::{
    Action, ErrorCode, TenantId,
    config::{Channel, TenantConfig, TenantSet},
    global_id,
};

use loket_kernel::graphql::gql_error;

use super::{
    demo_login::{DemoPersona, DemoStaffRole, personas, staff_roles},
    forbidden,
    portal::{NotificationSettings, TenantLogin, TenantTheme},
    request_ctx, tenants,
};
use crate::looks::Looks;

/// The object that guards the public tenant information.
const OBJECT: &str = "tenant/public";

/// Query root for `tenant`.
#[derive(Default)]
pub struct TenantQuery;

#[Object]
impl TenantQuery {
    /// The caller's tenant (named by the token, or the `Loket-Tenant` header without one).
    async fn tenant(&self, ctx: &Context<'_>) -> Result<TenantInfo> {
        let rctx = request_ctx(ctx)?;
        if !rctx.can(OBJECT, Action::Read) {
            return Err(forbidden(rctx.tenant(), OBJECT));
        }
        TenantInfo::find(tenants(ctx)?, rctx.tenant())
    }
}

/// A partner municipality's public information.
#[derive(Clone)]
pub struct TenantInfo {
    set: Arc<TenantSet>,
    slug: TenantId,
}

impl TenantInfo {
    pub(crate) fn find(set: &Arc<TenantSet>, slug: &TenantId) -> Result<Self> {
        if set.get(slug).is_none() {
            return Err(gql_error(ErrorCode::NotFound, "no such tenant"));
        }
        Ok(Self {
            set: Arc::clone(set),
            slug: slug.clone(),
        })
    }

    fn config(&self) -> Result<&TenantConfig> {
        self.set
            .get(&self.slug)
            .ok_or_else(|| gql_error(ErrorCode::NotFound, "no such tenant"))
    }
}

/// Service norms: the promises the municipality makes.
#[derive(SimpleObject)]
pub struct ServiceNorms {
    /// Phone calls are answered within this many seconds…
    phone_answer_seconds: u32,
    /// …for at least this percentage of calls.
    phone_answer_percentage: u32,
    /// E-mails are answered within this many working days.
    email_answer_working_days: u32,
    /// Callback requests are handled within this many working days.
    callback_working_days: u32,
}

/// Opening hours on a range of days.
#[derive(SimpleObject)]
pub struct OpeningHours {
    /// First day, `mon` to `sun`.
    from_day: String,
    /// Last day.
    to_day: String,
    /// Opening time, `HH:MM`.
    opens: String,
    /// Closing time, `HH:MM`.
    closes: String,
    /// As written in the configuration, for example `mon-fri 08:30-17:00`.
    text: String,
}

/// A contact channel.
#[derive(SimpleObject)]
pub struct ContactChannel {
    /// `phone`, `email`, `counter`, `online`, `chat`, `letter` or `social-media`.
    kind: String,
    /// Phone number, address or URL.
    contact: String,
    /// Only by appointment.
    appointment_only: bool,
    /// Weekly opening hours.
    opening_hours: Vec<OpeningHours>,
}

fn hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl From<&Channel> for ContactChannel {
    fn from(c: &Channel) -> Self {
        Self {
            kind: c.kind.as_str().to_owned(),
            contact: c.contact.clone(),
            appointment_only: c.appointment_only,
            opening_hours: c
                .hours
                .iter()
                .map(|h| OpeningHours {
                    from_day: h.from_day.as_str().to_owned(),
                    to_day: h.to_day.as_str().to_owned(),
                    opens: hhmm(h.opens),
                    closes: hhmm(h.closes),
                    text: h.to_string(),
                })
                .collect(),
        }
    }
}

#[Object(name = "Tenant")]
impl TenantInfo {
    /// Global id.
    pub(crate) async fn id(&self) -> ID {
        ID(global_id::encode("Tenant", self.slug.as_str()))
    }

    /// Short name used in URLs and tokens, for example `enschede`.
    async fn slug(&self) -> &str {
        self.slug.as_str()
    }

    /// Display name.
    async fn name(&self) -> Result<&str> {
        Ok(&self.config()?.name)
    }

    /// CBS municipality code, for example `0153`.
    async fn municipality_code(&self) -> Result<&str> {
        Ok(self.config()?.municipality_code.as_str())
    }

    /// Languages offered, default first.
    async fn languages(&self) -> Result<&[String]> {
        Ok(&self.config()?.languages)
    }

    /// Contact channels with their opening hours.
    async fn channels(&self) -> Result<Vec<ContactChannel>> {
        Ok(self.config()?.channels.iter().map(Into::into).collect())
    }

    /// The municipality's service norms.
    async fn service_norms(&self) -> Result<ServiceNorms> {
        let n = &self.config()?.service_norms;
        Ok(ServiceNorms {
            phone_answer_seconds: n.phone_answer_seconds,
            phone_answer_percentage: u32::from(n.phone_answer_percentage),
            email_answer_working_days: n.email_answer_working_days,
            callback_working_days: n.callback_working_days,
        })
    }

    /// The back-office teams the contact centre can hand a question to (`requestCallback`).
    async fn callback_teams(&self) -> Result<&[String]> {
        Ok(&self.config()?.contact_centre.callback_teams)
    }

    /// Days the offices are closed besides weekends and the national public holidays (the
    /// working-day norms skip them).
    async fn closed_days(&self) -> Result<&[chrono::NaiveDate]> {
        Ok(&self.config()?.contact_centre.closed_days)
    }

    /// How people log in to the web frontend.
    async fn login(&self) -> Result<TenantLogin> {
        Ok(TenantLogin::of(self.config()?))
    }

    /// The web frontend's look: theme classes and the stylesheet, logo and favicon.
    async fn theme(&self, ctx: &Context<'_>) -> Result<TenantTheme> {
        let look = ctx
            .data::<Arc<Looks>>()?
            .get(&self.slug)
            .ok_or_else(|| gql_error(ErrorCode::NotFound, "no such tenant"))?;
        Ok(TenantTheme::of(&self.slug, look))
    }

    /// What residents may choose when they subscribe to notifications.
    async fn notification_settings(&self) -> Result<NotificationSettings> {
        Ok(NotificationSettings::of(self.config()?))
    }

    /// The demo residents one may log in as with `demoLogin`; `FORBIDDEN` unless the
    /// resident login is a development issuer (`login.residents.demo`).
    async fn demo_personas(&self, ctx: &Context<'_>) -> Result<Vec<DemoPersona>> {
        personas(ctx, &self.slug).await
    }

    /// The staff roles one may log in as with `demoLogin`; `FORBIDDEN` unless the staff login
    /// is a development issuer (`login.staff.demo`).
    async fn demo_staff(&self, ctx: &Context<'_>) -> Result<Vec<DemoStaffRole>> {
        staff_roles(ctx, &self.slug)
    }

    /// The regional collaborations this municipality hosts or takes part in.
    async fn collaborations(&self) -> Vec<Collaboration> {
        self.set
            .collaborations
            .iter()
            .filter(|c| c.host == self.slug || c.members.contains(&self.slug))
            .map(|c| Collaboration {
                name: c.name.clone(),
                host: c.host.to_string(),
                members: c.members.iter().map(ToString::to_string).collect(),
                case_types: c.case_types.clone(),
            })
            .collect()
    }
}

/// A regional collaboration: one municipality handles some case types for its neighbours.
#[derive(SimpleObject)]
pub struct Collaboration {
    /// Display name.
    name: String,
    /// The municipality that runs the shared desk.
    host: String,
    /// The municipalities it serves.
    members: Vec<String>,
    /// The case types it handles for them.
    case_types: Vec<String>,
}
