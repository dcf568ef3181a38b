//! The regional alien-registration desk: dordrecht hosts it for zwijndrecht and papendrecht.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use chrono::NaiveDate;
use loket_kernel::page::Page;
use loket_registry::{AlienRegistration, Group, Guarded, RegistryError};
use loket_store::testing::TestDb;
use support::*;

fn registration(bsn: &str) -> AlienRegistration {
    AlienRegistration {
        bsn: bsn.into(),
        nationality: "TR".into(),
        v_number: "1234567890".into(),
        permit_kind: "regular-indefinite".into(),
        valid_until: NaiveDate::from_ymd_opt(2031, 1, 31).unwrap(),
    }
}

#[tokio::test]
async fn the_host_desk_registers_for_member_residents() {
    for db in TestDb::each().await {
        let world = World::new(db).await;
        let desk = world.ctx("dordrecht", "backoffice", None);
        let record = loket_store::testing::request(world.db.db(), &desk, async |s| {
            world
                .registry
                .register_alien(&desk, s, registration(ZWIJNDRECHT_DEMIR))
                .await
        })
        .await
        .unwrap();
        match record.residence_permit {
            Guarded::Visible(p) => {
                assert_eq!(p.kind.as_deref(), Some("regular-indefinite"));
                assert_eq!(p.registered_by.as_deref(), Some("dordrecht"));
            }
            other => panic!("{other:?}"),
        }
        // The host's own residents too.
        loket_store::testing::request(world.db.db(), &desk, async |s| {
            world
                .registry
                .register_alien(&desk, s, registration(DORDRECHT_SAMI))
                .await
        })
        .await
        .unwrap();
        // The desk's list for a member municipality.
        let (listed, _) = loket_store::testing::request(world.db.db(), &desk, async |s| {
            world
                .registry
                .alien_registrations(
                    &desk,
                    s,
                    "0642",
                    Page::new(None, None).unwrap(),
                    &[Group::Name, Group::ResidencePermit],
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].bsn.as_str(), ZWIJNDRECHT_DEMIR);
    }
}

#[tokio::test]
async fn members_never_see_each_others_residents() {
    for db in TestDb::each().await {
        let world = World::new(db).await;
        let papendrecht = world.ctx("papendrecht", "backoffice", None);
        let refused = loket_store::testing::request(world.db.db(), &papendrecht, async |s| {
            world
                .registry
                .register_alien(&papendrecht, s, registration(ZWIJNDRECHT_DEMIR))
                .await
        })
        .await;
        assert!(
            matches!(refused, Err(RegistryError::NotFound)),
            "{refused:?}"
        );
        let listed = loket_store::testing::request(world.db.db(), &papendrecht, async |s| {
            world
                .registry
                .alien_registrations(
                    &papendrecht,
                    s,
                    "0642",
                    Page::new(None, None).unwrap(),
                    &[Group::ResidencePermit],
                )
                .await
        })
        .await;
        assert!(matches!(listed, Err(RegistryError::NotFound)), "{listed:?}");
        let person = loket_store::testing::request(world.db.db(), &papendrecht, async |s| {
            world
                .registry
                .person(
                    &papendrecht,
                    s,
                    ZWIJNDRECHT_DEMIR,
                    &Group::ALL,
                    support::READ,
                )
                .await
        })
        .await;
        assert!(matches!(person, Err(RegistryError::NotFound)), "{person:?}");
        // A member's own staff do not run the desk for their own residents either.
        let zwijndrecht = world.ctx("zwijndrecht", "backoffice", None);
        let own = loket_store::testing::request(world.db.db(), &zwijndrecht, async |s| {
            world
                .registry
                .register_alien(&zwijndrecht, s, registration(ZWIJNDRECHT_DEMIR))
                .await
        })
        .await;
        assert!(matches!(own, Err(RegistryError::Forbidden(_))), "{own:?}");
        let record = loket_store::testing::request(world.db.db(), &zwijndrecht, async |s| {
            world
                .registry
                .person(
                    &zwijndrecht,
                    s,
                    ZWIJNDRECHT_DEMIR,
                    &Group::ALL,
                    support::READ,
                )
                .await
        })
        .await
        .unwrap();
        assert_eq!(
            record.residence_permit,
            Guarded::Forbidden("person/residence-permit")
        );
    }
}

#[tokio::test]
async fn the_desk_sees_only_the_shared_groups_of_member_residents() {
    let world = World::new(TestDb::sqlite().await).await;
    let desk = world.ctx("dordrecht", "frontoffice", None);
    let read = async || {
        loket_store::testing::request(world.db.db(), &desk, async |s| {
            world
                .registry
                .person(&desk, s, ZWIJNDRECHT_DEMIR, &Group::ALL, support::READ)
                .await
        })
        .await
    };
    // A member resident the desk has no shared work for is not found: the desk does not
    // browse its neighbours' population.
    assert!(matches!(read().await, Err(RegistryError::NotFound)));
    // Once the desk registered the resident's permit, it reaches them for that work.
    let back = world.ctx("dordrecht", "backoffice", None);
    loket_store::testing::request(world.db.db(), &back, async |s| {
        world
            .registry
            .register_alien(&back, s, registration(ZWIJNDRECHT_DEMIR))
            .await
    })
    .await
    .unwrap();
    let record = read().await.unwrap();
    assert!(matches!(record.name, Guarded::Visible(_)));
    assert!(matches!(record.residence_permit, Guarded::Visible(_)));
    assert_eq!(record.address, Guarded::Forbidden("person/address"));
    assert_eq!(record.documents, Guarded::Forbidden("person/documents"));
    // Not the residents of municipalities outside the collaboration.
    let enschede = loket_store::testing::request(world.db.db(), &desk, async |s| {
        world
            .registry
            .person(&desk, s, ENSCHEDE_ANNA, &Group::ALL, support::READ)
            .await
    })
    .await;
    assert!(matches!(enschede, Err(RegistryError::NotFound)));
}

#[tokio::test]
async fn bad_registrations_name_the_field() {
    let world = World::new(TestDb::sqlite().await).await;
    let desk = world.ctx("dordrecht", "backoffice", None);
    type Change = fn(&mut AlienRegistration);
    let cases: [(Change, &str); 4] = [
        (|r| r.nationality = "DE".into(), "nationality"),
        (|r| r.nationality = "turkey".into(), "nationality"),
        (|r| r.v_number = "12345".into(), "vNumber"),
        (
            |r| r.valid_until = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            "validUntil",
        ),
    ];
    for (change, field) in cases {
        let mut r = registration(ZWIJNDRECHT_DEMIR);
        change(&mut r);
        match loket_store::testing::request(world.db.db(), &desk, async |s| {
            world.registry.register_alien(&desk, s, r).await
        })
        .await
        {
            Err(RegistryError::BadInput { field: f, .. }) => assert_eq!(f, field),
            other => panic!("expected BAD_USER_INPUT on {field}, got {other:?}"),
        }
    }
}
