//! The database keeps a desk from being booked twice, on both engines and under concurrency:
//! fifty residents racing for the last free time give one appointment and forty-nine
//! conflicts, and a move racing a booking for the same time loses neither appointment.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use loket_appointments::{
    Appointment, AppointmentError, AppointmentStatus,
    store::{self, NewRow, Place},
};
use loket_kernel::TenantId;
use loket_store::{Db, Mode, Session, testing::TestDb};
use uuid::Uuid;

fn enschede() -> TenantId {
    TenantId::new("enschede").unwrap()
}

/// 14 January 2027 at `hour:minute` UTC.
fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 1, 14, hour, minute, 0).unwrap()
}

fn place(desk: &str, start: DateTime<Utc>, minutes: i64) -> Place {
    Place {
        location: "stadskantoor".into(),
        desk: desk.into(),
        start,
        end: start + Duration::minutes(minutes),
    }
}

fn row(n: usize, place: Place) -> NewRow {
    NewRow {
        id: Uuid::now_v7(),
        reference: format!("A-{n:06}"),
        cancel_code_hash: "0".repeat(64),
        place,
        products: vec!["paspoort".into()],
        persons: 1,
        subject_bsn: None,
        contact_name: format!("Bewoner {n}"),
        email: Some(format!("bewoner{n}@example.org")),
        phone: None,
        booked_by: "anonymous".into(),
        idempotency_key: None,
        fingerprint: format!("{n}"),
        created_at: Utc::now(),
    }
}

/// One unit of work as a request has it: a writing session, committed on success.
async fn write<T>(
    db: &Db,
    work: impl AsyncFnOnce(&loket_store::TenantTx) -> Result<T, AppointmentError>,
) -> Result<T, AppointmentError> {
    let session = Session::new(db, enschede(), Mode::Write);
    let done = {
        let tx = session.tx(&enschede()).await?;
        work(&tx).await
    };
    session.finish(done.is_ok()).await?;
    done
}

async fn book(db: &Db, n: usize, place: Place) -> Result<Appointment, AppointmentError> {
    write(db, async |tx| {
        match store::insert(tx, &enschede(), row(n, place)).await? {
            store::Inserted::New(made) => Ok(made),
            store::Inserted::Earlier(..) => panic!("no idempotency key was given"),
        }
    })
    .await
}

#[tokio::test]
async fn fifty_residents_racing_for_the_last_free_time_give_one_appointment() {
    for db in TestDb::each().await {
        let db = db.db().clone();
        let tasks: Vec<_> = (0..50)
            .map(|n| {
                let db = db.clone();
                tokio::spawn(async move { book(&db, n, place("balie-1", at(9, 0), 10)).await })
            })
            .collect();
        let (mut booked, mut conflicts) = (0, 0);
        for task in tasks {
            match task.await.unwrap() {
                Ok(_) => booked += 1,
                Err(AppointmentError::Conflict(_)) => conflicts += 1,
                Err(e) => panic!("{e}"),
            }
        }
        assert_eq!((booked, conflicts), (1, 49), "{:?}", db.db_backend());

        // The times around it, and the same time at another desk, are free.
        book(&db, 100, place("balie-1", at(8, 50), 10))
            .await
            .unwrap();
        book(&db, 101, place("balie-1", at(9, 10), 10))
            .await
            .unwrap();
        book(&db, 102, place("balie-2", at(9, 0), 10))
            .await
            .unwrap();
        let overlapping = book(&db, 103, place("balie-1", at(9, 5), 10)).await;
        assert!(matches!(overlapping, Err(AppointmentError::Conflict(_))));

        // What the free-time finder sees of the morning: the four live appointments.
        let busy = write(&db, async |tx| {
            store::busy(tx, &enschede(), "stadskantoor", (at(8, 0), at(12, 0)), None).await
        })
        .await
        .unwrap();
        let mut seen: Vec<_> = busy.iter().map(|b| (b.desk.as_str(), b.start)).collect();
        seen.sort();
        assert_eq!(
            seen,
            [
                ("balie-1", at(8, 50)),
                ("balie-1", at(9, 0)),
                ("balie-1", at(9, 10)),
                ("balie-2", at(9, 0))
            ]
        );
        let later = write(&db, async |tx| {
            store::busy(
                tx,
                &enschede(),
                "stadskantoor",
                (at(9, 20), at(12, 0)),
                None,
            )
            .await
        })
        .await
        .unwrap();
        assert!(later.is_empty(), "{later:?}");
    }
}

#[tokio::test]
async fn a_move_racing_a_booking_for_the_same_time_loses_neither_appointment() {
    for db in TestDb::each().await {
        let db = db.db().clone();
        for round in 0..20_u32 {
            let old = at(8, 0) + Duration::minutes(i64::from(round) * 30);
            let new = old + Duration::minutes(15);
            let moving = book(&db, 1000 + round as usize * 2, place("balie-3", old, 10))
                .await
                .unwrap();
            let (d1, d2) = (db.clone(), db.clone());
            let id = moving.id;
            let mover = tokio::spawn(async move {
                write(&d1, async |tx| {
                    store::move_to(tx, &enschede(), id, 1, place("balie-3", new, 10)).await
                })
                .await
            });
            let n = 1001 + round as usize * 2;
            let booker = tokio::spawn(async move { book(&d2, n, place("balie-3", new, 10)).await });
            let (moved, booked) = (mover.await.unwrap(), booker.await.unwrap());
            assert!(
                moved.is_ok() != booked.is_ok(),
                "exactly one gets the time: {moved:?} {booked:?}"
            );
            let after = write(&db, async |tx| store::find(tx, &enschede(), id).await)
                .await
                .unwrap();
            assert_eq!(after.status, AppointmentStatus::Booked);
            if moved.is_ok() {
                assert_eq!((after.place.start, after.version), (new, 2));
            } else {
                assert!(matches!(moved, Err(AppointmentError::Conflict(_))));
                assert_eq!(
                    (after.place.start, after.version),
                    (old, 1),
                    "the old time stays"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_cancelled_time_is_free_again_and_a_stale_version_changes_nothing() {
    for db in TestDb::each().await {
        let db = db.db().clone();
        let first = book(&db, 1, place("balie-1", at(13, 0), 20)).await.unwrap();
        let id = first.id;
        let stale = write(&db, async |tx| {
            store::move_to(tx, &enschede(), id, 7, place("balie-1", at(14, 0), 20)).await
        })
        .await;
        assert!(matches!(stale, Err(AppointmentError::Conflict(m)) if m.contains("version 1")));
        let cancelled = write(&db, async |tx| {
            store::cancel(tx, &enschede(), id, 1, at(12, 0)).await
        })
        .await
        .unwrap();
        assert_eq!(cancelled.status, AppointmentStatus::Cancelled);
        assert_eq!(cancelled.cancelled_at, Some(at(12, 0)));
        book(&db, 2, place("balie-1", at(13, 0), 20)).await.unwrap();
        let again = write(&db, async |tx| {
            store::move_to(tx, &enschede(), id, 2, place("balie-1", at(15, 0), 20)).await
        })
        .await;
        assert!(matches!(again, Err(AppointmentError::Conflict(m)) if m.contains("cancelled")));
        let missing = write(&db, async |tx| {
            store::find(tx, &enschede(), Uuid::now_v7()).await
        })
        .await;
        assert!(matches!(missing, Err(AppointmentError::NotFound)));
    }
}
