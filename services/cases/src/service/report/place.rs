//! Placing a report: a point or an address, inside the municipality.
//!
//! The registry holds addresses, not municipal boundaries. A report must lie inside the box
//! around the municipality's addresses, widened by the tenant's `[reports] bounds_margin_m`
//! (250 m by default: a street's far side, a park at the edge of town). The box is generous
//! for an irregular municipality, so a report just across a border in a bay of the box is
//! taken in; staff forward it (outcome "doorgestuurd").

use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{
    TenantId,
    calendar::Calendar,
    directory::{AddressFacts, AddressMatch},
};
use loket_store::Session;

use super::{METRES_PER_DEGREE, Place, on_earth};
use crate::{CaseError, CaseType, service::Cases};

/// Where a report was placed.
#[derive(Debug, Clone)]
pub(super) struct Spot {
    pub(super) lat: f64,
    pub(super) lon: f64,
    /// The address it was placed at, if it was placed at one.
    pub(super) address_id: Option<String>,
    /// That address on one line.
    pub(super) label: Option<String>,
}

/// The size of the public map's grid, in metres.
const COARSE_M: f64 = 50.0;

/// `(lat, lon)` moved to the centre of its cell in a grid of about 50 m, so that a public
/// position does not point at one front door.
pub(crate) fn coarse(lat: f64, lon: f64) -> (f64, f64) {
    let dlat = COARSE_M / METRES_PER_DEGREE;
    let row = (lat / dlat).floor();
    let centre_lat = (row + 0.5) * dlat;
    let dlon = dlat / centre_lat.to_radians().cos().max(0.01);
    let column = (lon / dlon).floor();
    let round = |v: f64| (v * 1e6).round() / 1e6;
    (round(centre_lat), round((column + 0.5) * dlon))
}

/// The spot at an address named in `field`, which must lie in the municipality with CBS
/// code `code`.
fn at_address(
    facts: AddressFacts,
    field: &'static str,
    code: &str,
    name: &str,
) -> Result<Spot, CaseError> {
    if facts.municipality_code != code {
        return Err(CaseError::bad(
            field,
            format!("the address lies outside {name}"),
        ));
    }
    Ok(Spot {
        lat: facts.lat,
        lon: facts.lon,
        address_id: Some(facts.id),
        label: Some(facts.label),
    })
}

impl Cases {
    /// Where `place` is, checked to lie in `tenant`'s municipality.
    pub(super) async fn place(
        &self,
        session: &Session,
        tenant: &TenantId,
        place: &Place,
    ) -> Result<Spot, CaseError> {
        let config = self
            .tenants
            .tenants
            .get(tenant)
            .ok_or(CaseError::NotFound)?;
        let code = config.municipality_code.as_str();
        let spot = match place {
            Place::Point { lat, lon } => {
                if !on_earth(*lat, *lon) {
                    return Err(CaseError::bad(
                        "location",
                        "latitude between -90 and 90 and longitude between -180 and 180 (WGS84)",
                    ));
                }
                Spot {
                    lat: *lat,
                    lon: *lon,
                    address_id: None,
                    label: None,
                }
            }
            Place::Address(id) => {
                let facts = self
                    .directory
                    .address(session, id.trim())
                    .await?
                    .ok_or_else(|| CaseError::bad("addressId", "no such address"))?;
                at_address(facts, "addressId", code, &config.name)?
            }
            Place::Written(text) => {
                match self.directory.written_address(session, code, text).await? {
                    AddressMatch::One(facts) => at_address(facts, "address", code, &config.name)?,
                    AddressMatch::Several => {
                        return Err(CaseError::bad(
                            "address",
                            "more than one address matches: add the postcode, or the house \
                             number's letter or addition",
                        ));
                    }
                    AddressMatch::NotFound => {
                        return Err(CaseError::bad(
                            "address",
                            "no address in the registry matches",
                        ));
                    }
                    AddressMatch::Unreadable => {
                        return Err(CaseError::bad(
                            "address",
                            "a street or postcode with a house number, as in \
                             'Markt 1, 7511 GA Enschede'",
                        ));
                    }
                }
            }
        };
        let bounds = self.directory.bounds(session, code).await?.ok_or_else(|| {
            CaseError::bad(
                "location",
                format!(
                    "the registry holds no addresses of {}, so no place in it can be checked",
                    config.name
                ),
            )
        })?;
        if !bounds.contains(
            spot.lat,
            spot.lon,
            f64::from(config.reports.bounds_margin_m),
        ) {
            return Err(CaseError::bad(
                "location",
                format!("the place lies outside {}", config.name),
            ));
        }
        Ok(spot)
    }

    /// The day a case of `case_type` received at `now` must be handled by: working days on
    /// the tenant's calendar for categories that count them, calendar days otherwise.
    pub(crate) fn handling_deadline(
        &self,
        tenant: &TenantId,
        case_type: &CaseType,
        now: DateTime<Utc>,
    ) -> Result<NaiveDate, CaseError> {
        let received = Calendar::local_date(now);
        let too_long = || CaseError::bad("category", "the handling period is too long");
        if case_type.working_days {
            let calendar = self
                .tenants
                .tenants
                .get(tenant)
                .map(|t| t.contact_centre.calendar())
                .ok_or(CaseError::NotFound)?;
            calendar
                .add_working_days(received, case_type.handling_days)
                .ok_or_else(too_long)
        } else {
            crate::deadline(received, case_type.handling_days, 0, 0).ok_or_else(too_long)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::report::distance_m;

    #[test]
    fn coarse_positions_are_cell_centres_within_about_50_metres() {
        let (lat, lon) = (52.218_53, 6.893_51);
        let (clat, clon) = coarse(lat, lon);
        let moved = distance_m(lat, lon, clat, clon);
        assert!(moved <= 36.0, "moved {moved} m");
        // Every point of a cell gives the same public position.
        assert_eq!(coarse(lat + 0.000_01, lon + 0.000_01), (clat, clon));
        // Points a cell apart do not.
        assert_ne!(coarse(lat + 0.0005, lon), (clat, clon));
    }
}
