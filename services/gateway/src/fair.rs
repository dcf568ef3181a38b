//! Fair turns: at most a set number of operations run at once on a replica, and when more
//! are waiting, the next free place goes to the tenant that has the fewest running. A flood
//! from one municipality then queues behind its own requests, while the others keep their
//! share. Below the limit nothing waits; nothing is reserved for a tenant that is quiet.

use std::{
    collections::{HashMap, VecDeque},
    sync::{Arc, Mutex, PoisonError},
};

use tokio::sync::oneshot;

/// How many operations one tenant may have waiting, per place of the limit, before the next
/// is refused outright (the queue, and what it holds in memory, stays bounded).
const WAITING_PER_PLACE: usize = 32;

/// The turns of one replica.
pub struct Turns {
    limit: usize,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    running: usize,
    tenants: HashMap<Arc<str>, Queue>,
}

#[derive(Default)]
struct Queue {
    running: usize,
    waiting: VecDeque<oneshot::Sender<Turn>>,
}

/// A place to run; the next waiting operation gets it when this is dropped.
pub struct Turn {
    turns: Option<Arc<Turns>>,
    tenant: Arc<str>,
}

/// Why an operation did not get a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The tenant already has as many operations waiting as it may.
    QueueFull,
}

impl Turns {
    /// Turns for at most `limit` operations at once; 0 runs everything at once.
    pub fn new(limit: usize) -> Arc<Self> {
        Arc::new(Self {
            limit,
            state: Mutex::new(State::default()),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits for a turn for an operation of `tenant`.
    pub async fn take(self: &Arc<Self>, tenant: &str) -> Result<Turn, Refused> {
        if self.limit == 0 {
            return Ok(Turn {
                turns: None,
                tenant: Arc::from(tenant),
            });
        }
        let receiver = {
            let mut state = self.lock();
            let key: Arc<str> = match state.tenants.get_key_value(tenant) {
                Some((key, _)) => Arc::clone(key),
                None => Arc::from(tenant),
            };
            let nobody_waits = state.tenants.values().all(|q| q.waiting.is_empty());
            if state.running < self.limit && nobody_waits {
                state.running = state.running.saturating_add(1);
                let queue = state.tenants.entry(Arc::clone(&key)).or_default();
                queue.running = queue.running.saturating_add(1);
                return Ok(Turn {
                    turns: Some(Arc::clone(self)),
                    tenant: key,
                });
            }
            let queue = state.tenants.entry(key).or_default();
            if queue.waiting.len() >= self.limit.saturating_mul(WAITING_PER_PLACE) {
                return Err(Refused::QueueFull);
            }
            let (sender, receiver) = oneshot::channel();
            queue.waiting.push_back(sender);
            receiver
        };
        // The sender is only dropped with the turn handed over or the state torn down; a
        // caller that stops waiting drops the receiver, and a turn sent to it comes back.
        receiver.await.map_err(|_| Refused::QueueFull)
    }

    /// Hands the place of a finished operation of `tenant` to the waiting tenant with the
    /// fewest running, or frees it.
    fn release(self: &Arc<Self>, tenant: &Arc<str>) {
        let mut state = self.lock();
        if let Some(queue) = state.tenants.get_mut(tenant) {
            queue.running = queue.running.saturating_sub(1);
        }
        loop {
            let next = state
                .tenants
                .iter()
                .filter(|(_, q)| !q.waiting.is_empty())
                .min_by_key(|(_, q)| q.running)
                .map(|(key, _)| Arc::clone(key));
            let Some(next) = next else {
                state.running = state.running.saturating_sub(1);
                break;
            };
            let Some(queue) = state.tenants.get_mut(&next) else {
                break;
            };
            let Some(sender) = queue.waiting.pop_front() else {
                continue;
            };
            if sender.is_closed() {
                continue;
            }
            queue.running = queue.running.saturating_add(1);
            let turn = Turn {
                turns: Some(Arc::clone(self)),
                tenant: next,
            };
            match sender.send(turn) {
                Ok(()) => break,
                // It stopped waiting just now: take the turn back without releasing it
                // again (its drop below would re-enter this lock).
                Err(mut turn) => {
                    turn.turns = None;
                    if let Some(queue) = state.tenants.get_mut(&turn.tenant) {
                        queue.running = queue.running.saturating_sub(1);
                    }
                }
            }
        }
        state
            .tenants
            .retain(|_, q| q.running > 0 || !q.waiting.is_empty());
    }

    /// Operations running now, and waiting, over all tenants.
    pub fn load(&self) -> (usize, usize) {
        let state = self.lock();
        let waiting = state.tenants.values().map(|q| q.waiting.len()).sum();
        (state.running, waiting)
    }
}

impl Drop for Turn {
    fn drop(&mut self) {
        if let Some(turns) = self.turns.take() {
            turns.release(&self.tenant);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    async fn soon<T>(f: impl Future<Output = T>) -> T {
        tokio::time::timeout(Duration::from_secs(5), f)
            .await
            .expect("in time")
    }

    #[tokio::test]
    async fn below_the_limit_nothing_waits() {
        let turns = Turns::new(2);
        let a = soon(turns.take("a")).await.expect("a turn");
        let b = soon(turns.take("a")).await.expect("a turn");
        assert_eq!(turns.load(), (2, 0));
        drop((a, b));
        assert_eq!(turns.load(), (0, 0));
    }

    #[tokio::test]
    async fn the_next_place_goes_to_the_tenant_with_fewest_running() {
        let turns = Turns::new(2);
        let flood_1 = soon(turns.take("flood")).await.expect("a turn");
        let flood_2 = soon(turns.take("flood")).await.expect("a turn");
        let waiting_flood = tokio::spawn({
            let turns = Arc::clone(&turns);
            async move { turns.take("flood").await }
        });
        // Wait for the flood's third operation to queue before the quiet tenant comes.
        while turns.load().1 < 1 {
            tokio::task::yield_now().await;
        }
        let waiting_quiet = tokio::spawn({
            let turns = Arc::clone(&turns);
            async move { turns.take("quiet").await }
        });
        while turns.load().1 < 2 {
            tokio::task::yield_now().await;
        }
        drop(flood_1);
        // The quiet tenant runs nothing, the flood one: the place goes to the quiet one,
        // though the flood asked first.
        let quiet = soon(waiting_quiet).await.expect("joined").expect("a turn");
        assert!(!waiting_flood.is_finished());
        drop(flood_2);
        let flood_3 = soon(waiting_flood).await.expect("joined").expect("a turn");
        assert_eq!(turns.load(), (2, 0));
        drop((quiet, flood_3));
        assert_eq!(turns.load(), (0, 0));
    }

    #[tokio::test]
    async fn a_full_queue_is_refused_and_an_abandoned_wait_frees_its_place() {
        let turns = Turns::new(1);
        let running = soon(turns.take("a")).await.expect("a turn");
        let mut waiting = Vec::new();
        for _ in 0..WAITING_PER_PLACE {
            let turns = Arc::clone(&turns);
            waiting.push(tokio::spawn(async move { turns.take("a").await }));
        }
        while turns.load().1 < WAITING_PER_PLACE {
            tokio::task::yield_now().await;
        }
        assert_eq!(turns.take("a").await.err(), Some(Refused::QueueFull));
        for task in &waiting {
            task.abort();
        }
        for task in waiting {
            let _ = task.await;
        }
        drop(running);
        assert_eq!(turns.load(), (0, 0));
        let again = soon(turns.take("b")).await.expect("a turn");
        assert_eq!(turns.load(), (1, 0));
        drop(again);
    }

    #[tokio::test]
    async fn no_limit_never_waits() {
        let turns = Turns::new(0);
        let held: Vec<Turn> = futures_of(&turns, 100).await;
        assert_eq!(turns.load(), (0, 0));
        drop(held);
    }

    async fn futures_of(turns: &Arc<Turns>, n: usize) -> Vec<Turn> {
        let mut held = Vec::new();
        for _ in 0..n {
            held.push(soon(turns.take("a")).await.expect("a turn"));
        }
        held
    }
}
