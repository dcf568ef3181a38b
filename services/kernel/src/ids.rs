//! Typed identifiers, validated on construction so that a wrong value cannot travel far.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

/// Why a value was refused as an identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// A tenant slug must be 2–40 characters of `a-z`, `0-9` and `-`, starting with a letter.
    #[error("tenant slug must be 2-40 characters of a-z, 0-9 and '-', starting with a letter")]
    TenantSlug,
    /// A BSN is nine digits that pass the 11-check.
    #[error("BSN must be nine digits that pass the 11-check")]
    Bsn,
    /// A role name must be 1–40 characters of `a-z`, `0-9`, `-` and `_`.
    #[error("role must be 1-40 characters of a-z, 0-9, '-' and '_'")]
    Role,
}

pub(crate) fn is_slug(s: &str, min: usize, extra: &[char]) -> bool {
    (min..=40).contains(&s.len())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(&c))
}

/// A tenant (partner municipality), named by its slug, for example `enschede`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct TenantId(String);

impl TenantId {
    /// Validates a slug.
    pub fn new(slug: impl Into<String>) -> Result<Self, IdError> {
        let slug = slug.into();
        let starts_with_letter = slug.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if starts_with_letter && is_slug(&slug, 2, &['-']) {
            Ok(Self(slug))
        } else {
            Err(IdError::TenantSlug)
        }
    }

    /// The slug as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TenantId {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<TenantId> for String {
    fn from(value: TenantId) -> Self {
        value.0
    }
}

impl FromStr for TenantId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

impl fmt::Display for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A citizen service number (burgerservicenummer): nine digits passing the 11-check
/// (weights 9, 8, …, 2, -1; the sum is a multiple of 11 and not zero).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Bsn(String);

impl Bsn {
    /// Validates a BSN.
    pub fn new(value: impl Into<String>) -> Result<Self, IdError> {
        let value = value.into();
        if Self::passes_eleven_check(&value) {
            Ok(Self(value))
        } else {
            Err(IdError::Bsn)
        }
    }

    fn passes_eleven_check(s: &str) -> bool {
        if s.len() != 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        let sum: i64 = s
            .bytes()
            .zip([9, 8, 7, 6, 5, 4, 3, 2, -1])
            .map(|(b, w)| i64::from(b.saturating_sub(b'0')).saturating_mul(w))
            .sum();
        sum != 0 && sum % 11 == 0
    }

    /// The nine digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Personal data: only the last three digits are shown in debug output and logs.
impl fmt::Debug for Bsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Bsn(******{})", &self.0[6..])
    }
}

impl TryFrom<String> for Bsn {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Bsn> for String {
    fn from(value: Bsn) -> Self {
        value.0
    }
}

impl FromStr for Bsn {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s)
    }
}

/// A role as named in tokens and policies, for example `frontoffice`.
///
/// The six roles of the design have constants; a tenant may add its own in its policy
/// (`g, kcc-senior, frontoffice, <tenant>`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Role(String);

impl Role {
    /// A resident acting on their own behalf.
    pub const CITIZEN: &'static str = "citizen";
    /// Contact centre and counter staff.
    pub const FRONTOFFICE: &'static str = "frontoffice";
    /// Specialist case handlers.
    pub const BACKOFFICE: &'static str = "backoffice";
    /// Management: aggregated figures only.
    pub const MANAGER: &'static str = "manager";
    /// The tenant's functional administrator.
    pub const ADMIN: &'static str = "admin";
    /// A third-party frontend using client credentials.
    pub const APP: &'static str = "app";
    /// The roles every tenant knows, in the order demo tokens are printed.
    pub const BUILT_IN: [&'static str; 6] = [
        Self::CITIZEN,
        Self::FRONTOFFICE,
        Self::BACKOFFICE,
        Self::MANAGER,
        Self::ADMIN,
        Self::APP,
    ];

    /// Validates a role name.
    pub fn new(name: impl Into<String>) -> Result<Self, IdError> {
        let name = name.into();
        if is_slug(&name, 1, &['-', '_']) {
            Ok(Self(name))
        } else {
            Err(IdError::Role)
        }
    }

    /// The role's name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Role {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Role> for String {
    fn from(value: Role) -> Self {
        value.0
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_eleven_check() {
        assert!(Bsn::new("999993653").is_ok());
        assert!(Bsn::new("111222333").is_ok());
        assert_eq!(Bsn::new("999993654"), Err(IdError::Bsn));
        assert_eq!(
            Bsn::new("000000000"),
            Err(IdError::Bsn),
            "sum zero is refused"
        );
        assert_eq!(Bsn::new("99999365"), Err(IdError::Bsn));
        assert_eq!(Bsn::new("99999365a"), Err(IdError::Bsn));
    }

    #[test]
    fn bsn_debug_hides_digits() {
        let bsn = Bsn::new("999993653").unwrap();
        assert_eq!(format!("{bsn:?}"), "Bsn(******653)");
    }

    #[test]
    fn tenant_slugs() {
        assert!(TenantId::new("enschede").is_ok());
        assert!(TenantId::new("den-haag").is_ok());
        assert!(TenantId::new("Enschede").is_err());
        assert!(TenantId::new("1dam").is_err());
        assert!(TenantId::new("e").is_err());
        assert!(TenantId::new("a/b").is_err());
    }
}
