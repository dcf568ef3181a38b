//! Loading tenant folders: good folders load, bad ones are reported with file and line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::fs;

use loket_kernel::config::{ConfigError, load_dir};

const GOOD: &str = r#"
slug = "alpha"
name = "Gemeente Alpha"
municipality_code = "0153"
languages = ["nl", "en"]

[[issuers]]
issuer = "https://dev.example"
audience = "loket"
algorithms = ["HS256"]
hs_secret = "plain:dev-secret"
dev = true

[service_norms]
phone_answer_seconds = 20
phone_answer_percentage = 80
email_answer_working_days = 2
callback_working_days = 3

[[channels]]
kind = "phone"
contact = "14 053"
hours = ["mon-fri 08:30-17:00"]
"#;

fn write_tenant(root: &std::path::Path, slug: &str, text: &str) {
    fs::create_dir_all(root.join(slug)).unwrap();
    fs::write(root.join(slug).join("tenant.toml"), text).unwrap();
}

fn errors_of(root: &std::path::Path) -> Vec<ConfigError> {
    load_dir(root).expect_err("expected configuration errors")
}

#[test]
fn loads_a_good_folder() {
    let dir = tempfile::tempdir().unwrap();
    write_tenant(dir.path(), "alpha", GOOD);
    let set = load_dir(dir.path()).unwrap();
    let alpha = set.tenants.values().next().unwrap();
    assert_eq!(alpha.municipality_code.as_str(), "0153");
    assert_eq!(
        alpha.channels[0].hours[0].to_string(),
        "mon-fri 08:30-17:00"
    );
}

#[test]
fn a_bad_value_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    write_tenant(dir.path(), "alpha", &GOOD.replace("\"0153\"", "\"153\""));
    let errors = errors_of(dir.path());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, 4);
    assert!(
        errors[0].message.contains("four-digit CBS code"),
        "{}",
        errors[0]
    );
    assert!(errors[0].to_string().contains("alpha/tenant.toml:4:"));
}

#[test]
fn bad_opening_hours_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    write_tenant(
        dir.path(),
        "alpha",
        &GOOD.replace("mon-fri 08:30", "mon-fri 8:30"),
    );
    let errors = errors_of(dir.path());
    assert_eq!(errors[0].line, 23, "{errors:?}");
}

#[test]
fn cross_field_problems_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let text = GOOD
        .replace("slug = \"alpha\"", "slug = \"beta\"")
        .replace("dev = true", "dev = false");
    write_tenant(dir.path(), "alpha", &text);
    let errors = errors_of(dir.path());
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(
        text.iter()
            .any(|e| e.contains(":2: slug \"beta\" must equal")),
        "{text:?}"
    );
    assert!(
        text.iter()
            .any(|e| e.contains(":7: issuer") && e.contains("only allowed on a dev issuer")),
        "{text:?}"
    );
}

#[test]
fn unknown_keys_and_collaboration_members_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    write_tenant(
        dir.path(),
        "alpha",
        &format!("{GOOD}\nfavourite_colour = \"blue\"\n"),
    );
    let errors = errors_of(dir.path());
    assert!(errors[0].message.contains("favourite_colour"), "{errors:?}");

    let dir = tempfile::tempdir().unwrap();
    write_tenant(dir.path(), "alpha", GOOD);
    fs::write(
        dir.path().join("collaborations.toml"),
        "[[collaboration]]\nslug = \"desk\"\nname = \"Desk\"\nhost = \"alpha\"\nmembers = [\"gamma\"]\ncase_types = [\"alien-registration\"]\nroles = [\"backoffice\"]\n",
    )
    .unwrap();
    let errors = errors_of(dir.path());
    assert_eq!(errors[0].line, 1);
    assert!(
        errors[0].message.contains("unknown tenant gamma"),
        "{errors:?}"
    );
}

#[test]
fn a_shared_issuer_must_be_described_identically() {
    let dir = tempfile::tempdir().unwrap();
    let rs = "\n[[issuers]]\nissuer = \"https://idp.example\"\naudience = \"loket\"\nalgorithms = [\"RS256\"]\njwks_file = \"jwks.json\"\n";
    for (slug, kid) in [("alpha", "k1"), ("beta", "k2")] {
        let text = GOOD
            .replace("\"alpha\"", &format!("\"{slug}\""))
            .replace("[service_norms]", &format!("{rs}\n[service_norms]"));
        write_tenant(dir.path(), slug, &text);
        fs::write(
            dir.path().join(slug).join("jwks.json"),
            format!("{{\"keys\":[{{\"kid\":\"{kid}\"}}]}}"),
        )
        .unwrap();
    }
    let errors = errors_of(dir.path());
    assert!(
        errors.iter().any(|e| e
            .message
            .contains("\"https://idp.example\" is also trusted by alpha")),
        "{errors:?}"
    );

    // The same keys in both folders are fine.
    fs::copy(
        dir.path().join("alpha/jwks.json"),
        dir.path().join("beta/jwks.json"),
    )
    .unwrap();
    assert!(load_dir(dir.path()).is_ok());
}

#[test]
fn contact_centre_teams_and_closed_days_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    let teams =
        format!("{GOOD}\n[contact_centre]\ncallback_teams = [\"burgerzaken\", \"Burgerzaken\"]\n");
    write_tenant(dir.path(), "alpha", &teams);
    let errors = errors_of(dir.path());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("callback_teams"),
        "{}",
        errors[0]
    );
    let days = format!("{GOOD}\n[contact_centre]\nclosed_days = [\"2026-02-30\"]\n");
    write_tenant(dir.path(), "alpha", &days);
    let errors = errors_of(dir.path());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].to_string().contains("alpha/tenant.toml:"),
        "{}",
        errors[0]
    );
}

#[test]
fn the_benchmark_section_is_checked_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let good = format!("{GOOD}\n[benchmark]\nshare = \"named\"\n");
    write_tenant(dir.path(), "alpha", &good);
    let set = load_dir(dir.path()).unwrap();
    let alpha = set.tenants.values().next().unwrap();
    let benchmark = alpha.benchmark.as_ref().unwrap();
    assert_eq!(benchmark.minimum_events, 100);

    let zero = format!("{GOOD}\n[benchmark]\nshare = \"anonymous\"\nminimum_events = 0\n");
    write_tenant(dir.path(), "alpha", &zero);
    let errors = errors_of(dir.path());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, GOOD.lines().count() + 4, "{errors:?}");
    assert!(
        errors[0].message.contains("minimum_events"),
        "{}",
        errors[0]
    );

    let unknown = format!("{GOOD}\n[benchmark]\nshare = \"public\"\n");
    write_tenant(dir.path(), "alpha", &unknown);
    let errors = errors_of(dir.path());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].line, GOOD.lines().count() + 3, "{errors:?}");
}
