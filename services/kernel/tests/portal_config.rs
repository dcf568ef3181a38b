//! What the web frontend needs from a tenants folder: host names, the login, JWKS URLs, and
//! each municipality's look; every problem named with file and line, and the warning about a
//! development issuer in a production configuration.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::arithmetic_side_effects,
    reason = "a test fails loudly"
)]

use std::{fs, path::Path};

use loket_kernel::config::{ConfigError, TenantSet, load_dir};

fn tenant_toml(slug: &str, extra_top: &str, extra_end: &str) -> String {
    format!(
        r#"slug = "{slug}"
name = "Gemeente {slug}"
municipality_code = "0153"
languages = ["nl", "en"]
{extra_top}

[[issuers]]
issuer = "https://dev.example"
audience = "loket"
algorithms = ["HS256"]
hs_secret = "plain:dev-secret-of-thirty-two-bytes-at-least"
dev = true

[service_norms]
phone_answer_seconds = 20
phone_answer_percentage = 80
email_answer_working_days = 2
callback_working_days = 3

[contact_centre]
callback_teams = ["burgerzaken"]
{extra_end}
"#
    )
}

fn write(root: &Path, path: &str, text: &str) {
    let file = root.join(path);
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(file, text).unwrap();
}

fn load(files: &[(&str, &str)]) -> Result<TenantSet, Vec<ConfigError>> {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    load_dir(dir.path())
}

fn errors(files: &[(&str, &str)]) -> Vec<String> {
    load(files)
        .expect_err("expected configuration errors")
        .iter()
        .map(|e| format!("{}:{}: {}", file_name(&e.file), e.line, e.message))
        .collect()
}

fn file_name(path: &Path) -> String {
    let parent = path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    format!("{parent}/{name}")
}

fn assert_one(found: &[String], expected: &str) {
    assert!(
        found.iter().any(|e| e.contains(expected)),
        "expected an error containing {expected:?}, got {found:#?}"
    );
}

const THEME: &str = "/* Alpha */\n.alpha-theme {\n  --utrecht-link-color: #154273;\n  --loket-accent-color: #154273;\n}\n";
const LOGO: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n";

#[test]
fn hosts_login_and_look_load() {
    let toml = tenant_toml(
        "alpha",
        r#"hosts = ["mijn.alpha.example"]"#,
        "[login.residents]\nissuer = \"https://dev.example\"\n",
    );
    let set = load(&[
        ("alpha/tenant.toml", &toml),
        ("alpha/theme.css", THEME),
        ("alpha/logo.svg", LOGO),
        (
            "_default/theme.css",
            ".loket-theme {\n  --utrecht-document-background-color: #ffffff;\n}\n",
        ),
    ])
    .unwrap();
    let alpha = set.tenants.values().next().unwrap();
    assert_eq!(alpha.hosts, ["mijn.alpha.example"]);
    assert!(alpha.resident_login().unwrap().is_demo());
    assert!(!alpha.is_production());
    assert_eq!(alpha.look.class, "alpha-theme");
    assert_eq!(alpha.look.tokens.len(), 2);
    assert_eq!(alpha.look.tokens[0].line, 3);
    assert!(alpha.look.logo.is_some());
    assert_eq!(set.default_look.class, "loket-theme");
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
}

#[test]
fn without_a_login_section_the_dev_issuer_is_the_demo_login() {
    let set = load(&[("alpha/tenant.toml", &tenant_toml("alpha", "", ""))]).unwrap();
    let alpha = set.tenants.values().next().unwrap();
    let login = alpha.resident_login().unwrap();
    assert!(login.is_demo());
    assert_eq!(login.issuer.issuer, "https://dev.example");
    assert!(alpha.staff_login().unwrap().is_demo());
}

