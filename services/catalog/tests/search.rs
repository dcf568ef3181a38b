//! Search as residents use it: synonyms, typos, Dutch word forms, each tenant's own
//! catalogue, administrators' changes searchable at once, and clear answers to odd input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

mod support;

use loket_catalog::{Kind, ProductChange, ProductInput};
use loket_kernel::{HasCode, page::Page};
use support::World;

#[tokio::test]
async fn the_residents_word_finds_the_official_product_in_every_tenant() {
    let w = World::sqlite().await;
    for slug in w.slugs() {
        let ctx = w.anonymous(&slug);
        for (query, expected) in [
            ("invalidenparkeerkaart", "gehandicaptenparkeerkaart"),
            ("gehandicaptenparkeerkaart", "gehandicaptenparkeerkaart"),
            ("bouwvergunning", "omgevingsvergunning"),
            ("paspoort", "paspoort"),
            ("pasport", "paspoort"),
            ("paspoprt", "paspoort"),
            ("verhuizen", "verhuizing"),
            ("verhuizing", "verhuizing"),
            ("verhuisd", "verhuizing"),
            ("ID-kaart", "identiteitskaart"),
        ] {
            let found = w.codes(&ctx, query).await;
            assert_eq!(
                found.first().map(String::as_str),
                Some(expected),
                "{slug}: {query:?} -> {found:?}"
            );
        }
    }
}

#[tokio::test]
async fn the_disabled_parking_product_is_found_only_through_synonyms() {
    let w = World::sqlite().await;
    let ctx = w.anonymous("enschede");
    let product = w
        .catalog
        .product(&ctx, "gehandicaptenparkeerkaart")
        .unwrap()
        .product;
    assert_eq!(product.name, "Parkeervoorzieningen gehandicapten");
    let text = format!("{product:?}").to_lowercase();
    assert!(
        !text.contains("invalidenparkeerkaart"),
        "the word itself is not in the product"
    );
    let found = w.found(&ctx, "invalidenparkeerkaart").await;
    assert!(
        found[0]
            .snippet
            .as_ref()
            .is_some_and(|s| !s.text.is_empty()),
        "a snippet of its text"
    );
}

#[tokio::test]
async fn each_tenant_sees_its_own_catalogue() {
    let w = World::sqlite().await;
    let haarlem = w.anonymous("haarlem");
    let enschede = w.anonymous("enschede");
    // Haarlem hides the dog tax; Enschede offers it.
    assert!(
        !w.codes(&haarlem, "hondenbelasting")
            .await
            .contains(&"hondenbelasting".to_owned())
    );
    assert_eq!(
        w.codes(&enschede, "hondenbelasting")
            .await
            .first()
            .map(String::as_str),
        Some("hondenbelasting")
    );
    let all = w
        .catalog
        .search(&haarlem, None, false, Page::new(Some(100), None).unwrap())
        .await
        .unwrap();
    assert!(
        all.found
            .iter()
            .all(|f| f.product.code != "hondenbelasting")
    );
    assert!(w.catalog.product(&haarlem, "hondenbelasting").is_err());
    // Enschede's own product and synonym work in Enschede only.
    assert_eq!(
        w.codes(&enschede, "terrasvergunning")
            .await
            .first()
            .map(String::as_str),
        Some("terrasvergunning")
    );
    assert!(
        !w.codes(&haarlem, "terrasvergunning")
            .await
            .contains(&"terrasvergunning".to_owned())
    );
    let haarlem_word = "spaarnelanden";
    assert_eq!(
        w.codes(&haarlem, haarlem_word)
            .await
            .first()
            .map(String::as_str),
        Some("afvalcontainer")
    );
    assert!(
        w.codes(&enschede, haarlem_word).await.is_empty(),
        "a Haarlem synonym means nothing in Enschede"
    );
}

