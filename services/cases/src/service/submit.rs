//! New cases: a resident's request for one or more products (`submitRequest`), and the front
//! office starting a case on a resident's behalf (`startCase`). Either way the cases of one
//! request form a bundle, created atomically with their first status and `case.created`
//! events; an idempotency key makes a retry return the same bundle.

use std::sync::Arc;

use loket_kernel::{Actor, Bsn, Ctx, TenantId, directory::AddressFacts, input};
use loket_store::Session;
use uuid::Uuid;

use super::{Cases, access::TypeAccess, create::Plan};
use crate::{CaseError, CaseRecord, CaseType};

/// Most products in one request.
const MAX_PRODUCTS: usize = 10;
/// Longest idempotency key.
const MAX_KEY: usize = 100;
/// Longest description.
const MAX_DESCRIPTION: usize = 4000;

/// How a request came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// The resident online.
    Online,
    /// At the counter.
    Counter,
    /// By phone.
    Phone,
    /// By e-mail.
    Email,
    /// By letter.
    Letter,
    /// Through an app on the API (Open311, a third-party frontend).
    App,
}

impl Channel {
    /// As stored.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::Counter => "counter",
            Self::Phone => "phone",
            Self::Email => "email",
            Self::Letter => "letter",
            Self::App => "app",
        }
    }
}

/// A resident's request for one or more products.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    /// Catalogue product codes.
    pub products: Vec<String>,
    /// Makes a retry return the first result.
    pub idempotency_key: Option<String>,
    /// The location (BAG id); the resident's home address when absent.
    pub address_id: Option<String>,
    /// What the resident asks, in their words.
    pub description: Option<String>,
}

/// A case the front office starts for a resident.
#[derive(Debug, Clone)]
pub struct NewCase {
    /// The resident.
    pub bsn: String,
    /// The catalogue product asked for.
    pub product: String,
    /// How the resident reached the municipality.
    pub channel: Channel,
    /// The location (BAG id); the resident's home address when absent.
    pub address_id: Option<String>,
    /// What the resident asks.
    pub description: Option<String>,
    /// Makes a retry return the first result.
    pub idempotency_key: Option<String>,
}

/// A bundle and whether it was made by an earlier call with the same idempotency key.
#[derive(Debug, Clone)]
pub struct BundleResult {
    /// The bundle's id.
    pub bundle_id: Uuid,
    /// Its cases.
    pub cases: Vec<CaseRecord>,
    /// True when an earlier call with the same key made it.
    pub replayed: bool,
}

fn check_key(key: Option<String>) -> Result<Option<String>, CaseError> {
    match key {
        Some(k) => Ok(Some(input::required_line("idempotencyKey", &k, MAX_KEY)?)),
        None => Ok(None),
    }
}

fn check_description(text: Option<String>) -> Result<Option<String>, CaseError> {
    Ok(input::optional_text(
        "description",
        text.as_deref(),
        MAX_DESCRIPTION,
    )?)
}

impl Cases {
    /// A resident's request for one or more products: one case per product, in one bundle.
    pub async fn submit_request(
        &self,
        ctx: &Ctx,
        session: &Session,
        submission: Submission,
    ) -> Result<BundleResult, CaseError> {
        let Actor::Citizen { bsn, loa, .. } = ctx.actor() else {
            return Err(CaseError::forbidden(
                "submitRequest is for residents; staff use startCase",
            ));
        };
        let key = check_key(submission.idempotency_key)?;
        let description = check_description(submission.description)?;
        if submission.products.is_empty() || submission.products.len() > MAX_PRODUCTS {
            return Err(CaseError::bad(
                "products",
                format!("ask for 1 to {MAX_PRODUCTS} products"),
            ));
        }
        let mut products = Vec::with_capacity(submission.products.len());
        for product in &submission.products {
            products.push(input::required_line("products", product, 100)?);
        }
        let mut types: Vec<Arc<CaseType>> = Vec::new();
        for product in &products {
            let Some(t) = self.types.for_product(ctx.tenant(), product) else {
                return Err(CaseError::bad(
                    "products",
                    format!("{product:?} is not a product that can be requested here"),
                ));
            };
            if types.iter().any(|seen| seen.code == t.code) {
                return Err(CaseError::bad(
                    "products",
                    format!("{product:?} is asked for twice"),
                ));
            }
            let Some(required) = t.online_loa else {
                return Err(CaseError::bad(
                    "products",
                    format!("{} is applied for in person, at the counter", t.name),
                ));
            };
            if *loa < required {
                return Err(CaseError::forbidden(format!(
                    "{} needs a login at level {}",
                    t.name,
                    required.as_str()
                )));
            }
            if !TypeAccess::decide(ctx, ctx.tenant(), t).create {
                return Err(CaseError::forbidden(format!("case/{}", t.code)));
            }
            types.push(Arc::clone(t));
        }
        // Any address in the municipality will do: under Dutch law anyone may apply for a
        // permit for any location, whether or not they own or live there.
        let (_, address) = self
            .location(session, ctx.tenant(), bsn, submission.address_id.as_deref())
            .await?;
        let plan = Plan {
            domain: ctx.tenant().clone(),
            subject: bsn.clone(),
            types,
            address,
            description,
            channel: Channel::Online,
            key,
        };
        self.create(ctx, session, plan).await
    }

