//! The spatial index of "permits near me": the map is cut into cells of about 500 × 500 m; a
//! subscription is stored once per cell its circle's bounding box touches, an event looks up
//! the one cell it lies in and checks the exact distance only for the subscriptions found
//! there. Both engines index it with a plain B-tree on `(tenant_id, cell)`, and several
//! dispatchers see the same index without keeping one in memory.

/// Cell height in degrees of latitude (≈ 500 m).
const LAT_STEP: f64 = 0.0045;
/// Cell width in degrees of longitude (≈ 515 m at 52° N, the Netherlands).
const LON_STEP: f64 = 0.0075;
/// Metres per degree of latitude.
const METRES_PER_DEGREE: f64 = 111_320.0;
/// Mean earth radius in metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;

fn row(lat: f64) -> i64 {
    (lat / LAT_STEP).floor() as i64
}

fn col(lon: f64) -> i64 {
    (lon / LON_STEP).floor() as i64
}

#[expect(
    clippy::arithmetic_side_effects,
    reason = "rows and columns of points on Earth lie well within ±32,768"
)]
fn id(row: i64, col: i64) -> i64 {
    ((row + 32_768) << 16) | (col + 32_768)
}

/// The cell a point lies in.
pub fn cell_of(lat: f64, lon: f64) -> i64 {
    id(row(lat), col(lon))
}

/// Every cell the circle of `radius_m` around a point touches (its bounding box).
pub fn cover(lat: f64, lon: f64, radius_m: f64) -> Vec<i64> {
    let dlat = radius_m / METRES_PER_DEGREE;
    let dlon = radius_m / (METRES_PER_DEGREE * lat.to_radians().cos().max(0.01));
    let mut cells = Vec::new();
    for r in row(lat - dlat)..=row(lat + dlat) {
        for c in col(lon - dlon)..=col(lon + dlon) {
            cells.push(id(r, c));
        }
    }
    cells
}

/// Great-circle distance in metres (haversine).
pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * a.sqrt().asin()
}

/// The point `metres` to the east of a point (for tests and demo data).
pub fn east_of(lat: f64, lon: f64, metres: f64) -> (f64, f64) {
    (
        lat,
        lon + metres / (METRES_PER_DEGREE * lat.to_radians().cos()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_match_known_ones() {
        // Enschede station to Hengelo station: about 8.0 km.
        let d = distance_m(52.2225, 6.8902, 52.2625, 6.7936);
        assert!((7_700.0..8_100.0).contains(&d), "{d}");
        let (lat, lon) = east_of(52.22, 6.89, 400.0);
        assert!((distance_m(52.22, 6.89, lat, lon) - 400.0).abs() < 1.0);
    }

    #[test]
    fn every_point_within_the_radius_lies_in_a_covered_cell() {
        let (lat, lon) = (52.2215, 6.8937);
        for radius in [50.0, 300.0, 500.0, 2_000.0] {
            let cells = cover(lat, lon, radius);
            for step in 0..360 {
                let angle = f64::from(step).to_radians();
                for fraction in [0.2, 0.7, 0.999] {
                    let north = radius * fraction * angle.sin() / METRES_PER_DEGREE;
                    let (_, east_lon) = east_of(lat, lon, radius * fraction * angle.cos());
                    let point = cell_of(lat + north, east_lon);
                    assert!(cells.contains(&point), "radius {radius}, angle {step}");
                }
            }
        }
    }

    #[test]
    fn a_small_circle_touches_few_cells() {
        assert!(cover(52.2215, 6.8937, 250.0).len() <= 4);
        assert!(cover(52.2215, 6.8937, 2_000.0).len() <= 81);
    }
}