#[tokio::test]
async fn an_administrators_change_is_searchable_at_once() {
    let w = World::sqlite().await;
    let admin = w.staff("heemskerk", "admin");
    let visitor = w.anonymous("heemskerk");
    let input = ProductInput {
        change: ProductChange {
            code: "strandhuisje".into(),
            name: Some("Strandhuisje huren".into()),
            summary_en: Some("Rent a beach hut.".into()),
            description: Some("Huur een strandhuisje aan de kust voor het zomerseizoen.".into()),
            cost: Some("€ 950 per seizoen".into()),
            delivery: Some("Binnen 4 weken".into()),
            channels: Some(vec![loket_catalog::Channel::Phone]),
            search_terms: Some(vec!["badhokje".into()]),
            ..ProductChange::default()
        },
        kind: Some(Kind::Information),
    };
    loket_store::testing::request(w.db.db(), &admin, async |s| {
        w.catalog.upsert(&admin, s, input).await
    })
    .await
    .unwrap();
    assert_eq!(
        w.codes(&visitor, "badhokje")
            .await
            .first()
            .map(String::as_str),
        Some("strandhuisje")
    );
    assert!(
        w.codes(&w.anonymous("enschede"), "badhokje")
            .await
            .is_empty()
    );
    // Until now Heemskerk shared one build of the national catalogue with the neighbours
    // that have none of their own; they keep it unchanged.
    for neighbour in ["dordrecht", "papendrecht"] {
        assert!(
            w.codes(&w.anonymous(neighbour), "badhokje")
                .await
                .is_empty(),
            "{neighbour}"
        );
    }
    // Renaming a national product is searchable at once too.
    let rename = ProductInput {
        change: ProductChange {
            code: "grofvuil".into(),
            name: Some("Grofvuil en snoeiafval ophalen".into()),
            ..ProductChange::default()
        },
        kind: None,
    };
    loket_store::testing::request(w.db.db(), &admin, async |s| {
        w.catalog.upsert(&admin, s, rename).await
    })
    .await
    .unwrap();
    assert_eq!(
        w.codes(&visitor, "snoeiafval")
            .await
            .first()
            .map(String::as_str),
        Some("grofvuil")
    );
    // Hidden, then offered again.
    loket_store::testing::request(w.db.db(), &admin, async |s| {
        w.catalog.hide(&admin, s, "strandhuisje", true).await
    })
    .await
    .unwrap();
    assert!(w.codes(&visitor, "badhokje").await.is_empty());
    // Administrators still list and open it, marked hidden; residents do not.
    let listed = w
        .catalog
        .search(&admin, None, true, Page::new(Some(100), None).unwrap())
        .await
        .unwrap();
    assert!(
        listed
            .found
            .iter()
            .any(|f| f.product.code == "strandhuisje" && f.hidden)
    );
    assert!(w.catalog.product(&admin, "strandhuisje").unwrap().hidden);
    assert_eq!(
        w.catalog
            .product(&visitor, "strandhuisje")
            .unwrap_err()
            .code()
            .as_str(),
        "NOT_FOUND"
    );
    let e = w
        .catalog
        .search(&visitor, None, true, Page::new(Some(100), None).unwrap())
        .await
        .unwrap_err();
    assert_eq!(e.code().as_str(), "FORBIDDEN");
    let e = w
        .catalog
        .search(
            &admin,
            Some("badhokje"),
            true,
            Page::new(Some(5), None).unwrap(),
        )
        .await
        .unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.field()),
        ("BAD_USER_INPUT", Some("includeHidden"))
    );
    loket_store::testing::request(w.db.db(), &admin, async |s| {
        w.catalog.hide(&admin, s, "strandhuisje", false).await
    })
    .await
    .unwrap();
    assert_eq!(w.codes(&visitor, "badhokje").await.len(), 1);
    // Another replica on the same database catches up on refresh.
    let files = std::sync::Arc::new(loket_catalog::load(&w.tenants).unwrap());
    let other = loket_catalog::Catalog::open(w.db.db().clone(), files)
        .await
        .unwrap();
    assert_eq!(
        other.refresh().await.unwrap(),
        0,
        "opened after the change: nothing to do"
    );
    assert_eq!(
        other
            .search(
                &visitor,
                Some("badhokje"),
                false,
                Page::new(Some(5), None).unwrap()
            )
            .await
            .unwrap()
            .total,
        1
    );
    // Only administrators change the catalogue; bad input names its field.
    let front = w.staff("heemskerk", "frontoffice");
    let e = loket_store::testing::request(w.db.db(), &front, async |s| {
        w.catalog.hide(&front, s, "grofvuil", true).await
    })
    .await
    .unwrap_err();
    assert_eq!(e.code().as_str(), "FORBIDDEN");
    let incomplete = ProductInput {
        change: ProductChange {
            code: "nieuw".into(),
            name: Some("Iets nieuws".into()),
            ..ProductChange::default()
        },
        kind: Some(Kind::Information),
    };
    let e = loket_store::testing::request(w.db.db(), &admin, async |s| {
        w.catalog.upsert(&admin, s, incomplete).await
    })
    .await
    .unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.field()),
        ("BAD_USER_INPUT", Some("summaryEn"))
    );
    // A problem of the product as a whole names the field to change.
    let information_with_case = ProductInput {
        change: ProductChange {
            code: "grofvuil".into(),
            case_type: Some("building-permit".into()),
            ..ProductChange::default()
        },
        kind: None,
    };
    let e = loket_store::testing::request(w.db.db(), &admin, async |s| {
        w.catalog.upsert(&admin, s, information_with_case).await
    })
    .await
    .unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.field()),
        ("BAD_USER_INPUT", Some("caseType"))
    );
    // Taking the online channel away takes its login level with it; an empty case type
    // takes the case type away.
    let offline = ProductInput {
        change: ProductChange {
            code: "omgevingsvergunning".into(),
            channels: Some(vec![loket_catalog::Channel::CounterByAppointment]),
            case_type: Some(String::new()),
            ..ProductChange::default()
        },
        kind: None,
    };
    let changed = loket_store::testing::request(w.db.db(), &admin, async |s| {
        w.catalog.upsert(&admin, s, offline).await
    })
    .await
    .unwrap()
    .product;
    assert!(
        changed.online_loa.is_none() && changed.case_type.is_none(),
        "{changed:?}"
    );
}

#[tokio::test]
async fn odd_queries_get_a_clear_answer() {
    let w = World::sqlite().await;
    let ctx = w.anonymous("dordrecht");
    let page = Page::new(Some(10), None).unwrap();
    // No search: the catalogue by name.
    let all = w
        .catalog
        .search(&ctx, Some("   "), false, page)
        .await
        .unwrap();
    assert!(all.total >= 60);
    let names: Vec<&str> = all.found.iter().map(|f| f.product.name.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    // Too long: a clear error naming the field.
    let long = "paspoort ".repeat(112);
    let e = w
        .catalog
        .search(&ctx, Some(&long), false, page)
        .await
        .unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.field()),
        ("BAD_USER_INPUT", Some("search"))
    );
    // Only stop words or punctuation: nothing found, no error.
    assert!(w.codes(&ctx, "hoe wat ?!").await.is_empty());
    assert!(w.codes(&ctx, "xqzwv").await.is_empty());
}
