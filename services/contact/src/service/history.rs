//! Reading contact moments: a resident's contact history for the front and back office, a
//! citizen's own, and the municipality's latest contacts for staff. Every page that shows a
//! resident's contacts writes the processing log.

use loket_kernel::{Action, Actor, Bsn, Ctx, page::Page};
use loket_store::processing_log::{self, Processing};
use sea_orm::{PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, prelude::*};
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
}

impl Contacts {
    /// One contact moment of the caller's municipality (a citizen's own only); others are
    /// `NOT_FOUND`, so their existence is not revealed.
    pub async fn find(&self, ctx: &Ctx, id: Uuid) -> Result<ContactRecord, ContactError> {
        require(ctx, MOMENTS, Action::Read)?;
        let tx = self.db.begin(ctx.tenant()).await?;
        let row = moment::scoped(ctx.tenant())
            .filter(Column::Id.eq(id))
            .one(tx.conn())
            .await?
            .ok_or(ContactError::NotFound)?;
        let record = ContactRecord::try_from(row)?;
        let own = match ctx.actor() {
            Actor::Citizen { bsn, .. } => record.subject.as_ref() == Some(bsn),
            Actor::Anonymous => false,
            _ => true,
        };
        if !own {
            return Err(ContactError::NotFound);
        }
        if let Some(person) = &record.subject {
            let processing = Processing {
                person,
                purpose: PURPOSE,
                operation: "node",
                field_groups: &["contact"],
            };
            processing_log::record_all(&tx, ctx, &[processing]).await?;
        }
        tx.commit().await?;
        Ok(record)
    }

    /// Contact moments, newest first: of `subject` when given (a citizen may only give
    /// their own BSN, or none for their own), else the municipality's latest (staff).
    pub async fn history(
        &self,
        ctx: &Ctx,
        subject: Option<&str>,
        page: Page,
    ) -> Result<ContactPage, ContactError> {
        require(ctx, MOMENTS, Action::Read)?;
        let subject = subject
            .map(|b| {
                Bsn::new(b.trim()).map_err(|_| ContactError::bad("subject", "not a valid BSN"))
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
        let mut query = moment::scoped(ctx.tenant());
        if let Some(bsn) = &subject {
            query = query.filter(Column::SubjectBsn.eq(bsn.as_str()));
        }
        let tx = self.db.begin(ctx.tenant()).await?;
        let total = query.clone().count(tx.conn()).await?;
        let rows = query
            .order_by_desc(Column::ReceivedAt)
            .order_by_desc(Column::Id)
            .offset(page.offset as u64)
            .limit(page.first as u64)
            .all(tx.conn())
            .await?;
        let contacts = rows
            .into_iter()
            .map(ContactRecord::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        let people: Vec<&Bsn> = {
            let mut seen: Vec<&Bsn> = contacts.iter().filter_map(|c| c.subject.as_ref()).collect();
            seen.sort_by(|a, b| a.as_str().cmp(b.as_str()));
            seen.dedup();
            seen
        };
        let processings: Vec<Processing<'_>> = people
            .into_iter()
            .map(|person| Processing {
                person,
                purpose: PURPOSE,
                operation: "contactMoments",
                field_groups: &["contact"],
            })
            .collect();
        processing_log::record_all(&tx, ctx, &processings).await?;
        tx.commit().await?;
        Ok(ContactPage { contacts, total })
    }
}