    /// A case started by the front office for a resident within its reach.
    pub async fn start_case(
        &self,
        ctx: &Ctx,
        session: &Session,
        new: NewCase,
    ) -> Result<BundleResult, CaseError> {
        if !matches!(ctx.actor(), Actor::Employee { .. }) {
            return Err(CaseError::forbidden("startCase is for municipal staff"));
        }
        let subject = Bsn::new(new.bsn.trim()).map_err(|e| CaseError::bad("bsn", e.to_string()))?;
        let key = check_key(new.idempotency_key)?;
        let description = check_description(new.description)?;
        let resident = self
            .directory
            .resident(session, &subject)
            .await?
            .ok_or(CaseError::NotFound)?;
        let domain = self.tenant_of(&resident.municipality_code)?;
        if &domain != ctx.tenant() && !ctx.delegated_domains().any(|d| d == &domain) {
            return Err(CaseError::NotFound);
        }
        let product = input::required_line("product", &new.product, 100)?;
        let product = product.as_str();
        let case_type = self.types.for_product(&domain, product).ok_or_else(|| {
            CaseError::bad(
                "product",
                format!("{product:?} is not a product that starts a case here"),
            )
        })?;
        if !TypeAccess::decide(ctx, &domain, case_type).create {
            return Err(CaseError::forbidden(format!("case/{}", case_type.code)));
        }
        let (_, address) = self
            .location(session, &domain, &subject, new.address_id.as_deref())
            .await?;
        let plan = Plan {
            domain,
            subject,
            types: vec![Arc::clone(case_type)],
            address,
            description,
            channel: new.channel,
            key,
        };
        self.create(ctx, session, plan).await
    }

    /// The tenant of a CBS municipality code.
    pub(crate) fn tenant_of(&self, municipality_code: &str) -> Result<TenantId, CaseError> {
        self.tenants
            .tenants
            .values()
            .find(|t| t.municipality_code.as_str() == municipality_code)
            .map(|t| t.slug.clone())
            .ok_or(CaseError::NotFound)
    }

    /// The resident's home and the case's location: `address_id` if given (it must lie in
    /// the domain's municipality), else the home. The resident must live in the domain.
    async fn location(
        &self,
        session: &Session,
        domain: &TenantId,
        subject: &Bsn,
        address_id: Option<&str>,
    ) -> Result<(Option<AddressFacts>, Option<AddressFacts>), CaseError> {
        let resident = self
            .directory
            .resident(session, subject)
            .await?
            .ok_or_else(|| CaseError::bad("bsn", "no resident with this BSN"))?;
        if &self.tenant_of(&resident.municipality_code)? != domain {
            return Err(CaseError::forbidden(
                "the resident lives in another municipality; apply there",
            ));
        }
        let Some(id) = address_id else {
            return Ok((resident.address.clone(), resident.address));
        };
        let id = input::required_line("addressId", id, 40)?;
        if resident.address.as_ref().is_some_and(|home| home.id == id) {
            return Ok((resident.address.clone(), resident.address));
        }
        let address = self
            .directory
            .address(session, &id)
            .await?
            .ok_or_else(|| CaseError::bad("addressId", "no address with this id"))?;
        if &self.tenant_of(&address.municipality_code)? != domain {
            return Err(CaseError::bad(
                "addressId",
                "the address lies in another municipality",
            ));
        }
        Ok((resident.address, Some(address)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_descriptions_are_checked() {
        assert!(check_key(Some(" ".into())).is_err());
        assert!(check_key(Some("x".repeat(101))).is_err());
        assert_eq!(
            check_key(Some(" k1 ".into())).ok().flatten().as_deref(),
            Some("k1")
        );
        assert!(check_description(Some("x".repeat(4001))).is_err());
        assert_eq!(check_description(Some("  ".into())).ok().flatten(), None);
    }
}
