//! Reading contact moments: a resident's contact history for the front and back office, a
//! citizen's own, and the municipality's latest contacts for staff, paged newest first by
//! time. What the caller reads of each is logged as the fields resolve.

use loket_kernel::{
    Action, Actor, Bsn, Ctx, input,
    page::{Page, TimeKey, cursor},
};
use loket_store::{Session, processing_log::ReadAs, query::page_with_counts};
use sea_orm::{
    Condition, QueryFilter, QueryOrder, QuerySelect,
    prelude::*,
    sea_query::{ExprTrait, Order},
};
use uuid::Uuid;

use super::{Contacts, MOMENTS, require};
use crate::{
    ContactError, ContactRecord,
    entity::moment::{self, Column},
};

/// Why contact moments are read.
const PURPOSE: &str = "answer a resident's question";

/// One page of contact moments, newest first.
#[derive(Debug, Clone)]
pub struct ContactPage {
    /// The contacts on this page.
    pub contacts: Vec<ContactRecord>,
    /// How many there are in all.
    pub total: u64,
    /// Whether more follow.
    pub has_next: bool,
}

/// The cursor of a contact in a list newest first.
pub fn contact_cursor(record: &ContactRecord) -> String {
    cursor(&TimeKey {
        at: record.received_at,
        id: record.id,
    })
}

impl Contacts {
    /// One contact moment of the caller's municipality (a citizen's own only); others are
    /// `NOT_FOUND`, so their existence is not revealed.
    pub async fn find(
        &self,
        ctx: &Ctx,
        session: &Session,
        id: Uuid,
    ) -> Result<ContactRecord, ContactError> {
        require(ctx, MOMENTS, Action::Read)?;
        let tx = session.tx(ctx.tenant()).await?;
        let row = moment::scoped(ctx.tenant())
            .filter(Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(ContactError::NotFound)?;
        let record = ContactRecord::read(
            row,
            ReadAs {
                operation: "node",
                purpose: PURPOSE,
            },
        )?;
        let own = match ctx.actor() {
            Actor::Citizen { bsn, .. } => record.subject.as_ref() == Some(bsn),
            Actor::Anonymous => false,
            _ => true,
        };
        if !own {
            return Err(ContactError::NotFound);
        }
        Ok(record)
    }

    /// Contact moments, newest first: of `subject` when given (a citizen may only give
    /// their own BSN, or none for their own), else the municipality's latest (staff).
    pub async fn history(
        &self,
        ctx: &Ctx,
        session: &Session,
        subject: Option<&str>,
        page: Page<TimeKey>,
        operation: &'static str,
    ) -> Result<ContactPage, ContactError> {
        require(ctx, MOMENTS, Action::Read)?;
        let subject = subject
            .map(|b| {
                Bsn::new(input::required_line("subject", b, 20)?)
                    .map_err(|_| ContactError::bad("subject", "not a valid BSN"))
            })
            .transpose()?;
        let subject = match ctx.actor() {
            Actor::Citizen { bsn, .. } => match subject {
                Some(asked) if &asked != bsn => {
                    return Err(ContactError::forbidden(MOMENTS));
                }
                _ => Some(bsn.clone()),
            },
            Actor::Anonymous => return Err(ContactError::forbidden(MOMENTS)),
            _ => subject,
        };
        let mut matching = moment::scoped(ctx.tenant());
        if let Some(bsn) = &subject {
            matching = matching.filter(Column::SubjectBsn.eq(bsn.as_str()));
        }
        let mut page_query = matching.clone();
        if let Some(after) = page.after {
            page_query = page_query.filter(
                Condition::any().add(Column::ReceivedAt.lt(after.at)).add(
                    Condition::all()
                        .add(Column::ReceivedAt.eq(after.at))
                        .add(Column::Id.lt(after.id)),
                ),
            );
        }
        let tx = session.tx(ctx.tenant()).await?;
        let found = page_with_counts(
            &tx,
            matching,
            vec![Expr::val(1).count()],
            page_query
                .order_by_desc(Column::ReceivedAt)
                .order_by_desc(Column::Id)
                .limit(page.fetch()),
            &[("received_at", Order::Desc), ("id", Order::Desc)],
        )
        .await?;
        let has_next = found.rows.len() > page.first;
        let read_as = ReadAs {
            operation,
            purpose: PURPOSE,
        };
        let contacts = found
            .rows
            .into_iter()
            .take(page.first)
            .map(|row| ContactRecord::read(row, read_as))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ContactPage {
            contacts,
            total: found
                .counts
                .first()
                .and_then(|n| u64::try_from(*n).ok())
                .unwrap_or(0),
            has_next,
        })
    }
}
