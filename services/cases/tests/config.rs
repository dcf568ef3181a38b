//! Case types from the template and the tenants' overrides, and the problems `loket check`
//! reports with file and line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::{fs, path::Path};

use loket_cases::load_case_types;
use loket_kernel::{TenantId, config::load_dir};

fn demo() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants")
}

fn t(slug: &str) -> TenantId {
    TenantId::new(slug).unwrap()
}

/// A copy of the demo tenants to break.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&demo(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn demo_tenants_get_the_template_with_their_overrides() {
    let tenants = load_dir(&demo()).unwrap();
    let types = load_case_types(&tenants).unwrap();
    let required = [
        "building-permit",
        "driveway-permit",
        "disabled-parking-card",
        "travel-document",
        "moving-house",
        "valuation-objection",
        "event-permit",
        "alien-registration",
    ];
    for slug in tenants.tenants.keys() {
        for code in required {
            assert!(types.get(slug, code).is_some(), "{slug} lacks {code}");
        }
    }
    assert_eq!(
        types
            .get(&t("haarlem"), "driveway-permit")
            .unwrap()
            .handling_days,
        28
    );
    assert_eq!(
        types
            .get(&t("enschede"), "driveway-permit")
            .unwrap()
            .handling_days,
        56
    );
    assert!(types.get(&t("enschede"), "terrace-permit").is_some());
    assert!(types.get(&t("haarlem"), "terrace-permit").is_none());
    assert_eq!(
        types
            .for_product(&t("enschede"), "identiteitskaart")
            .unwrap()
            .code,
        "travel-document"
    );
    // The collaboration's host handles its members' alien registrations.
    let handled = |slug: &str| {
        types
            .get(&t(slug), "alien-registration")
            .unwrap()
            .handled_by
            .to_string()
    };
    assert_eq!(handled("zwijndrecht"), "dordrecht");
    assert_eq!(handled("papendrecht"), "dordrecht");
    assert_eq!(handled("dordrecht"), "dordrecht");
    assert_eq!(handled("enschede"), "enschede");
}

#[test]
fn problems_are_reported_with_file_and_line() {
    let dir = copy();
    fs::write(
        dir.path().join("haarlem/case_types.toml"),
        "disabled = [\"no-such-type\"]\n\n[[override]]\ncode = \"driveway-permit\"\nhandling_days = 0\n",
    )
    .unwrap();
    let tenants = load_dir(dir.path()).unwrap();
    let errors = load_case_types(&tenants).unwrap_err();
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|e| e.ends_with(
            "haarlem/case_types.toml:1: disabled: no template case type \"no-such-type\""
        )),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|e| e.contains("haarlem/case_types.toml:3:") && e.contains("handling_days")),
        "{text:?}"
    );
}

#[test]
fn a_case_type_must_be_complete() {
    let dir = copy();
    fs::write(
        dir.path().join("enschede/case_types.toml"),
        r#"
[[case_type]]
code = "Bad Code"
name = "x"
products = ["omgevingsvergunning"]
department = "x"
confidentiality = "public"
handling_days = 5
status = [{ code = "a", name = "A", explanation = "", end = true, next = ["zz"] }]
outcome = []
"#,
    )
    .unwrap();
    let tenants = load_dir(dir.path()).unwrap();
    let text = loket_kernel::config::describe(&load_case_types(&tenants).unwrap_err());
    for expected in [
        "enschede/case_types.toml:2:",
        "lowercase letters, digits and dashes",
        "the first status cannot end the case",
        "unknown next status \"zz\"",
        "outcomes must be present and unique",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    // A typo in a field name is refused with its line.
    fs::write(
        dir.path().join("enschede/case_types.toml"),
        "[[override]]\ncode = \"event-permit\"\nhandling_dayz = 3\n",
    )
    .unwrap();
    let tenants = load_dir(dir.path()).unwrap();
    let text = loket_kernel::config::describe(&load_case_types(&tenants).unwrap_err());
    assert!(text.contains("enschede/case_types.toml:3:"), "{text}");
}

#[test]
fn collaboration_case_types_must_exist_on_both_sides() {
    let dir = copy();
    fs::write(
        dir.path().join("zwijndrecht/case_types.toml"),
        "disabled = [\"alien-registration\"]\n",
    )
    .unwrap();
    let tenants = load_dir(dir.path()).unwrap();
    let text = loket_kernel::config::describe(&load_case_types(&tenants).unwrap_err());
    assert!(
        text.contains("zwijndrecht has no case type \"alien-registration\""),
        "{text}"
    );
}
