//! One request's database work: at most one transaction, begun on first use, shared by every
//! resolver of the request, and ended once the response is complete.
//!
//! A request that reads several tenants' rows (a regional desk working its member
//! municipalities' cases) stays in its one transaction: the session points row-level security
//! at each tenant in turn. Reads of personal data are noted with [`Session::record`] as they
//! happen and written to the processing log once, as one multi-row insert in the reader's own
//! tenant, when the session ends ([`Session::finish`]).
//!
//! On SQLite a reading session begins deferred and takes no write lock; if another writer
//! committed in between and its processing-log insert cannot upgrade, the entries are written
//! in a short transaction of their own instead. A writing session takes the write lock when it
//! begins.

use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

use loket_kernel::{Ctx, TenantId};
use sea_orm::{DatabaseTransaction, DbErr};
use tokio::sync::Mutex;

use crate::{
    Db, StoreError,
    processing_log::{Book, Processing},
    tx::{Counts, Mode, State, TenantTx, Written},
};

/// The database work of one request (or of one live event, or one background step).
#[derive(Clone)]
pub struct Session {
    inner: Arc<Inner>,
}

struct Inner {
    db: Db,
    home: TenantId,
    mode: Mode,
    state: Arc<Mutex<State>>,
    book: std::sync::Mutex<Book>,
    counts: Arc<Counts>,
    written: Arc<Written>,
    failed: AtomicBool,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("home", &self.inner.home)
            .field("mode", &self.inner.mode)
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A session for a request of an actor of `home`; nothing is begun until first use.
    pub fn new(db: &Db, home: TenantId, mode: Mode) -> Self {
        Self {
            inner: Arc::new(Inner {
                db: db.clone(),
                home,
                mode,
                state: Arc::new(Mutex::new(State::Idle)),
                book: std::sync::Mutex::new(Book::default()),
                counts: Arc::new(Counts::default()),
                written: Arc::new(Written::default()),
                failed: AtomicBool::new(false),
            }),
        }
    }

    /// The transaction, confined to `domain`; begins it on first use. Hold it only as long as
    /// one step needs it: other resolvers of the request wait while it is held.
    pub async fn tx(&self, domain: &TenantId) -> Result<TenantTx, StoreError> {
        let inner = &self.inner;
        let mut guard = Arc::clone(&inner.state).lock_owned().await;
        let opener = inner.db.opener();
        match &mut *guard {
            State::Idle => {
                let (tx, turn) = opener
                    .begin(inner.db.raw(), inner.mode, domain, &inner.counts)
                    .await?;
                *guard = State::Open {
                    tx,
                    domain: domain.clone(),
                    turn,
                };
            }
            State::Open {
                tx,
                domain: current,
                ..
            } => {
                if current != domain {
                    opener.switch(tx, domain, &inner.counts).await?;
                    *current = domain.clone();
                }
            }
        }
        Ok(TenantTx::new(
            guard,
            domain.clone(),
            Arc::clone(&inner.counts),
            Arc::clone(&inner.written),
            inner.db.db_backend(),
        ))
    }

    /// The transaction for the shared registries (persons, addresses), which are not
    /// tenant-scoped: whichever tenant it is confined to, those rows are the same.
    pub async fn shared(&self) -> Result<TenantTx, StoreError> {
        let domain = match &*self.inner.state.lock().await {
            State::Open { domain, .. } => domain.clone(),
            State::Idle => self.inner.home.clone(),
        };
        self.tx(&domain).await
    }

    /// Notes that the actor of `ctx` read a person's data; written when the session ends.
    pub fn record(&self, ctx: &Ctx, processing: Processing<'_>) {
        if let Ok(mut book) = self.inner.book.lock() {
            book.add(ctx, processing);
        }
    }

    /// How many transactions and statements the session used so far.
    pub fn counts(&self) -> &Counts {
        &self.inner.counts
    }

    /// Marks the work as failed: [`Session::finish`] then rolls it back (a mutation that
    /// returned an error keeps nothing it wrote).
    pub fn fail(&self) {
        self.inner.failed.store(true, Ordering::Relaxed);
    }

