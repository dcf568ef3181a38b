//! The arithmetic of the comparison: which values are compared, their quartiles, and ranks.
//! Pure functions, the same for every engine.

use crate::Share;

/// A figure is compared only when at least this many tenants' values take part in it.
pub const MIN_PARTICIPANTS: usize = 5;

/// Where one tenant's value of a figure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Compared, with its rank (1 is best; equal values share a rank).
    Compared(u32),
    /// Rests on fewer events than the tenant's `minimum_events`.
    TooFewEvents,
    /// Too few tenants took part in the figure to compare it.
    TooFewParticipants,
}

impl Standing {
    /// As stored and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Compared(_) => "compared",
            Self::TooFewEvents => "too-few-events",
            Self::TooFewParticipants => "too-few-participants",
        }
    }

    /// The rank, when compared.
    pub fn rank(self) -> Option<u32> {
        match self {
            Self::Compared(rank) => Some(rank),
            _ => None,
        }
    }
}

/// What every participant may see of a figure.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    /// How many tenants' values were compared.
    pub participants: u32,
    /// The quartiles of their percentages (linear interpolation between ranks), when the
    /// figure was compared.
    pub quartiles: Option<[f64; 3]>,
}

/// Compares one figure's values: each tenant's value with the least number of events it must
/// rest on. Gives each value's standing, in the order given, and the spread.
pub fn compare(values: &[(Share, u32)]) -> (Vec<Standing>, Spread) {
    let counted =
        |share: &Share, minimum: u32| share.total > 0 && share.total >= i64::from(minimum);
    let mut ratios: Vec<f64> = values
        .iter()
        .filter(|(share, minimum)| counted(share, *minimum))
        .map(|(share, _)| ratio(*share))
        .collect();
    ratios.sort_by(f64::total_cmp);
    let participants = u32::try_from(ratios.len()).unwrap_or(u32::MAX);
    let compared = ratios.len() >= MIN_PARTICIPANTS;
    let standings = values
        .iter()
        .map(|(share, minimum)| {
            if !counted(share, *minimum) {
                Standing::TooFewEvents
            } else if !compared {
                Standing::TooFewParticipants
            } else {
                let own = ratio(*share);
                let better = ratios.iter().filter(|r| **r > own).count();
                Standing::Compared(u32::try_from(better).unwrap_or(u32::MAX).saturating_add(1))
            }
        })
        .collect();
    let quartiles =
        compared.then(|| [0.25, 0.5, 0.75].map(|q| round(quantile(&ratios, q) * 100.0)));
    (
        standings,
        Spread {
            participants,
            quartiles,
        },
    )
}

/// The share as a fraction.
fn ratio(share: Share) -> f64 {
    share.count as f64 / share.total as f64
}

/// The `q` quantile of sorted, non-empty `values`, interpolating between neighbours.
fn quantile(values: &[f64], q: f64) -> f64 {
    let last = values.len().saturating_sub(1);
    let position = q * last as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let (Some(low), Some(high)) = (values.get(below), values.get(above)) else {
        return 0.0;
    };
    low + (high - low) * (position - below as f64)
}

/// One decimal, as every percentage in the reports.
fn round(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn share(count: i64, total: i64) -> (Share, u32) {
        (Share { count, total }, 100)
    }

    #[test]
    fn ranks_and_quartiles_of_five() {
        let values = [
            share(80, 100),
            share(90, 100),
            share(70, 100),
            share(90, 100),
            share(60, 100),
        ];
        let (standings, spread) = compare(&values);
        assert_eq!(
            standings,
            [
                Standing::Compared(3),
                Standing::Compared(1),
                Standing::Compared(4),
                Standing::Compared(1),
                Standing::Compared(5),
            ]
        );
        assert_eq!(spread.participants, 5);
        assert_eq!(spread.quartiles, Some([70.0, 80.0, 90.0]));
    }

    #[test]
    fn interpolates_between_ranks() {
        let values: Vec<_> = [10, 20, 30, 40, 50, 60].map(|c| share(c, 100)).into();
        let (_, spread) = compare(&values);
        assert_eq!(spread.quartiles, Some([22.5, 35.0, 47.5]));
    }

    #[test]
    fn a_value_on_too_few_events_is_left_out() {
        let mut values: Vec<_> = [50, 60, 70, 80, 90].map(|c| share(c, 100)).into();
        values.push(share(1, 1));
        values.push((
            Share {
                count: 500,
                total: 999,
            },
            1000,
        ));
        let (standings, spread) = compare(&values);
        assert_eq!(standings[5], Standing::TooFewEvents);
        assert_eq!(standings[6], Standing::TooFewEvents);
        assert_eq!(standings[4], Standing::Compared(1));
        assert_eq!(spread.participants, 5);
    }

    #[test]
    fn four_participants_are_not_compared() {
        let mut values: Vec<_> = [50, 60, 70, 80].map(|c| share(c, 100)).into();
        values.push(share(0, 0));
        let (standings, spread) = compare(&values);
        assert!(
            standings[..4]
                .iter()
                .all(|s| *s == Standing::TooFewParticipants)
        );
        assert_eq!(standings[4], Standing::TooFewEvents);
        assert_eq!(spread.participants, 4);
        assert_eq!(spread.quartiles, None);
    }
}
