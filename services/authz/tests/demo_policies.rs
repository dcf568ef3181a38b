//! The demo tenants' policies decide as their files say.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::path::PathBuf;

use loket_authz::Authz;
use loket_kernel::{Action, Role, TenantId, config::load_dir};

fn tenants_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tenants")
}

async fn authz() -> Authz {
    let tenants = load_dir(&tenants_dir()).expect("demo tenants load");
    Authz::load(&tenants).await.expect("demo policies load")
}

fn t(slug: &str) -> TenantId {
    TenantId::new(slug).unwrap()
}

fn roles(names: &[&str]) -> Vec<Role> {
    names.iter().map(|n| Role::new(*n).unwrap()).collect()
}

fn can(authz: &Authz, tenant: &str, role: &str, object: &str, action: Action) -> bool {
    authz
        .policies()
        .grant(&t(tenant), &roles(&[role]))
        .unwrap()
        .own
        .allows(object, action)
}

#[tokio::test]
async fn enschede_front_office_reads_outcomes_haarlem_does_not() {
    let authz = authz().await;
    assert!(can(
        &authz,
        "enschede",
        "frontoffice",
        "case/*/outcome",
        Action::Read
    ));
    assert!(can(
        &authz,
        "enschede",
        "frontoffice",
        "case/building-permit/outcome",
        Action::Read
    ));
    assert!(!can(
        &authz,
        "haarlem",
        "frontoffice",
        "case/*/outcome",
        Action::Read
    ));
    assert!(!can(
        &authz,
        "haarlem",
        "frontoffice",
        "case/building-permit/outcome",
        Action::Read
    ));
    // Both see where a case stands.
    assert!(can(
        &authz,
        "enschede",
        "frontoffice",
        "case/*/status",
        Action::Read
    ));
    assert!(can(
        &authz,
        "haarlem",
        "frontoffice",
        "case/*/status",
        Action::Read
    ));
}

#[tokio::test]
async fn front_office_never_decides_nor_reads_internal_notes() {
    let authz = authz().await;
    for tenant in [
        "enschede",
        "haarlem",
        "dordrecht",
        "zwijndrecht",
        "papendrecht",
        "heemskerk",
    ] {
        for object in ["case/*", "case/building-permit", "case/*/status"] {
            assert!(
                !can(&authz, tenant, "frontoffice", object, Action::Decide),
                "{tenant} {object}"
            );
        }
        assert!(
            !can(
                &authz,
                tenant,
                "frontoffice",
                "case/*/internal-notes",
                Action::Read
            ),
            "{tenant}"
        );
        assert!(
            can(&authz, tenant, "backoffice", "case/*", Action::Decide),
            "{tenant}"
        );
        assert!(
            can(
                &authz,
                tenant,
                "backoffice",
                "case/*/internal-notes",
                Action::Read
            ),
            "{tenant}"
        );
    }
}

#[tokio::test]
async fn manager_sees_reports_but_no_personal_data() {
    let authz = authz().await;
    assert!(can(
        &authz,
        "haarlem",
        "manager",
        "report/service",
        Action::Read
    ));
    assert!(!can(
        &authz,
        "haarlem",
        "manager",
        "person/name",
        Action::Read
    ));
    assert!(!can(
        &authz,
        "haarlem",
        "manager",
        "contact/moments",
        Action::Read
    ));
}

#[tokio::test]
async fn a_role_that_inherits_gets_both_sets_of_rights() {
    let authz = authz().await;
    assert!(can(
        &authz,
        "enschede",
        "kcc-senior",
        "person/documents",
        Action::Read
    ));
    assert!(can(
        &authz,
        "enschede",
        "kcc-senior",
        "case/*/outcome",
        Action::Read
    ));
    assert!(!can(
        &authz,
        "enschede",
        "kcc-senior",
        "case/*",
        Action::Decide
    ));
    assert!(!can(
        &authz,
        "enschede",
        "frontoffice",
        "person/documents",
        Action::Read
    ));
}

#[tokio::test]
async fn a_policy_lists_the_roles_its_rules_name() {
    let authz = authz().await;
    let names = |tenant: &str| -> Vec<String> {
        authz
            .policies()
            .tenant(&t(tenant))
            .unwrap()
            .roles()
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        names("enschede"),
        [
            "admin",
            "anonymous",
            "app",
            "backoffice",
            "backoffice-belastingen",
            "citizen",
            "frontoffice",
            "kcc-senior",
            "manager",
        ]
    );
    assert_eq!(
        names("haarlem"),
        [
            "admin",
            "anonymous",
            "app",
            "backoffice",
            "citizen",
            "frontoffice",
            "manager",
        ]
    );
}

