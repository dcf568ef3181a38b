//! What the feed's poller keeps per tenant: the ids of the look-back window it has already
//! broadcast, and the window's lower bound as a UUIDv7.

use std::{collections::BTreeSet, time::Duration};

use chrono::{DateTime, Utc};
use uuid::Uuid;

/// What one tenant's poller has seen in the current window.
#[derive(Debug, Default)]
pub(super) struct Window {
    /// Ids up to this one are history, never broadcast.
    start: Uuid,
    /// Ids broadcast that are still in the window.
    seen: BTreeSet<Uuid>,
}

impl Window {
    /// A window to which ids up to `start` are history.
    pub(super) fn starting(start: Uuid) -> Self {
        Self {
            start,
            seen: BTreeSet::new(),
        }
    }

    /// Whether it remembers no id (it may then be dropped and made again).
    pub(super) fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    /// Forgets ids below `floor`: they will not be read again.
    pub(super) fn slide(&mut self, floor: Uuid) {
        self.seen = self.seen.split_off(&floor);
    }

    /// The ids of `found` after the start and not seen before, in the order given.
    pub(super) fn unseen(&self, found: &[Uuid]) -> Vec<Uuid> {
        found
            .iter()
            .filter(|id| **id > self.start && !self.seen.contains(id))
            .copied()
            .collect()
    }

    /// Marks `ids` seen.
    pub(super) fn mark(&mut self, ids: &[Uuid]) {
        self.seen.extend(ids.iter().copied());
    }
}

/// The lowest UUIDv7 of the millisecond `look_back` before `now`.
pub(super) fn floor(now: DateTime<Utc>, look_back: Duration) -> Uuid {
    let look_back = chrono::Duration::from_std(look_back).unwrap_or(chrono::Duration::MAX);
    let since = now
        .checked_sub_signed(look_back)
        .unwrap_or(DateTime::UNIX_EPOCH);
    let millis = u64::try_from(since.timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(millis, &[0; 10]).into_uuid()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(millis: u64) -> Uuid {
        uuid::Builder::from_unix_timestamp_millis(millis, &[7; 10]).into_uuid()
    }

    #[test]
    fn a_late_commit_with_an_older_id_is_admitted_once() {
        let mut window = Window::default();
        let (early, late) = (at(1_000), at(1_200));
        // The younger event commits first.
        let first = window.unseen(&[late]);
        window.mark(&first);
        assert_eq!(first, [late]);
        // The older one shows up a poll later, beside the younger one seen before.
        let second = window.unseen(&[early, late]);
        window.mark(&second);
        assert_eq!(second, [early]);
        assert!(window.unseen(&[early, late]).is_empty());
    }

    #[test]
    fn ids_up_to_the_start_are_history() {
        let window = Window::starting(at(1_000));
        assert_eq!(window.unseen(&[at(999), at(1_000), at(1_001)]), [at(1_001)]);
    }

    #[test]
    fn ids_that_leave_the_window_are_forgotten() {
        let mut window = Window::default();
        window.mark(&[at(1_000), at(2_000), at(3_000)]);
        window.slide(floor(
            Utc.timestamp_millis_opt(7_000).single().unwrap(),
            Duration::from_secs(5),
        ));
        assert_eq!(
            window.seen.iter().copied().collect::<Vec<_>>(),
            [at(2_000), at(3_000)]
        );
    }

    #[test]
    fn the_floor_is_below_every_id_of_its_millisecond() {
        let now = Utc.timestamp_millis_opt(10_000).single().unwrap();
        let floor = floor(now, Duration::from_secs(1));
        assert!(floor <= uuid::Builder::from_unix_timestamp_millis(9_000, &[0; 10]).into_uuid());
        assert!(floor < at(9_000));
        assert!(floor > at(8_999));
        assert_eq!(floor.get_version_num(), 7);
    }
}