#[test]
fn a_public_host_with_a_development_issuer_is_warned_about_at_the_issuer() {
    let toml = tenant_toml("alpha", r#"hosts = ["mijn.alpha.nl"]"#, "");
    let set = load(&[("alpha/tenant.toml", &toml)]).unwrap();
    assert_eq!(set.warnings.len(), 1);
    let warning = &set.warnings[0];
    assert_eq!(warning.line, 7);
    assert!(
        warning
            .message
            .contains("development issuer \"https://dev.example\"")
    );
    assert!(warning.message.contains("mijn.alpha.nl"));
}

#[test]
fn bad_hosts_and_duplicate_hosts_are_errors() {
    let found = errors(&[
        (
            "alpha/tenant.toml",
            &tenant_toml("alpha", r#"hosts = ["https://Mijn.Alpha.nl:443"]"#, ""),
        ),
        (
            "beta/tenant.toml",
            &tenant_toml("beta", r#"hosts = ["mijn.gedeeld.nl"]"#, ""),
        ),
        (
            "gamma/tenant.toml",
            &tenant_toml("gamma", r#"hosts = ["mijn.gedeeld.nl"]"#, ""),
        ),
    ]);
    assert_one(
        &found,
        "alpha/tenant.toml:5: host \"https://Mijn.Alpha.nl:443\" must be",
    );
    assert_one(
        &found,
        "gamma/tenant.toml:5: host \"mijn.gedeeld.nl\" is also a host of beta",
    );
}

#[test]
fn a_slug_that_hides_a_server_path_is_refused() {
    let found = errors(&[("assets/tenant.toml", &tenant_toml("assets", "", ""))]);
    assert_one(
        &found,
        "assets/tenant.toml:1: slug \"assets\" is one of the server's own paths",
    );
}

#[test]
fn an_oidc_login_needs_a_trusted_issuer_a_client_and_https() {
    let unknown = tenant_toml(
        "alpha",
        "",
        "[login.residents]\nissuer = \"https://login.elsewhere.nl\"\nclient_id = \"portal\"\n",
    );
    assert_one(
        &errors(&[("alpha/tenant.toml", &unknown)]),
        "alpha/tenant.toml:22: login.residents: issuer \"https://login.elsewhere.nl\" is not one of this tenant's [[issuers]]",
    );
    let plain_http = r#"
[[issuers]]
issuer = "http://login.alpha.nl"
audience = "loket-alpha"
algorithms = ["RS256"]
jwks_url = "http://login.alpha.nl/jwks"

[login.residents]
issuer = "http://login.alpha.nl"
scopes = ["profile"]
"#;
    let found = errors(&[("alpha/tenant.toml", &tenant_toml("alpha", "", plain_http))]);
    assert_one(
        &found,
        "issuer \"http://login.alpha.nl\": jwks_url must be an https URL",
    );
    assert_one(&found, "login.residents: client_id is needed");
    assert_one(&found, "login.residents: scopes must include \"openid\"");
    assert_one(
        &found,
        "login.residents: issuer \"http://login.alpha.nl\" must be an https URL",
    );
}

#[test]
fn a_staff_login_is_checked_like_the_resident_login() {
    let unknown = tenant_toml(
        "alpha",
        "",
        "[login.staff]\nissuer = \"https://login.elsewhere.nl\"\nclient_id = \"console\"\n",
    );
    assert_one(
        &errors(&[("alpha/tenant.toml", &unknown)]),
        "alpha/tenant.toml:22: login.staff: issuer \"https://login.elsewhere.nl\" is not one of this tenant's [[issuers]]",
    );
    let no_client = r#"
[[issuers]]
issuer = "https://login.alpha.nl"
audience = "loket-alpha"
algorithms = ["RS256"]
jwks_url = "https://login.alpha.nl/jwks"

[login.residents]
issuer = "https://login.alpha.nl"
client_id = "portal"

[login.staff]
issuer = "https://login.alpha.nl"
"#;
    let found = errors(&[("alpha/tenant.toml", &tenant_toml("alpha", "", no_client))]);
    assert_one(
        &found,
        "alpha/tenant.toml:33: login.staff: client_id is needed for an OpenID Connect login",
    );
    assert!(
        found.iter().all(|e| !e.contains("login.residents")),
        "{found:#?}"
    );
}

#[test]
fn without_a_staff_section_the_dev_issuer_is_the_staff_demo_login() {
    let real = r#"
[[issuers]]
issuer = "https://login.alpha.nl"
audience = "loket-alpha"
algorithms = ["RS256"]
jwks_url = "https://login.alpha.nl/jwks"

[login.residents]
issuer = "https://login.alpha.nl"
client_id = "portal"
"#;
    let set = load(&[("alpha/tenant.toml", &tenant_toml("alpha", "", real))]).unwrap();
    let alpha = set.tenants.values().next().unwrap();
    assert!(!alpha.resident_login().unwrap().is_demo());
    let staff = alpha.staff_login().unwrap();
    assert!(staff.is_demo());
    assert_eq!(staff.issuer.issuer, "https://dev.example");
    assert_eq!(staff.client_id, None);
    assert_eq!(staff.scopes, ["openid"]);
}

#[test]
fn a_staff_section_names_the_staff_login_apart_from_the_residents() {
    let staff = r#"
[[issuers]]
issuer = "https://login.alpha.nl"
audience = "loket-alpha"
algorithms = ["RS256"]
jwks_url = "https://login.alpha.nl/jwks"

[login.staff]
issuer = "https://login.alpha.nl"
client_id = "console"
scopes = ["openid", "profile"]
"#;
    let set = load(&[("alpha/tenant.toml", &tenant_toml("alpha", "", staff))]).unwrap();
    let alpha = set.tenants.values().next().unwrap();
    assert!(alpha.resident_login().unwrap().is_demo());
    let login = alpha.staff_login().unwrap();
    assert!(!login.is_demo());
    assert_eq!(login.issuer.issuer, "https://login.alpha.nl");
    assert_eq!(login.client_id, Some("console"));
    assert_eq!(login.scopes, ["openid", "profile"]);
}

#[test]
fn a_jwks_url_to_this_machine_is_fine_and_not_both_file_and_url() {
    let local = r#"
[[issuers]]
issuer = "http://127.0.0.1:9000"
audience = "loket-alpha"
algorithms = ["RS256"]
jwks_url = "http://127.0.0.1:9000/jwks"

[login.residents]
issuer = "http://127.0.0.1:9000"
client_id = "portal"
"#;
    let set = load(&[("alpha/tenant.toml", &tenant_toml("alpha", "", local))]).unwrap();
    let login = set
        .tenants
        .values()
        .next()
        .unwrap()
        .resident_login()
        .unwrap();
    assert!(!login.is_demo());
    assert_eq!(login.client_id, Some("portal"));
    assert_eq!(login.scopes, ["openid"]);
    let both = r#"
[[issuers]]
issuer = "https://login.alpha.nl"
audience = "loket-alpha"
algorithms = ["RS256"]
jwks_url = "https://login.alpha.nl/jwks"
jwks_file = "jwks.json"
"#;
    assert_one(
        &errors(&[("alpha/tenant.toml", &tenant_toml("alpha", "", both))]),
        "give jwks_file or jwks_url, not both",
    );
}

#[test]
fn theme_files_hold_tokens_only_and_errors_name_their_line() {
    let toml = tenant_toml("alpha", "", "");
    let theme = "/* Alpha */\n.alpha-theme {\n  color: red;\n  --loket-accent-color: url(https://evil.example/x.png);\n  --utrecht-link-color: banana;\n  --utrecht-link-hover-color: var(--utrecht-link-color);\n}\n.other { --x: 1 }\n";
    let found = errors(&[("alpha/tenant.toml", &toml), ("alpha/theme.css", theme)]);
    assert_one(
        &found,
        "alpha/theme.css:3: \"color\": only custom properties",
    );
    assert_one(
        &found,
        "alpha/theme.css:4: --loket-accent-color: the value may not contain url()",
    );
    assert_one(
        &found,
        "alpha/theme.css:5: --utrecht-link-color: \"banana\" is not a colour",
    );
    assert_one(
        &found,
        "alpha/theme.css:8: every rule must use the same class",
    );
    assert_eq!(found.len(), 4, "{found:#?}");

    let unclosed = ".alpha-theme {\n  --utrecht-link-color: #000;\n";
    assert_one(
        &errors(&[("alpha/tenant.toml", &toml), ("alpha/theme.css", unclosed)]),
        "alpha/theme.css:1: rule is not closed with }",
    );
    let taken = ".loket-theme { --utrecht-link-color: #000; }\n";
    assert_one(
        &errors(&[("alpha/tenant.toml", &toml), ("alpha/theme.css", taken)]),
        "the class .loket-theme is taken",
    );
}

#[test]
fn unreadable_text_is_refused_at_the_line_that_makes_it_so() {
    let toml = tenant_toml("alpha", "", "");
    let default = ".loket-theme {\n  --utrecht-document-background-color: #ffffff;\n  --utrecht-page-header-color: #ffffff;\n}\n";
    // Light grey header text on the tenant's light yellow header: 1.2:1.
    let theme = ".alpha-theme {\n  --brand: #fff7cc;\n  --utrecht-page-header-background-color: var(--brand);\n  --utrecht-link-color: #777777;\n}\n";
    let found = errors(&[
        ("alpha/tenant.toml", &toml),
        ("alpha/theme.css", theme),
        ("_default/theme.css", default),
    ]);
    assert_one(
        &found,
        "alpha/theme.css:3: --utrecht-page-header-color on --utrecht-page-header-background-color has contrast 1.",
    );
    assert_one(
        &found,
        "alpha/theme.css:4: --utrecht-link-color on --utrecht-document-background-color has contrast 4.48:1; WCAG 2.1 AA needs 4.5:1",
    );
}

#[test]
fn svg_files_are_images_only() {
    let toml = tenant_toml("alpha", "", "");
    for (svg, problem) in [
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>",
            "alpha/logo.svg:2: may not contain <script",
        ),
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>",
            "alpha/logo.svg:1: may not contain event handlers",
        ),
        (
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://x.example/a.png\"/></svg>",
            "may not load anything from elsewhere",
        ),
        ("<html><svg></svg></html>", "must start with <svg"),
        ("just text", "not an SVG image"),
    ] {
        assert_one(
            &errors(&[("alpha/tenant.toml", &toml), ("alpha/logo.svg", svg)]),
            problem,
        );
    }
}

#[test]
fn the_repository_tenants_load_with_their_looks_and_without_warnings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tenants");
    let set = load_dir(&root).unwrap();
    assert!(set.warnings.is_empty(), "{:?}", set.warnings);
    assert_eq!(set.default_look.class, "loket-theme");
    for (slug, tenant) in &set.tenants {
        assert_eq!(tenant.look.class, format!("{slug}-theme"));
        assert!(tenant.resident_login().is_some_and(|l| l.is_demo()));
        assert!(tenant.staff_login().is_some_and(|l| l.is_demo()));
        assert!(!tenant.hosts.is_empty());
    }
}
