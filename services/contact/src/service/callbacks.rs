//! Callback requests: the front office hands a question to a back-office team, which calls the
//! resident back by the deadline the tenant's norm sets (in working days).

use chrono::{SubsecRound, Utc};
use loket_kernel::{
    Action, Ctx,
    calendar::Calendar,
    input,
    page::{DayKey, Page},
};
use loket_store::{Session, query::page_with_counts};
use sea_orm::{
    ActiveModelTrait, Condition, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect,
    prelude::*,
    sea_query::{Expr, ExprTrait, Order},
};
use uuid::Uuid;

use super::{CALLBACKS, Contacts, require};
use crate::{
    CallbackRecord, ContactError,
    entity::{callback, moment},
};

/// Longest phone number.
const MAX_PHONE: usize = 32;
/// Longest question or result.
const MAX_TEXT: usize = 4000;

/// A question to hand to a back-office team.
#[derive(Debug, Clone, Default)]
pub struct CallbackRequest {
    /// The contact moment the question was asked in.
    pub contact_id: Uuid,
    /// The team that calls back (one of the tenant's `callback_teams`).
    pub team: String,
    /// The number to call.
    pub phone: String,
    /// The question, when it differs from the contact's.
    pub question: Option<String>,
}

/// Which callbacks to list.
#[derive(Debug, Clone, Default)]
pub struct CallbackFilter {
    /// Only this team's.
    pub team: Option<String>,
    /// Include completed ones (default: open only).
    pub include_completed: bool,
    /// Only open ones past their deadline.
    pub overdue: bool,
}

fn phone(number: &str) -> Result<String, ContactError> {
    let compact: String = number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    let digits = compact.strip_prefix('+').unwrap_or(&compact);
    if digits.len() < 3 || compact.len() > MAX_PHONE || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(ContactError::bad(
            "phone",
            "a phone number, for example 053 481 1234",
        ));
    }
    Ok(compact)
}

impl Contacts {
    /// Hands a question from a contact moment to a back-office team, with a deadline of the
    /// tenant's callback norm in working days. The contact no longer counts as answered in
    /// the first contact.
    pub async fn request_callback(
        &self,
        ctx: &Ctx,
        session: &Session,
        request: CallbackRequest,
    ) -> Result<CallbackRecord, ContactError> {
        require(ctx, CALLBACKS, Action::Create)?;
        let config = self.config(ctx.tenant())?;
        let team = input::required_line("team", &request.team, 100)?;
        let team = team.as_str();
        if !config
            .contact_centre
            .callback_teams
            .iter()
            .any(|t| t == team)
        {
            return Err(ContactError::bad(
                "team",
                format!("one of {}", config.contact_centre.callback_teams.join(", ")),
            ));
        }
        let number = phone(&input::required_line("phone", &request.phone, MAX_PHONE)?)?;
        let question = match &request.question {
            Some(q) => Some(input::required_text("question", q, MAX_TEXT)?),
            None => None,
        };
        let now = Utc::now().trunc_subsecs(6);
        let calendar = config.contact_centre.calendar();
        let deadline = calendar
            .add_working_days(
                Calendar::local_date(now),
                config.service_norms.callback_working_days,
            )
            .ok_or_else(|| {
                ContactError::Conflict("the callback norm reaches past the calendar".into())
            })?;
        let tx = session.tx(ctx.tenant()).await?;
        let contact = moment::scoped(ctx.tenant())
            .filter(moment::Column::Id.eq(request.contact_id))
            .one(tx.conn())
            .await?
            .ok_or_else(|| ContactError::bad("contactId", "no such contact moment here"))?;
        let row = callback::Model {
            tenant_id: ctx.tenant().to_string(),
            id: Uuid::now_v7(),
            contact_id: contact.id,
            team: team.to_owned(),
            subject_bsn: contact.subject_bsn.clone(),
            phone: number,
            question: question.unwrap_or_else(|| contact.question.clone()),
            requested_at: now,
            requested_by: ctx.actor().subject().to_owned(),
            deadline,
            completed_at: None,
            completed_by: None,
            result: None,
            in_time: None,
            version: 1,
        };
        callback::Entity::insert(row.clone().into_active_model().reset_all())
            .exec_without_returning(tx.conn())
            .await?;
        moment::Entity::update_many()
            .col_expr(moment::Column::ResolvedFirstContact, Expr::value(false))
            .filter(moment::Column::TenantId.eq(ctx.tenant().as_str()))
            .filter(moment::Column::Id.eq(contact.id))
            .exec(tx.conn())
            .await?;
        Ok(CallbackRecord::read(row, "requestCallback"))
    }