    /// Ends the session: with `commit` (and unless it [failed](Session::fail)), writes the processing log and commits; without, rolls
    /// back everything but the processing log of what was read (a failed mutation may still
    /// have shown personal data), which is then written on its own.
    pub async fn finish(&self, commit: bool) -> Result<(), StoreError> {
        let inner = &self.inner;
        let commit = commit && !inner.failed.load(Ordering::Relaxed);
        let entries = inner
            .book
            .lock()
            .map(|mut book| book.take())
            .unwrap_or_default();
        let open = {
            let mut guard = inner.state.lock().await;
            match std::mem::replace(&mut *guard, State::Idle) {
                State::Open { tx, domain, turn } => Some((tx, domain, turn)),
                State::Idle => None,
            }
        };
        // The writer's turn ends once its transaction has.
        let leftover = match open {
            Some((tx, domain, _turn)) if commit => {
                self.write_and_commit(tx, domain, entries).await?
            }
            Some((tx, _, _turn)) => {
                inner.counts.statement();
                tx.rollback().await?;
                entries
            }
            None => entries,
        };
        if leftover.is_empty() {
            return Ok(());
        }
        // The log alone, in a transaction of its own that may write.
        let (tx, _turn) = inner
            .db
            .opener()
            .begin(inner.db.raw(), Mode::Write, &inner.home, &inner.counts)
            .await?;
        self.insert_log(&tx, &leftover).await?;
        inner.counts.statement();
        tx.commit().await?;
        Ok(())
    }

    /// Writes `entries` in the home tenant and commits; gives the entries back when SQLite
    /// could not turn its read transaction into a writing one.
    async fn write_and_commit(
        &self,
        tx: DatabaseTransaction,
        domain: TenantId,
        entries: Vec<crate::processing_log::Row>,
    ) -> Result<Vec<crate::processing_log::Row>, StoreError> {
        let inner = &self.inner;
        if !entries.is_empty() {
            if domain != inner.home {
                inner
                    .db
                    .opener()
                    .switch(&tx, &inner.home, &inner.counts)
                    .await?;
            }
            if let Err(e) = self.insert_log(&tx, &entries).await {
                if inner.db.opener().postgres || inner.mode == Mode::Write || !is_busy(&e) {
                    return Err(e.into());
                }
                inner.counts.statement();
                tx.rollback().await?;
                return Ok(entries);
            }
        }
        inner.counts.statement();
        tx.commit().await?;
        inner.db.committed(inner.written.take());
        Ok(Vec::new())
    }

    async fn insert_log(
        &self,
        tx: &DatabaseTransaction,
        entries: &[crate::processing_log::Row],
    ) -> Result<(), DbErr> {
        self.inner.counts.statement();
        crate::processing_log::insert(tx, &self.inner.home, entries).await
    }

    /// Sets savepoint `n` (each of several mutations in one request gets one, so that a failed
    /// one is undone without undoing those before it).
    pub async fn savepoint(&self, n: usize) -> Result<(), StoreError> {
        self.savepoint_sql(&format!("SAVEPOINT loket_{n}")).await
    }

    /// Keeps what happened since savepoint `n`.
    pub async fn release(&self, n: usize) -> Result<(), StoreError> {
        self.savepoint_sql(&format!("RELEASE SAVEPOINT loket_{n}"))
            .await
    }

    /// Undoes what happened since savepoint `n`.
    pub async fn roll_back_to(&self, n: usize) -> Result<(), StoreError> {
        self.savepoint_sql(&format!(
            "ROLLBACK TO SAVEPOINT loket_{n}; RELEASE SAVEPOINT loket_{n}"
        ))
        .await
    }

    async fn savepoint_sql(&self, sql: &str) -> Result<(), StoreError> {
        let tx = self.shared().await?;
        sea_orm::ConnectionTrait::execute_unprepared(&tx, sql).await?;
        Ok(())
    }
}

/// Whether SQLite refused to let a read transaction write because another writer came first.
fn is_busy(error: &DbErr) -> bool {
    let text = error.to_string();
    text.contains("database is locked") || text.contains("(code: 517)") || text.contains("busy")
}
