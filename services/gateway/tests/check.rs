//! `loket check` on a tenants folder: a development issuer in a production configuration is a
//! warning; a theme that would make text unreadable, a counter naming a product outside the
//! catalogue, or a change to a report category the template does not have is an error with
//! its file and line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::{fs, path::Path, process::Command};

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn tenants() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants"),
        dir.path(),
    );
    dir
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", file.display());
    fs::write(file, text.replacen(from, to, 1)).unwrap();
}

fn check(dir: &Path) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_loket"))
        .args(["check", "--tenants"])
        .arg(dir)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_demo_tenants_pass_without_warnings() {
    let dir = tenants();
    let (code, out, err) = check(dir.path());
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("warning"), "{out}");
}

#[test]
fn a_development_issuer_on_a_public_host_is_warned_about() {
    let dir = tenants();
    let file = dir.path().join("enschede/tenant.toml");
    edit(
        &file,
        r#"hosts = ["mijn.enschede.example"]"#,
        r#"hosts = ["mijn.enschede.nl"]"#,
    );
    let (code, out, err) = check(dir.path());
    assert_eq!(code, 0, "a warning does not fail the check: {err}");
    let line = fs::read_to_string(&file)
        .unwrap()
        .lines()
        .position(|l| l == "[[issuers]]")
        .unwrap()
        + 1;
    let expected = format!(
        "warning: {}:{line}: development issuer \"https://dev.loket.local\" in a production configuration (hosts: mijn.enschede.nl)",
        file.display()
    );
    assert!(out.contains(&expected), "{expected}\nnot in\n{out}");
}

#[test]
fn an_unreadable_theme_fails_the_check_at_its_line() {
    let dir = tenants();
    let file = dir.path().join("haarlem/theme.css");
    edit(
        &file,
        "--utrecht-page-header-color: #fbfaf6;",
        "--utrecht-page-header-color: #4a6b62;",
    );
    let (code, _, err) = check(dir.path());
    assert_eq!(code, 1);
    let line = fs::read_to_string(&file)
        .unwrap()
        .lines()
        .position(|l| l.contains("--utrecht-page-header-color"))
        .unwrap()
        + 1;
    let expected = format!(
        "{}:{line}: --utrecht-page-header-color on --utrecht-page-header-background-color has contrast",
        file.display()
    );
    assert!(err.contains(&expected), "{expected}\nnot in\n{err}");
}

#[test]
fn counters_that_name_a_product_outside_the_catalogue_fail_the_check_at_its_line() {
    let dir = tenants();
    let file = dir.path().join("enschede/appointments.toml");
    edit(
        &file,
        "product = \"legalisatie-handtekening\"",
        "product = \"handtekening-zetten\"",
    );
    for _desk in 0..2 {
        edit(
            &file,
            "\"verhuizing\", \"legalisatie-handtekening\"]",
            "\"verhuizing\", \"handtekening-zetten\"]",
        );
    }
    let (code, _, err) = check(dir.path());
    assert_eq!(code, 1);
    let line = fs::read_to_string(&file)
        .unwrap()
        .lines()
        .position(|l| l.contains("product = \"handtekening-zetten\""))
        .unwrap();
    let expected = format!(
        "{}:{line}: product \"handtekening-zetten\" is not in enschede's catalogue",
        file.display()
    );
    assert!(err.contains(&expected), "{expected}\nnot in\n{err}");

    // A mistake in the file itself is named as well.
    edit(&file, "latest_days = 42", "latest_days = 400");
    let (code, _, err) = check(dir.path());
    assert_eq!(code, 1);
    assert!(err.contains("latest_days must be 1 to 366"), "{err}");
}

#[test]
fn a_tenants_changes_to_the_report_categories_are_checked_against_the_template() {
    let dir = tenants();
    let file = dir.path().join("enschede/report_categories.toml");
    fs::write(
        &file,
        "disabled = [\"bestaat-niet\"]\n\n\
         [[override]]\ncode = \"ook-niet\"\nhandling_days = 3\n\n\
         [[override]]\ncode = \"straatverlichting\"\ntexts = { onbekend = \"Hallo\" }\n",
    )
    .unwrap();
    let (code, _, err) = check(dir.path());
    assert_eq!(code, 1, "{err}");
    for (line, message) in [
        (1, "disabled: no template report category \"bestaat-niet\""),
        (3, "override: no template report category \"ook-niet\""),
        (
            7,
            "straatverlichting: texts names \"onbekend\", which flow \"openbare-ruimte\" does not have",
        ),
    ] {
        let expected = format!("{}:{line}: {message}", file.display());
        assert!(err.contains(&expected), "{expected}\nnot in\n{err}");
    }

    // What the template has may be dropped and changed.
    fs::write(
        &file,
        "disabled = [\"ongedierte\"]\n\n\
         [[override]]\ncode = \"straatverlichting\"\nhandling_days = 3\nworking_days = false\n",
    )
    .unwrap();
    let (code, _, err) = check(dir.path());
    assert_eq!(code, 0, "{err}");
}