#[tokio::test]
async fn capability_sets_are_shared_between_requests_with_the_same_roles() {
    let authz = authz().await;
    let a = authz
        .policies()
        .grant(&t("haarlem"), &roles(&["frontoffice", "manager"]))
        .unwrap();
    let b = authz
        .policies()
        .grant(&t("haarlem"), &roles(&["manager", "frontoffice"]))
        .unwrap();
    assert!(std::sync::Arc::ptr_eq(&a.own, &b.own));
    // Multiple roles: any role's allow counts.
    assert!(a.own.allows("report/service", Action::Read));
    assert!(a.own.allows("case/*/status", Action::Read));
}

#[tokio::test]
async fn collaboration_grants_the_host_only_the_shared_case_types() {
    let authz = authz().await;
    let ctx = authz.context(None, Some("dordrecht"), "r1".into()).unwrap();
    assert_eq!(
        ctx.delegated_domains().count(),
        0,
        "anonymous gets nothing delegated"
    );

    let grant = authz
        .policies()
        .grant(&t("dordrecht"), &roles(&["backoffice"]))
        .unwrap();
    let zwijndrecht = grant
        .delegated
        .get(&t("zwijndrecht"))
        .expect("host acts in member domain");
    assert!(zwijndrecht.allows("case/alien-registration/status", Action::Read));
    assert!(zwijndrecht.allows("case/alien-registration", Action::Decide));
    assert!(!zwijndrecht.allows("case/building-permit/status", Action::Read));
    assert!(!zwijndrecht.allows("person/address", Action::Read));
    assert!(!zwijndrecht.allows("person/documents", Action::Read));
    // The desk's shared objects, as the host's policy grants them.
    assert!(zwijndrecht.allows("person/residence-permit", Action::Read));
    assert!(zwijndrecht.allows("alien/registration", Action::Create));
    assert!(grant.delegated.contains_key(&t("papendrecht")));
    assert!(!grant.delegated.contains_key(&t("enschede")));

    // A member's staff get nothing in the other member's domain.
    let papendrecht = authz
        .policies()
        .grant(&t("papendrecht"), &roles(&["backoffice"]))
        .unwrap();
    assert!(papendrecht.delegated.is_empty());
    // The host's managers are not part of the desk.
    let manager = authz
        .policies()
        .grant(&t("dordrecht"), &roles(&["manager"]))
        .unwrap();
    assert!(manager.delegated.is_empty());
}

#[tokio::test]
async fn confidentiality_ceiling_is_the_highest_of_the_roles() {
    use loket_kernel::Confidentiality;
    let authz = authz().await;
    let fo = authz
        .policies()
        .grant(&t("haarlem"), &roles(&["frontoffice"]))
        .unwrap();
    assert_eq!(fo.own.ceiling(), Some(Confidentiality::CaseConfidential));
    let both = authz
        .policies()
        .grant(&t("haarlem"), &roles(&["frontoffice", "backoffice"]))
        .unwrap();
    assert_eq!(both.own.ceiling(), Some(Confidentiality::Confidential));
    let unknown = authz
        .policies()
        .grant(&t("haarlem"), &roles(&["janitor"]))
        .unwrap();
    assert_eq!(unknown.own.ceiling(), None);
    assert!(unknown.own.granted().is_empty());
}

#[tokio::test]
async fn a_broken_policy_line_is_reported_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&tenants_dir(), dir.path());
    let policy = dir.path().join("haarlem/policy.csv");
    let mut text = std::fs::read_to_string(&policy).unwrap();
    text.push_str("p, frontoffice, haarlem, case/*/outcome, reed, allow\n");
    std::fs::write(&policy, &text).unwrap();
    let tenants = load_dir(dir.path()).unwrap();
    let err = Authz::load(&tenants)
        .await
        .err()
        .expect("broken policy refused")
        .to_string();
    let line = text.lines().count();
    assert!(
        err.contains(&format!("haarlem/policy.csv:{line}: action \"reed\"")),
        "{err}"
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
