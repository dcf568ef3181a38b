//! The front office's 360° view of a resident: in one query, what the resident asked on every
//! channel and all their cases across departments, each newest first and each as far as the
//! caller's policy allows (the case service decides per case and per part, such as outcomes).

use async_graphql::{Context, Object, Result};
use loket_cases::graphql::{CaseConnection, resident_cases};
use loket_contact::graphql::{ContactMomentConnection, resident_contacts};
use loket_kernel::{Bsn, graphql::field_error};

/// Query root of the 360° view.
#[derive(Default)]
pub struct ResidentQuery;

/// One resident as the front office sees them.
pub struct ResidentView(Bsn);

#[Object]
impl ResidentView {
    /// The resident's BSN.
    async fn bsn(&self) -> &str {
        self.0.as_str()
    }

    /// Contact moments on every channel, newest first.
    async fn contacts(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<ContactMomentConnection> {
        resident_contacts(ctx, Some(self.0.as_str()), first, after, "residentView").await
    }

    /// Cases across departments, open and closed, newest first.
    async fn cases(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<CaseConnection> {
        resident_cases(ctx, self.0.as_str().to_owned(), first, after).await
    }
}

#[Object]
impl ResidentQuery {
    /// The 360° view of a resident (front office): contacts and cases in one query.
    async fn resident_view(&self, bsn: String) -> Result<ResidentView> {
        Bsn::new(bsn.trim())
            .map(ResidentView)
            .map_err(|_| field_error("bsn", "not a valid BSN"))
    }
}
