//! Who sees which resident and which field groups, on SQLite and PostgreSQL.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use loket_kernel::{HasCode, page::Page};
use loket_registry::{Group, Guarded, RegistryError, SearchBy};
use loket_store::testing::TestDb;
use support::*;

const ALL: [Group; 5] = Group::ALL;

#[tokio::test]
async fn bsn_is_checked_at_the_boundary() {
    let world = World::new(TestDb::sqlite().await).await;
    let ctx = world.ctx("enschede", "frontoffice", None);
    for bad in ["123", "12345678a", "999993654", "0000000000", ""] {
        match loket_store::testing::request(world.db.db(), &ctx, async |s| {
            world
                .registry
                .person(&ctx, s, bad, &ALL, support::READ)
                .await
        })
        .await
        {
            Err(e) => assert_eq!(
                (e.code().as_str(), e.field()),
                ("BAD_USER_INPUT", Some("bsn")),
                "{bad}"
            ),
            Ok(found) => panic!("{bad}: expected BAD_USER_INPUT on bsn, got {found:?}"),
        }
    }
}

#[tokio::test]
async fn a_citizen_sees_only_themselves() {
    for db in TestDb::each().await {
        let world = World::new(db).await;
        let anna = world.ctx("enschede", "citizen", Some(ENSCHEDE_ANNA));
        let record = loket_store::testing::request(world.db.db(), &anna, async |s| {
            world
                .registry
                .person(&anna, s, ENSCHEDE_ANNA, &ALL, support::READ)
                .await
        })
        .await
        .unwrap();
        assert!(matches!(record.name, Guarded::Visible(ref n) if n.0 == "Anna"));
        assert!(matches!(record.documents, Guarded::Visible(ref d) if d.len() == 1));
        let other = loket_store::testing::request(world.db.db(), &anna, async |s| {
            world
                .registry
                .person(&anna, s, ENSCHEDE_BERT, &ALL, support::READ)
                .await
        })
        .await;
        assert!(matches!(other, Err(RegistryError::NotFound)), "{other:?}");
    }
}

#[tokio::test]
async fn staff_reach_only_their_own_residents() {
    for db in TestDb::each().await {
        let world = World::new(db).await;
        let haarlem = world.ctx("haarlem", "frontoffice", None);
        let found = loket_store::testing::request(world.db.db(), &haarlem, async |s| {
            world
                .registry
                .person(&haarlem, s, ENSCHEDE_ANNA, &ALL, support::READ)
                .await
        })
        .await;
        assert!(matches!(found, Err(RegistryError::NotFound)), "{found:?}");
        assert!(
            loket_store::testing::request(world.db.db(), &haarlem, async |s| world
                .registry
                .person(&haarlem, s, HAARLEM_CEES, &ALL, support::READ)
                .await)
            .await
            .is_ok()
        );

        let enschede = world.ctx("enschede", "frontoffice", None);
        let search = SearchBy::Address {
            postcode: "7511 ab".into(),
            house_number: 1,
        };
        let (found, more) = loket_store::testing::request(world.db.db(), &enschede, async |s| {
            world
                .registry
                .search(&enschede, s, search, Page::new(None, None).unwrap(), &ALL)
                .await
        })
        .await
        .unwrap();
        assert_eq!(found.len(), 1);
        assert!(!more);
        let search = SearchBy::Address {
            postcode: "7511AB".into(),
            house_number: 1,
        };
        let (found, _) = loket_store::testing::request(world.db.db(), &haarlem, async |s| {
            world
                .registry
                .search(&haarlem, s, search, Page::new(None, None).unwrap(), &ALL)
                .await
        })
        .await
        .unwrap();
        assert!(
            found.is_empty(),
            "haarlem's search never returns enschede residents"
        );

        let manager = world.ctx("enschede", "manager", None);
        let refused = loket_store::testing::request(world.db.db(), &manager, async |s| {
            world
                .registry
                .person(&manager, s, ENSCHEDE_ANNA, &ALL, support::READ)
                .await
        })
        .await;
        assert!(
            matches!(refused, Err(RegistryError::Forbidden(_))),
            "{refused:?}"
        );
    }
}

#[tokio::test]
async fn field_groups_follow_the_policy() {
    let world = World::new(TestDb::sqlite().await).await;
    let frontoffice = world.ctx("enschede", "frontoffice", None);
    let record = loket_store::testing::request(world.db.db(), &frontoffice, async |s| {
        world
            .registry
            .person(&frontoffice, s, ENSCHEDE_ANNA, &ALL, support::READ)
            .await
    })
    .await
    .unwrap();
    assert!(matches!(record.name, Guarded::Visible(_)));
    assert!(matches!(record.address, Guarded::Visible(Some(_))));
    assert_eq!(record.documents, Guarded::Forbidden("person/documents"));
    assert_eq!(
        record.residence_permit,
        Guarded::Forbidden("person/residence-permit")
    );

    // Only what is asked for is read.
    let record = loket_store::testing::request(world.db.db(), &frontoffice, async |s| {
        world
            .registry
            .person(
                &frontoffice,
                s,
                ENSCHEDE_ANNA,
                &[Group::Name],
                support::READ,
            )
            .await
    })
    .await
    .unwrap();
    assert_eq!(record.address, Guarded::NotRequested);
}
