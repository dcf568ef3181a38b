//! Who sees which resident and which field groups, on SQLite and PostgreSQL.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test fails loudly"
)]

mod support;

use loket_kernel::page::Page;
use loket_registry::{Group, Guarded, RegistryError, SearchBy};
use loket_store::{processing_log, testing::TestDb};
use support::*;

const ALL: [Group; 5] = Group::ALL;

#[tokio::test]
async fn bsn_is_checked_at_the_boundary() {
    let world = World::new(TestDb::sqlite().await).await;
    let ctx = world.ctx("enschede", "frontoffice", None);
    for bad in ["123", "12345678a", "999993654", "0000000000", ""] {
        match world.registry.person(&ctx, bad, &ALL, "test").await {
            Err(RegistryError::BadInput { field: "bsn", .. }) => {}
            other => panic!("{bad}: expected BAD_USER_INPUT on bsn, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_citizen_sees_only_themselves() {
    for db in TestDb::each().await {
        let world = World::new(db).await;
        let anna = world.ctx("enschede", "citizen", Some(ENSCHEDE_ANNA));
        let record = world
            .registry
            .person(&anna, ENSCHEDE_ANNA, &ALL, "test")
            .await
            .unwrap();
        assert!(matches!(record.name, Guarded::Visible(ref n) if n.0 == "Anna"));
        assert!(matches!(record.documents, Guarded::Visible(ref d) if d.len() == 1));
        let other = world
            .registry
            .person(&anna, ENSCHEDE_BERT, &ALL, "test")
            .await;
        assert!(matches!(other, Err(RegistryError::NotFound)), "{other:?}");
    }
}

#[tokio::test]
async fn staff_reach_only_their_own_residents() {
    for db in TestDb::each().await {
        let world = World::new(db).await;
        let haarlem = world.ctx("haarlem", "frontoffice", None);
        let found = world
            .registry
            .person(&haarlem, ENSCHEDE_ANNA, &ALL, "test")
            .await;
        assert!(matches!(found, Err(RegistryError::NotFound)), "{found:?}");
        assert!(
            world
                .registry
                .person(&haarlem, HAARLEM_CEES, &ALL, "test")
                .await
                .is_ok()
        );

        let enschede = world.ctx("enschede", "frontoffice", None);
        let search = SearchBy::Address {
            postcode: "7511 ab".into(),
            house_number: 1,
        };
        let (found, more) = world
            .registry
            .search(
                &enschede,
                search,
                Page::new(None, None).unwrap(),
                &ALL,
                "test",
            )
            .await
            .unwrap();
        assert_eq!(found.len(), 1);
        assert!(!more);
        let search = SearchBy::Address {
            postcode: "7511AB".into(),
            house_number: 1,
        };
        let (found, _) = world
            .registry
            .search(
                &haarlem,
                search,
                Page::new(None, None).unwrap(),
                &ALL,
                "test",
            )
            .await
            .unwrap();
        assert!(
            found.is_empty(),
            "haarlem's search never returns enschede residents"
        );

        let manager = world.ctx("enschede", "manager", None);
        let refused = world
            .registry
            .person(&manager, ENSCHEDE_ANNA, &ALL, "test")
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
    let record = world
        .registry
        .person(&frontoffice, ENSCHEDE_ANNA, &ALL, "test")
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
    let record = world
        .registry
        .person(&frontoffice, ENSCHEDE_ANNA, &[Group::Name], "test")
        .await
        .unwrap();
    assert_eq!(record.address, Guarded::NotRequested);
}

#[tokio::test]
async fn every_person_read_is_logged_once_with_its_groups() {
    for db in TestDb::each().await {
        let world = World::new(db).await;
        let ctx = world.ctx("enschede", "frontoffice", None);
        world
            .registry
            .person(
                &ctx,
                ENSCHEDE_ANNA,
                &[Group::Name, Group::Address, Group::Documents],
                "answer a question",
            )
            .await
            .unwrap();
        let search = SearchBy::Address {
            postcode: "7511AB".into(),
            house_number: 3,
        };
        world
            .registry
            .search(
                &ctx,
                search,
                Page::new(None, None).unwrap(),
                &[Group::Name],
                "find a resident",
            )
            .await
            .unwrap();
        // A request that reads no group (only the BSN) is not a processing of personal data.
        world
            .registry
            .person(&ctx, ENSCHEDE_ANNA, &[], "test")
            .await
            .unwrap();

        let tx = world.db.db().begin(ctx.tenant()).await.unwrap();
        let log = processing_log::list(&tx, &Default::default(), Page::new(None, None).unwrap())
            .await
            .unwrap();
        assert_eq!(log.len(), 2, "{log:?}");
        let anna = log.iter().find(|e| e.person_bsn == ENSCHEDE_ANNA).unwrap();
        assert_eq!(
            anna.field_groups, "person/name,person/address",
            "documents were refused, so not read"
        );
        assert_eq!(anna.operation, "person");
        assert_eq!(anna.purpose, "answer a question");
        assert_eq!(anna.actor_subject, "demo-frontoffice-enschede");
        let bert = log.iter().find(|e| e.person_bsn == ENSCHEDE_BERT).unwrap();
        assert_eq!(bert.operation, "searchPersons");
        assert_eq!(bert.field_groups, "person/name");
    }
}
