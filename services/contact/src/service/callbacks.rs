//! Callback requests: the front office hands a question to a back-office team, which calls the
//! resident back by the deadline the tenant's norm sets (in working days).

use chrono::{SubsecRound, Utc};
use loket_kernel::{Action, Ctx, calendar::Calendar, page::Page};
use sea_orm::{
    ActiveModelTrait, IntoActiveModel, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
    prelude::*, sea_query::Expr,
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
        request: CallbackRequest,
    ) -> Result<CallbackRecord, ContactError> {
        require(ctx, CALLBACKS, Action::Create)?;
        let config = self.config(ctx.tenant())?;
        let team = request.team.trim();
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
        let number = phone(&request.phone)?;
        if let Some(q) = &request.question
            && (q.trim().is_empty() || q.chars().count() > MAX_TEXT)
        {
            return Err(ContactError::bad(
                "question",
                format!("1 to {MAX_TEXT} characters"),
            ));
        }
        let now = Utc::now().trunc_subsecs(6);
        let calendar = config.contact_centre.calendar();
        let deadline = calendar.add_working_days(
            Calendar::local_date(now),
            config.service_norms.callback_working_days,
        );
        let tx = self.db.begin(ctx.tenant()).await?;
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
            question: request
                .question
                .map_or_else(|| contact.question.clone(), |q| q.trim().to_owned()),
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
        tx.commit().await?;
        Ok(row.into())
    }

    /// Callback requests, soonest deadline first, with how many match.
    pub async fn callbacks(
        &self,
        ctx: &Ctx,
        filter: &CallbackFilter,
        page: Page,
    ) -> Result<(Vec<CallbackRecord>, u64), ContactError> {
        require(ctx, CALLBACKS, Action::Read)?;
        let today = Calendar::local_date(Utc::now());
        let mut query = callback::scoped(ctx.tenant());
        if let Some(team) = &filter.team {
            query = query.filter(callback::Column::Team.eq(team.trim()));
        }
        if !filter.include_completed || filter.overdue {
            query = query.filter(callback::Column::CompletedAt.is_null());
        }
        if filter.overdue {
            query = query.filter(callback::Column::Deadline.lt(today));
        }
        let tx = self.db.begin(ctx.tenant()).await?;
        let total = query.clone().count(tx.conn()).await?;
        let rows = query
            .order_by_asc(callback::Column::Deadline)
            .order_by_asc(callback::Column::Id)
            .offset(page.offset as u64)
            .limit(page.first as u64)
            .all(tx.conn())
            .await?;
        tx.commit().await?;
        Ok((rows.into_iter().map(CallbackRecord::from).collect(), total))
    }

    /// Marks a callback done with its result, at `expected_version`.
    pub async fn complete_callback(
        &self,
        ctx: &Ctx,
        id: Uuid,
        result: &str,
        expected_version: i32,
    ) -> Result<CallbackRecord, ContactError> {
        require(ctx, CALLBACKS, Action::Update)?;
        let result = result.trim();
        if result.is_empty() || result.chars().count() > MAX_TEXT {
            return Err(ContactError::bad(
                "result",
                format!("1 to {MAX_TEXT} characters"),
            ));
        }
        let tx = self.db.begin(ctx.tenant()).await?;
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
        let updated = callback::Entity::update_many()
            .col_expr(callback::Column::CompletedAt, Expr::value(now))
            .col_expr(
                callback::Column::CompletedBy,
                Expr::value(ctx.actor().subject().to_owned()),
            )
            .col_expr(callback::Column::Result, Expr::value(result.to_owned()))
            .col_expr(callback::Column::InTime, Expr::value(in_time))
            .col_expr(callback::Column::Version, Expr::value(row.version + 1))
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
        tx.commit().await?;
        Ok(CallbackRecord {
            completed_at: Some(now),
            completed_by: Some(ctx.actor().subject().to_owned()),
            result: Some(result.to_owned()),
            in_time: Some(in_time),
            version: row.version + 1,
            ..row.into()
        })
    }
}