    /// Callback requests, soonest deadline first, with how many match.
    pub async fn callbacks(
        &self,
        ctx: &Ctx,
        session: &Session,
        filter: &CallbackFilter,
        page: Page<DayKey>,
    ) -> Result<(Vec<CallbackRecord>, u64, bool), ContactError> {
        require(ctx, CALLBACKS, Action::Read)?;
        let today = Calendar::today();
        let mut query = callback::scoped(ctx.tenant());
        if let Some(team) = &filter.team {
            let team = input::required_line("filter.team", team, 100)?;
            query = query.filter(callback::Column::Team.eq(team));
        }
        if !filter.include_completed || filter.overdue {
            query = query.filter(callback::Column::CompletedAt.is_null());
        }
        if filter.overdue {
            query = query.filter(callback::Column::Deadline.lt(today));
        }
        let mut page_query = query.clone();
        if let Some(after) = page.after {
            page_query = page_query.filter(
                Condition::any()
                    .add(callback::Column::Deadline.gt(after.day))
                    .add(
                        Condition::all()
                            .add(callback::Column::Deadline.eq(after.day))
                            .add(callback::Column::Id.gt(after.id)),
                    ),
            );
        }
        let tx = session.tx(ctx.tenant()).await?;
        let found = page_with_counts(
            &tx,
            query,
            vec![Expr::val(1).count()],
            page_query
                .order_by_asc(callback::Column::Deadline)
                .order_by_asc(callback::Column::Id)
                .limit(page.fetch()),
            &[("deadline", Order::Asc), ("id", Order::Asc)],
        )
        .await?;
        let has_next = found.rows.len() > page.first;
        let total = found
            .counts
            .first()
            .and_then(|n| u64::try_from(*n).ok())
            .unwrap_or(0);
        let records = found
            .rows
            .into_iter()
            .take(page.first)
            .map(|row| CallbackRecord::read(row, "callbacks"))
            .collect();
        Ok((records, total, has_next))
    }

    /// Marks a callback done with its result, at `expected_version`.
    pub async fn complete_callback(
        &self,
        ctx: &Ctx,
        session: &Session,
        id: Uuid,
        result: &str,
        expected_version: i32,
    ) -> Result<CallbackRecord, ContactError> {
        require(ctx, CALLBACKS, Action::Update)?;
        let result = input::required_text("result", result, MAX_TEXT)?;
        let result = result.as_str();
        let tx = session.tx(ctx.tenant()).await?;
        let row = callback::scoped(ctx.tenant())
            .filter(callback::Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(ContactError::NotFound)?;
        if row.version != expected_version || row.completed_at.is_some() {
            return Err(ContactError::Conflict(if row.completed_at.is_some() {
                "this callback is already done".to_owned()
            } else {
                format!("the callback changed: its version is {}", row.version)
            }));
        }
        let now = Utc::now().trunc_subsecs(6);
        let in_time = Calendar::local_date(now) <= row.deadline;
        let next_version = row
            .version
            .checked_add(1)
            .ok_or_else(|| ContactError::Conflict("the callback cannot change any more".into()))?;
        let updated = callback::Entity::update_many()
            .col_expr(callback::Column::CompletedAt, Expr::value(now))
            .col_expr(
                callback::Column::CompletedBy,
                Expr::value(ctx.actor().subject().to_owned()),
            )
            .col_expr(callback::Column::Result, Expr::value(result.to_owned()))
            .col_expr(callback::Column::InTime, Expr::value(in_time))
            .col_expr(callback::Column::Version, Expr::value(next_version))
            .filter(callback::Column::TenantId.eq(ctx.tenant().as_str()))
            .filter(callback::Column::Id.eq(id))
            .filter(callback::Column::Version.eq(expected_version))
            .exec(tx.conn())
            .await?;
        if updated.rows_affected != 1 {
            return Err(ContactError::Conflict(
                "the callback changed meanwhile".to_owned(),
            ));
        }
        Ok(CallbackRecord {
            completed_at: Some(now),
            completed_by: Some(ctx.actor().subject().to_owned()),
            result: Some(result.to_owned()),
            in_time: Some(in_time),
            version: next_version,
            ..CallbackRecord::read(row, "completeCallback")
        })
    }
}
