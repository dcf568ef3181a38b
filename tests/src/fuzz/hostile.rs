//! Hostile values, by the input's type and name, in named classes: the runner tries one value
//! of every class at every input position (every value with `LOKET_FUZZ_ALL_VALUES=1`), and
//! random ones besides. Each class is a way a client can misbehave that the edge must refuse
//! with `BAD_USER_INPUT` (or answer normally): never a crash, a 5xx or `INTERNAL`.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

use super::{fixtures::TenantFixtures, value::GValue};

/// One class of hostile values.
pub type Class = (&'static str, Vec<GValue>);

fn s(text: impl Into<String>) -> GValue {
    GValue::str(text)
}

/// A Relay cursor as this server writes them, with any payload.
pub fn cursor(payload: &str) -> String {
    URL_SAFE_NO_PAD.encode(payload)
}

/// A global id as this server writes them.
pub fn global_id(type_name: &str, key: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{type_name}:{key}"))
}

fn ints() -> Vec<Class> {
    let i = |n: i128| GValue::Int(n);
    vec![
        ("int zero", vec![i(0)]),
        ("int negative", vec![i(-1), i(i32::MIN.into())]),
        (
            "int at i32 bound",
            vec![i(i32::MAX.into()), i(i128::from(i32::MAX) - 1)],
        ),
        ("int past i32", vec![i(1 << 31), i(-(1 << 31) - 1)]),
        (
            "int near u32::MAX",
            vec![i(u32::MAX.into()), i(i128::from(u32::MAX) - 3), i(1 << 32)],
        ),
        (
            "int 64-bit",
            vec![i(i64::MAX.into()), i(u64::MAX.into()), i(i64::MIN.into())],
        ),
        (
            "int ill-typed",
            vec![
                s("12"),
                GValue::Float("1.5".into()),
                GValue::Float("1e400".into()),
                GValue::Bool(true),
            ],
        ),
    ]
}

fn strings() -> Vec<Class> {
    vec![
        ("string empty", vec![s(""), s("   ")]),
        ("string NUL", vec![s("\0"), s("abc\0def"), s("paspoort\0")]),
        (
            "string control characters",
            vec![
                s("\u{1}\u{7}\u{8}\u{1b}[2J"),
                s("regel\r\nbreuk\u{85}\u{2028}"),
                s("\u{7f}\u{9f}"),
            ],
        ),
        (
            "string long",
            vec![
                s("x".repeat(201)),
                s("ab".repeat(5_000)),
                s("é".repeat(30_000)),
            ],
        ),
        ("string huge", vec![s("A".repeat(100_000))]),
        (
            "string odd unicode",
            vec![
                s("９９９９０００１８"),
                s("\u{202E}gnirts\u{202C}"),
                s("\u{200F}\u{200B}\u{FEFF}a"),
                s("😀👩‍👩‍👧"),
                s("e\u{301}\u{301}\u{301}"),
                s("\u{FFFF}\u{10FFFF}"),
            ],
        ),
        (
            "string lone surrogate",
            vec![GValue::RawStr("\\uD800x".into())],
        ),
        (
            "string SQL and LIKE metacharacters",
            vec![
                s("%"),
                s("_"),
                s("%_%\\"),
                s("' OR '1'='1"),
                s("'; DROP TABLE cases; --"),
                s("\\'\\\""),
            ],
        ),
        (
            "string query syntax",
            vec![
                s("title:("),
                s("*:*"),
                s("\"open"),
                s("a AND OR NOT"),
                s("~2^3"),
                s("+-!{["),
            ],
        ),
        (
            "string date-like",
            vec![s("2026-02-30"), s("+99999-01-01"), s("１２３４ＡＢ")],
        ),
        (
            "string ill-typed",
            vec![
                GValue::Int(1),
                GValue::Bool(false),
                GValue::List(vec![s("a")]),
            ],
        ),
    ]
}

fn cursors() -> Vec<Class> {
    let c = |p: &str| s(cursor(p));
    vec![
        ("cursor offset 10^12", vec![c("o:1000000000000")]),
        (
            "cursor offset 2^63",
            vec![c("o:9223372036854775808"), c("o:9223372036854775807")],
        ),
        (
            "cursor offset u64::MAX",
            vec![c("o:18446744073709551615"), c("o:18446744073709551614")],
        ),
        (
            "cursor offset past u64",
            vec![c("o:18446744073709551616"), c("o:-1"), c("o:1e3")],
        ),
        (
            "cursor malformed",
            vec![
                c("o:"),
                c("x:5"),
                s("!!!"),
                s("bzox=="),
                s(URL_SAFE_NO_PAD.encode([0xff, 0xfe, 0x00, 0x80])),
                s(URL_SAFE_NO_PAD.encode("o:5\0")),
                s("Q".repeat(10_000)),
            ],
        ),
    ]
}

fn dates() -> Vec<Class> {
    vec![
        (
            "date at the calendar's edges",
            vec![s("0001-01-01"), s("9999-12-31")],
        ),
        (
            "date outside PostgreSQL's range",
            vec![
                s("-5000-01-01"),
                s("+99999-01-01"),
                s("+262143-12-31"),
                s("-262144-01-01"),
            ],
        ),
        (
            "date invalid",
            vec![
                s("1900-02-30"),
                s("2026-02-29"),
                s("2026-13-01"),
                s("0000-00-00"),
                s("２０２６-01-01"),
                s(""),
            ],
        ),
        ("date ill-typed", vec![GValue::Int(20_260_101)]),
    ]
}

fn date_times() -> Vec<Class> {
    vec![
        (
            "datetime at the calendar's edges",
            vec![s("0001-01-01T00:00:00Z"), s("9999-12-31T23:59:59Z")],
        ),
        (
            "datetime outside PostgreSQL's range",
            vec![
                s("+99999-01-01T00:00:00Z"),
                s("-5000-01-01T00:00:00Z"),
                s("+262143-12-31T23:59:59-12:00"),
            ],
        ),
        (
            "datetime invalid",
            vec![
                s("2026-02-30T00:00:00Z"),
                s("2026-01-01T24:00:00Z"),
                s("2026-01-01"),
            ],
        ),
        (
            "datetime far offset",
            vec![
                s("2026-01-01T00:00:00+14:00"),
                s("2026-01-01T00:00:00-23:59"),
            ],
        ),
    ]
}

/// Ids that are not the caller's to use: another tenant's, of the wrong type, or broken.
fn ids(other: &TenantFixtures) -> Vec<Class> {
    let mut foreign: Vec<GValue> = other.cases.iter().take(2).map(|c| s(c.0.clone())).collect();
    foreign.extend(other.contacts.iter().take(1).map(|c| s(c.clone())));
    foreign.extend(other.callbacks.iter().take(1).map(|c| s(c.0.clone())));
    foreign.extend(other.subscriptions.iter().take(1).map(|c| s(c.clone())));
    foreign.push(s(other.tenant_id.clone()));
    let key = other
        .cases
        .first()
        .and_then(|c| super::global_key(&c.0))
        .unwrap_or_default();
    let uuid = key.split('/').nth(1).unwrap_or("0").to_owned();
    vec![
        ("id of another tenant", foreign),
        (
            "id of the wrong type",
            vec![
                s(global_id("Product", &key)),
                s(global_id("Tenant", "enschede")),
                s(global_id("ContactMoment", &uuid)),
                s(global_id("Case", &format!("enschede/{uuid}"))),
            ],
        ),
        (
            "id malformed",
            vec![
                s(""),
                s("!!!"),
                s(URL_SAFE_NO_PAD.encode("nocolon")),
                s(global_id("Case", "enschede/not-a-uuid")),
                s(global_id("Case", "../../etc/passwd")),
                s(global_id(
                    "Case",
                    &format!("enschede/{}", "9".repeat(1_000)),
                )),
                s(global_id("Case", ":")),
            ],
        ),
        ("id huge", vec![s("Q".repeat(10_000))]),
        ("id as a number", vec![GValue::Int(12_345_678_901_234)]),
    ]
}

/// Values of another tenant that a plausible-looking string input could carry.
fn foreign_strings(name: &str, other: &TenantFixtures) -> Vec<Class> {
    let values: Vec<GValue> = match name.to_ascii_lowercase().as_str() {
        "bsn" | "subject" => other.bsns.iter().take(2).map(|b| s(b.clone())).collect(),
        "reference" | "casereference" => {
            other.cases.iter().take(2).map(|c| s(c.1.clone())).collect()
        }
        "municipalitycode" => vec![s(other.municipality_code.clone())],
        "team" => other.teams.iter().take(1).map(|t| s(t.clone())).collect(),
        "objectid" => other
            .valuation_objects
            .iter()
            .take(1)
            .map(|t| s(t.clone()))
            .collect(),
        "addressid" => other
            .address_ids
            .iter()
            .take(1)
            .map(|t| s(t.clone()))
            .collect(),
        _ => Vec::new(),
    };
    if values.is_empty() {
        Vec::new()
    } else {
        vec![("value of another tenant", values)]
    }
}

/// Every hostile class for an input named `name` of scalar type `base`; `enum_values` for
/// enums; `other` is another tenant's fixtures to forge with.
pub fn classes(
    base: &str,
    name: &str,
    enum_values: Option<&[String]>,
    other: &TenantFixtures,
) -> Vec<Class> {
    if let Some(values) = enum_values {
        let first = values.first().cloned().unwrap_or_default();
        return vec![
            (
                "enum unknown value",
                vec![
                    GValue::Enum("NOT_A_VALUE".into()),
                    GValue::Enum(first.to_lowercase()),
                ],
            ),
            ("enum as a string", vec![s(first)]),
            ("enum ill-typed", vec![GValue::Int(0)]),
        ];
    }
    match base {
        "Int" => ints(),
        "Float" => vec![(
            "float huge",
            vec![
                GValue::Float("1e308".into()),
                GValue::Float("-1e400".into()),
            ],
        )],
        "Boolean" => vec![("boolean ill-typed", vec![s("true"), GValue::Int(1)])],
        "NaiveDate" => dates(),
        "DateTime" => date_times(),
        "ID" => {
            let mut all = ids(other);
            all.extend(
                strings()
                    .into_iter()
                    .filter(|(c, _)| *c != "string ill-typed"),
            );
            all
        }
        _ if name == "after" => {
            let mut all = cursors();
            all.extend(strings());
            all
        }
        _ => {
            let mut all = strings();
            all.extend(foreign_strings(name, other));
            all
        }
    }
}
