//! The contact centre's service report at scale on PostgreSQL: `serviceReport` for one year
//! beside the year before, through the gateway, next to a baseline that runs the report's own
//! SQL (per period the grouped contacts query and the callbacks query in one tenant
//! transaction, the case-deadline query in another) directly against the same database in the
//! same run with the same concurrency. Then what the design costs on writes: contact moments
//! inserted one per transaction into `contact_moments` with its indexes (the covering period
//! index among them) beside the same inserts into a copy of the table with its primary key
//! only, and the size of the covering index beside the table's. The plans of the queries are
//! printed.
//!
//! The comparison of municipalities is measured on the same data: computing 2026 for every
//! taking-part tenant (the daily run's work for a year) beside, in the same run, each
//! participant's `serviceReport` one after another, and beside the report's own statements for
//! 2026 alone per participant.
//!
//! Contact moments are seeded set-based (`INSERT ... SELECT ... FROM generate_series`) over the
//! six demo tenants, four in ten in Enschede (the tenant measured), from 1 January 2025 to
//! today: weighted channels, about forty topics (catalogue products under their product names
//! and free topics), waits for phone and chat, response times in working days for e-mail and
//! web forms, three in four resolved in the first contact, and callbacks for about one in five
//! of the others, some late, some still open. Cases are seeded like `cases_scale` (without
//! their events, which the report does not read): decided ones closed over the last three
//! years, some after their deadline.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench service_report`.
//! Settings: `BENCH_CONTACTS` in all (default 100,000; 1,000,000 for the full run),
//! `BENCH_CASES` in all (default 100,000; 1,000,000 for the full run), `BENCH_PERSONS` per
//! municipality whom cases are about (default 1,000), `BENCH_SECONDS` per scenario (default
//! 10), `BENCH_CONCURRENCY` (default 8). Needs PostgreSQL (see the test harness); seeding runs
//! as the harness's user, a superuser, which row-level security does not bind, while every
//! baseline statement runs as the application role confined to one tenant.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use loket_tests::bench::{env_number, pg, tenant_tx, token};
use std::{sync::Arc, time::Instant};

use chrono::{DateTime, NaiveDate, Utc};
use loket_kernel::{TenantId, calendar::Calendar, config::load_dir};
use loket_store::{Db, testing::TestDb};
use loket_tests::{
    Loket,
    load::{Figures, HEADER, measure, row},
};
use sea_orm::{ConnectionTrait, DbErr, TransactionTrait, Value, prelude::Uuid};
use serde_json::json;

/// The demo tenants with their CBS municipality codes.
const TENANTS: [(&str, &str); 6] = [
    ("dordrecht", "0505"),
    ("enschede", "0153"),
    ("haarlem", "0392"),
    ("heemskerk", "0396"),
    ("papendrecht", "0590"),
    ("zwijndrecht", "0642"),
];

/// The tenant whose report is measured, and its share of the contacts.
const MEASURED: &str = "enschede";
const MEASURED_SHARE: f64 = 0.4;

/// Contact topics, most asked first: a catalogue product (by code, shown under the tenant's
/// product name) or a free topic (stored lowercased, shown as typed).
#[rustfmt::skip]
const TOPICS: [(&str, bool); 40] = [
    ("paspoort", true), ("Openingstijden", false), ("afvalcontainer", true), ("verhuizing", true),
    ("identiteitskaart", true), ("Afspraak maken", false), ("rijbewijs", true), ("grofvuil", true),
    ("belastingen-betalen", true), ("Status van mijn aanvraag", false), ("parkeervergunning", true),
    ("melding-openbare-ruimte", true), ("kwijtschelding", true), ("Afspraak verzetten", false),
    ("woz-waarde", true), ("uittreksel-brp", true), ("omgevingsvergunning", true),
    ("Ophaaldagen afval", false), ("bijstandsuitkering", true), ("wmo", true),
    ("Inloggen met DigiD", false), ("bezoekersparkeren", true), ("aangifte-geboorte", true),
    ("afvalstoffenheffing", true), ("Doorverbinden", false), ("aangifte-overlijden", true),
    ("huwelijk-partnerschap", true), ("bezwaar-woz", true), ("Wegwerkzaamheden", false),
    ("hondenbelasting", true), ("schuldhulpverlening", true), ("vog", true),
    ("Storing website", false), ("kapvergunning", true), ("evenementenvergunning", true),
    ("gehandicaptenparkeerkaart", true), ("Adres stadskantoor", false), ("gevonden-voorwerpen", true),
    ("Energietoeslag", false), ("Parkeren in de binnenstad", false),
];

/// Seeds the contact moments and callbacks as the connecting superuser, in one transaction.
/// `h(key, salt)` is a deterministic draw in [0, 1), `v7` a UUIDv7 for a moment. A contact
/// gets a tenant (the measured one by its share, the others evenly), a working-hours moment
/// on a day from 1 January 2025 to today, a channel by weight (phone 45 %, e-mail 20 %,
/// counter 15 %, web form 10 %, chat 6 %, letter 2 %, social media 2 %), a topic with a
/// skewed popularity, a wait (phone, chat: 0 to 2 minutes, most short, a little longer in
/// 2025) or a response time (e-mail, web form: 0 to 6 working days), a handling time, a
/// resident three times in five and an idempotency key four times in five, as the front
/// office's form sends one. About one in five contacts not resolved in the first contact gets
/// a callback with a deadline two working days on; most are made, some late, the newest open.
const CONTACT_SQL: &str = r"
CREATE FUNCTION pg_temp.h(bigint, int) RETURNS float8 LANGUAGE sql IMMUTABLE
  AS $$ SELECT (hashint8extended($1, $2) & 1048575)::float8 / 1048576 $$;
CREATE FUNCTION pg_temp.v7(timestamptz, text) RETURNS uuid LANGUAGE sql IMMUTABLE
  AS $$ SELECT (lpad(to_hex((extract(epoch FROM $1) * 1000)::bigint), 12, '0') || '7'
       || substr(md5($2), 1, 3) || '8' || substr(md5($2), 4, 15))::uuid $$;
CREATE TEMP TABLE bench_topics (tenant text, i int, topic text, label text);
INSERT INTO bench_topics VALUES {topics};
CREATE TEMP TABLE bench_teams (tenant text, teams text[]);
INSERT INTO bench_teams VALUES {teams};
INSERT INTO contact_moments (tenant_id, id, channel, subject_bsn, topic, topic_label, question, answer,
  resolved_first_contact, received_at, answered_at, wait_seconds, response_working_days, handling_seconds,
  employee, case_reference, idempotency_key, registered_at)
WITH a AS (
  SELECT g, CASE WHEN pg_temp.h(g, 1) < {share} THEN '{measured}'
      ELSE ({others})[1 + floor((pg_temp.h(g, 1) - {share}) / (1 - {share}) * {other_count})::int] END AS tenant,
    ((date '2025-01-01' + floor(pg_temp.h(g, 2) * (least(current_date + 1, date '2027-01-01') - date '2025-01-01'))::int)
      + time '08:00' + pg_temp.h(g, 3) * interval '9 hours') AT TIME ZONE 'Europe/Amsterdam' AS received_at,
    pg_temp.h(g, 4) AS c, floor(power(pg_temp.h(g, 5), 2.2) * {topic_count})::int AS ti
  FROM generate_series(0, {n} - 1) g
), b AS (
  SELECT a.*, CASE WHEN c < 0.45 THEN 'phone' WHEN c < 0.65 THEN 'email' WHEN c < 0.80 THEN 'counter'
      WHEN c < 0.90 THEN 'web-form' WHEN c < 0.96 THEN 'chat' WHEN c < 0.98 THEN 'letter' ELSE 'social-media' END AS channel,
    received_at >= timestamptz '2026-01-01 00:00 Europe/Amsterdam' AS recent
  FROM a
), d AS (
  SELECT b.*, t.topic, t.label,
    CASE WHEN channel IN ('phone', 'chat') THEN floor(power(pg_temp.h(g, 6), 4) * CASE WHEN recent THEN 121 ELSE 150 END)::int END AS wait,
    CASE WHEN channel IN ('email', 'web-form') THEN least(floor(power(pg_temp.h(g, 7), 2) * CASE WHEN recent THEN 7 ELSE 8 END)::int, 6) END AS days,
    CASE WHEN channel IN ('phone', 'chat', 'counter') THEN 60 + floor(power(pg_temp.h(g, 8), 2) * 1200)::int
      ELSE 120 + floor(pg_temp.h(g, 8) * 900)::int END AS handling
  FROM b JOIN bench_topics t ON t.tenant = b.tenant AND t.i = b.ti
)
SELECT tenant, pg_temp.v7(received_at, tenant || g), channel,
  CASE WHEN pg_temp.h(g, 9) < 0.6 THEN '9' || lpad(floor(pg_temp.h(g, 10) * 100000000)::bigint::text, 8, '0') END,
  topic, label,
  'Vraag over ' || lower(label) || ': ' || (ARRAY['wat moet ik meenemen en wat kost het?',
    'hoe lang duurt het voordat ik bericht krijg?', 'kan ik dit online regelen of moet ik langskomen?',
    'ik heb een brief gekregen en begrijp die niet.', 'wat is de stand van zaken?'])[1 + g % 5],
  (ARRAY['Uitgelegd welke stukken nodig zijn en verwezen naar de website.',
    'Stand van zaken opgezocht en de verwachte afhandeltermijn genoemd.',
    'Afspraak ingepland bij de balie in het stadskantoor.',
    'Doorverwezen naar het team dat hierover gaat.', 'Brief toegelicht en de bezwaartermijn uitgelegd.'])[1 + (g / 5) % 5],
  pg_temp.h(g, 11) < CASE WHEN recent THEN 0.77 ELSE 0.73 END,
  received_at,
  received_at + CASE WHEN wait IS NOT NULL THEN wait * interval '1 second'
    WHEN days IS NOT NULL THEN (days * 1.4 + 0.2) * interval '1 day' ELSE handling * interval '1 second' END,
  wait, days, handling, 'medewerker-' || g % 60,
  CASE WHEN pg_temp.h(g, 12) < 0.03 THEN upper(left(tenant, 3)) || '-' || extract(year FROM received_at) || '-'
    || lpad((1 + g % 20000)::text, 6, '0') END,
  CASE WHEN pg_temp.h(g, 13) < 0.8 THEN 'ui-' || md5(tenant || g) END,
  received_at + CASE WHEN days IS NOT NULL THEN (days * 1.4 + 0.2) * interval '1 day' ELSE interval '0 s' END
    + (coalesce(wait, 0) + handling + 60) * interval '1 second'
FROM d ORDER BY received_at;
INSERT INTO callbacks (tenant_id, id, contact_id, team, subject_bsn, phone, question, requested_at, requested_by,
  deadline, completed_at, completed_by, result, in_time, version)
WITH m AS (
  SELECT m.tenant_id, m.id, m.subject_bsn, m.question, m.employee, m.registered_at AS requested_at,
    hashtext(m.id::text)::bigint AS k, (m.registered_at AT TIME ZONE 'Europe/Amsterdam')::date AS day
  FROM contact_moments m
  WHERE NOT m.resolved_first_contact AND m.channel IN ('phone', 'counter', 'email', 'chat', 'web-form')
    AND pg_temp.h(hashtext(m.id::text), 14) < 0.22
), c AS (
  SELECT m.*, day + CASE extract(isodow FROM day) WHEN 4 THEN 4 WHEN 5 THEN 4 WHEN 6 THEN 3 ELSE 2 END AS deadline,
    CASE WHEN pg_temp.h(k, 15) < 0.97 THEN requested_at + power(pg_temp.h(k, 16), 2) * interval '5 days' END AS done
  FROM m
)
SELECT c.tenant_id, pg_temp.v7(requested_at, 'cb' || c.id), c.id,
  t.teams[1 + floor(pg_temp.h(k, 17) * cardinality(t.teams))::int],
  subject_bsn, '06' || lpad((abs(k) % 100000000)::text, 8, '0'), question, requested_at, employee, deadline,
  CASE WHEN done <= now() THEN done END,
  CASE WHEN done <= now() THEN 'medewerker-' || abs(k) % 60 END,
  CASE WHEN done <= now() THEN 'Teruggebeld en de vraag beantwoord.' END,
  CASE WHEN done <= now() THEN (done AT TIME ZONE 'Europe/Amsterdam')::date <= deadline END,
  CASE WHEN done <= now() THEN 2 ELSE 1 END
FROM c JOIN bench_teams t ON t.tenant = c.tenant_id ORDER BY requested_at;
DROP TABLE bench_topics, bench_teams;
DROP FUNCTION pg_temp.h(bigint, int), pg_temp.v7(timestamptz, text);
";

/// `'text'` as an SQL literal.
fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Runs [`CONTACT_SQL`] for `contacts` contact moments, with each tenant's product names and
/// callback teams from the tenants folder.
async fn seed_contacts(db: &Db, contacts: u64) {
    let tenants = load_dir(&loket_tests::tenants_dir()).unwrap();
    let catalogs = loket_catalog::load(&tenants).unwrap();
    let (mut topics, mut teams) = (Vec::new(), Vec::new());
    for (tenant, _) in TENANTS {
        let id = TenantId::new(tenant).unwrap();
        let products = &catalogs.tenants[&id].products;
        for (i, (topic, product)) in TOPICS.iter().enumerate() {
            let (code, label) = if *product {
                let name = products.get(*topic).map(|p| p.name.as_str());
                (topic.to_string(), name.unwrap_or(topic))
            } else {
                (topic.to_lowercase(), *topic)
            };
            let row = format!("('{tenant}', {i}, {}, {})", quote(&code), quote(label));
            topics.push(row);
        }
        let names = tenants.tenants[&id].contact_centre.callback_teams.join(",");
        teams.push(format!(
            "('{tenant}', string_to_array({}, ','))",
            quote(&names)
        ));
    }
    let others: Vec<String> = TENANTS
        .iter()
        .filter(|t| t.0 != MEASURED)
        .map(|t| quote(t.0))
        .collect();
    let sql = CONTACT_SQL
        .replace("{topics}", &topics.join(", "))
        .replace("{teams}", &teams.join(", "))
        .replace("{share}", &MEASURED_SHARE.to_string())
        .replace("{measured}", MEASURED)
        .replace("{others}", &format!("ARRAY[{}]", others.join(", ")))
        .replace("{other_count}", &others.len().to_string())
        .replace("{topic_count}", &TOPICS.len().to_string())
        .replace("{n}", &contacts.to_string());
    let tx = db.raw().begin().await.unwrap();
    tx.execute_unprepared(&sql).await.unwrap();
    tx.commit().await.unwrap();
}

/// The template case types (tenants/_default/case_types.toml): code, share of the requests,
/// handling days, statuses in order (the last ends the case), outcomes (most common first).
#[rustfmt::skip]
const TYPES: [(&str, u32, u32, &str, &str); 9] = [
    ("moving-house", 30, 5, "received,checking,registered", "registered,refused"),
    ("travel-document", 28, 6, "applied,in-production,ready-for-collection,handed-over", "issued,refused,not-collected"),
    ("valuation-objection", 10, 42, "received,re-assessment,hearing,decided", "rejected,partly-upheld,upheld,inadmissible,withdrawn"),
    ("building-permit", 10, 56, "received,in-review,awaiting-information,advice-requested,decided", "granted,granted-with-conditions,refused,not-considered,withdrawn"),
    ("driveway-permit", 5, 56, "received,in-review,site-visit,decided", "granted,refused,withdrawn"),
    ("disabled-parking-card", 6, 56, "received,medical-assessment,in-review,card-in-production,decided", "granted,refused,withdrawn"),
    ("event-permit", 5, 56, "received,in-review,emergency-services-advice,decided", "granted,refused,withdrawn"),
    ("alien-registration", 4, 28, "received,appointment,ind-check,registered", "registered,refused,withdrawn"),
    ("terrace-permit", 2, 56, "received,in-review,decided", "granted,refused"),
];

/// A tenant's case types as its folder makes them, as SQL rows (tenant, code, share, handling
/// days, handling tenant, statuses, outcomes): Enschede's own terrace permit and longer event
/// permits, Haarlem's faster driveways, and the Drechtsteden alien registrations that Dordrecht
/// handles.
fn types_of(tenant: &'static str) -> Vec<String> {
    let own = TYPES
        .iter()
        .filter(|t| t.0 != "terrace-permit" || tenant == "enschede");
    own.map(|&(code, share, days, statuses, outcomes)| {
        let days = match (tenant, code) {
            ("enschede", "event-permit") => 70,
            ("haarlem", "driveway-permit") => 28,
            _ => days,
        };
        let host = match (tenant, code) {
            ("zwijndrecht" | "papendrecht", "alien-registration") => "dordrecht",
            _ => tenant,
        };
        format!(
            "('{tenant}', '{code}', {share}, {days}, '{host}', string_to_array('{statuses}', ','), string_to_array('{outcomes}', ','))"
        )
    })
    .collect()
}

/// Seeds the cases as `cases_scale` does, without their events: each case gets a type by
/// share; a state: open with a chance growing with the handling period, else decided; a
/// moment: decided ones up to three years ago (closed 0.3 to 1.2 handling periods later, so
/// about one in five after the deadline unless suspended or extended), open ones up to 1.4
/// handling periods ago; and a resident with their address. Two consecutive requests in the
/// same state share a bundle three times in ten. References count per tenant and year, and
/// the counters continue after them.
const CASES_SQL: &str = r"
CREATE FUNCTION pg_temp.h(bigint, int) RETURNS float8 LANGUAGE sql IMMUTABLE
  AS $$ SELECT (hashint8extended($1, $2) & 1048575)::float8 / 1048576 $$;
CREATE FUNCTION pg_temp.v7(timestamptz, text) RETURNS uuid LANGUAGE sql IMMUTABLE
  AS $$ SELECT (lpad(to_hex((extract(epoch FROM $1) * 1000)::bigint), 12, '0') || '7'
       || substr(md5($2), 1, 3) || '8' || substr(md5($2), 4, 15))::uuid $$;
CREATE TEMP TABLE bench_tenants (tenant text, i int, code text, prefix text);
INSERT INTO bench_tenants VALUES {tenants};
CREATE TEMP TABLE bench_mix (tenant text, code text, share int, handling int, handled_by text,
  statuses text[], outcomes text[]);
INSERT INTO bench_mix VALUES {types};
CREATE TEMP TABLE bench_types AS SELECT *, cardinality(statuses) - 1 AS steps,
  (sum(share) OVER (PARTITION BY tenant ORDER BY code) - share)::float8 / sum(share) OVER (PARTITION BY tenant) AS lo,
  sum(share) OVER (PARTITION BY tenant ORDER BY code)::float8 / sum(share) OVER (PARTITION BY tenant) AS hi
  FROM bench_mix;
CREATE TEMP TABLE bench_people AS
  SELECT t.tenant, row_number() OVER (PARTITION BY t.tenant ORDER BY p.bsn) - 1 AS n,
    p.bsn, p.address_id,
    a.street || ' ' || a.house_number || a.letter || CASE WHEN a.addition <> '' THEN '-' || a.addition ELSE '' END
      || ', ' || left(a.postcode, 4) || ' ' || substr(a.postcode, 5) || ' ' || a.city AS label
  FROM persons p JOIN bench_tenants t ON t.code = p.municipality_code LEFT JOIN addresses a ON a.id = p.address_id;
CREATE TEMP TABLE bench_one AS
  SELECT t.tenant, t.i, t.prefix, g / 6 AS k, (g / 6) * 8 + t.i AS key, y.code AS case_type,
    y.handling, y.handled_by, y.statuses, y.outcomes, y.steps,
    pg_temp.h((g / 6) * 8 + t.i, 4) < 0.04 + y.handling / 300.0 AS open
  FROM generate_series(0, {n} - 1) g JOIN bench_tenants t ON t.i = g % 6
  JOIN bench_types y ON y.tenant = t.tenant
    AND pg_temp.h((g / 6) * 8 + t.i, 3) >= y.lo AND pg_temp.h((g / 6) * 8 + t.i, 3) < y.hi;
CREATE TEMP TABLE bench_two AS
  SELECT o.*, CASE WHEN k % 2 = 1 AND pg_temp.h(key, 1) < 0.3 AND lag(open) OVER w = open THEN k - 1 ELSE k END AS bk,
    now() - CASE WHEN open THEN pg_temp.h(key, 5) * handling * 1.4
      ELSE handling * 1.2 + pg_temp.h(key, 5) * 1000 END * interval '1 day' AS created0
  FROM bench_one o WINDOW w AS (PARTITION BY tenant ORDER BY k);
CREATE TEMP TABLE bench_cases AS
WITH b AS (
  SELECT s.*, first_value(created0) OVER (PARTITION BY s.tenant, s.bk ORDER BY s.k) AS created_at,
    floor(pg_temp.h(s.bk * 8 + s.i, 2) * z.people)::bigint AS pn
  FROM bench_two s JOIN (SELECT tenant, count(*) AS people FROM bench_people GROUP BY tenant) z USING (tenant)
), c AS (
  SELECT b.*, p.bsn, p.address_id, p.label, 1 + floor(pg_temp.h(key, 6) * steps)::int AS reached,
    CASE WHEN handling >= 28 AND case_type <> 'terrace-permit' AND pg_temp.h(key, 8) < 0.1 THEN 14 ELSE 0 END AS suspended,
    CASE WHEN handling >= 28 AND pg_temp.h(key, 9) < 0.05 THEN 28 ELSE 0 END AS extended,
    CASE WHEN case_type = 'travel-document' THEN 'counter' WHEN pg_temp.h(key, 12) < 0.8 THEN 'online'
      WHEN pg_temp.h(key, 12) < 0.9 THEN 'counter' WHEN pg_temp.h(key, 12) < 0.95 THEN 'phone' ELSE 'letter' END AS channel,
    least(created_at + handling * (0.3 + 0.9 * pg_temp.h(key, 10)) * interval '1 day', now() - interval '1 hour') AS decided_at
  FROM b JOIN bench_people p ON p.tenant = b.tenant AND p.n = b.pn
)
SELECT c.*, pg_temp.v7(created_at, tenant || key) AS id, pg_temp.v7(created_at, 'b' || tenant || bk) AS bundle_id,
  CASE WHEN open THEN statuses[reached] ELSE statuses[steps + 1] END AS status,
  CASE WHEN open THEN created_at + (now() - created_at) * ((reached - 1)::float8 / steps) ELSE decided_at END AS status_since,
  created_at::date + handling + suspended + extended AS deadline,
  CASE WHEN open AND pg_temp.h(key, 11) < 0.7 THEN 'medewerker-' || key % 40 END AS handler,
  CASE WHEN NOT open THEN outcomes[1 + floor(power(pg_temp.h(key, 7), 2) * cardinality(outcomes))::int] END AS outcome,
  CASE WHEN channel = 'online' THEN 'citizen-' || tenant ELSE 'medewerker-' || key % 40 END AS created_by,
  row_number() OVER (PARTITION BY tenant, extract(year FROM created_at) ORDER BY created_at, key) AS number
FROM c;
INSERT INTO case_bundles (tenant_id, id, subject_bsn, requested_by, idempotency_key, fingerprint, channel, created_at)
  SELECT DISTINCT ON (tenant, bundle_id) tenant, bundle_id, bsn,
    CASE WHEN channel = 'online' THEN 'citizen:' || bsn ELSE 'employee:' || created_by END, NULL,
    bsn || '|' || case_type || '|' || coalesce(address_id, '') || '|', channel, created_at
  FROM bench_cases ORDER BY tenant, bundle_id, key;
INSERT INTO cases (tenant_id, id, reference, case_type, handling_tenant, bundle_id, subject_bsn, address_id,
  location, description, channel, status, status_since, handling_days, suspended_days, extended_days, deadline,
  handler, outcome, decision_explanation, decided_by, decided_at, closed_at, created_at, created_by, version)
  SELECT tenant, id, prefix || '-' || extract(year FROM created_at) || '-'
      || CASE WHEN number < 1000000 THEN lpad(number::text, 6, '0') ELSE number::text END,
    case_type, handled_by, bundle_id, bsn, address_id, label, NULL, channel, status, status_since, handling,
    suspended, extended, deadline, handler, outcome,
    CASE WHEN NOT open THEN 'Zie de brief met het besluit in uw berichtenbox.' END,
    CASE WHEN NOT open THEN 'medewerker-' || key % 40 END,
    CASE WHEN NOT open THEN decided_at END, CASE WHEN NOT open THEN decided_at END,
    created_at, created_by, reached + 1
  FROM bench_cases ORDER BY created_at;
INSERT INTO case_counters (tenant_id, year, last)
  SELECT tenant, extract(year FROM created_at)::int, max(number) FROM bench_cases GROUP BY 1, 2;
DROP TABLE bench_tenants, bench_mix, bench_types, bench_people, bench_one, bench_two, bench_cases;
DROP FUNCTION pg_temp.h(bigint, int), pg_temp.v7(timestamptz, text);
";

/// Runs [`CASES_SQL`] for `cases` cases over the tenants and their case types.
async fn seed_cases(db: &Db, cases: u64) {
    let tenants: Vec<String> = TENANTS
        .iter()
        .enumerate()
        .map(|(i, (t, code))| format!("('{t}', {i}, '{code}', '{}')", t[..3].to_uppercase()))
        .collect();
    let types: Vec<String> = TENANTS.iter().flat_map(|(t, _)| types_of(t)).collect();
    let sql = CASES_SQL
        .replace("{tenants}", &tenants.join(", "))
        .replace("{types}", &types.join(", "))
        .replace("{n}", &cases.to_string());
    let tx = db.raw().begin().await.unwrap();
    tx.execute_unprepared(&sql).await.unwrap();
    tx.commit().await.unwrap();
}

/// The copy of `contact_moments` the write cost is measured against: the same columns,
/// defaults, rows, grants and row-level security, with the primary key as its only index.
const BARE_TABLE: &str = "
CREATE TABLE bench_moments_bare (LIKE contact_moments INCLUDING DEFAULTS);
ALTER TABLE bench_moments_bare ADD PRIMARY KEY (tenant_id, id);
INSERT INTO bench_moments_bare SELECT * FROM contact_moments ORDER BY received_at;
GRANT SELECT, INSERT, UPDATE, DELETE ON bench_moments_bare TO loket_app;
ALTER TABLE bench_moments_bare ENABLE ROW LEVEL SECURITY;
ALTER TABLE bench_moments_bare FORCE ROW LEVEL SECURITY;
CREATE POLICY bench_moments_bare_tenant_isolation ON bench_moments_bare
    USING (tenant_id = current_setting('loket.tenant', true))
    WITH CHECK (tenant_id = current_setting('loket.tenant', true));
";

/// Contacts per channel and topic, with the sums the norms need (the contact service's
/// statement, services/contact/src/report/figures.rs).
const CONTACTS: &str = "SELECT channel, topic, CAST(COUNT(*) AS BIGINT) AS contacts, \
    CAST(SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END) AS BIGINT) AS resolved, \
    CAST(SUM(CASE WHEN wait_seconds IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS waited, \
    CAST(SUM(CASE WHEN wait_seconds <= $4 THEN 1 ELSE 0 END) AS BIGINT) AS waited_in_norm, \
    CAST(SUM(CASE WHEN response_working_days IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS responded, \
    CAST(SUM(CASE WHEN response_working_days <= $5 THEN 1 ELSE 0 END) AS BIGINT) AS responded_in_norm \
    FROM contact_moments WHERE tenant_id = $1 AND received_at >= $2 AND received_at < $3 \
    GROUP BY channel, topic";

/// Callbacks requested in the period (the same file).
const CALLBACKS: &str = "SELECT CAST(COUNT(*) AS BIGINT) AS requested, \
    CAST(SUM(CASE WHEN in_time THEN 1 ELSE 0 END) AS BIGINT) AS in_time, \
    CAST(SUM(CASE WHEN in_time IS NULL AND deadline >= $4 THEN 1 ELSE 0 END) AS BIGINT) AS pending \
    FROM callbacks WHERE tenant_id = $1 AND requested_at >= $2 AND requested_at < $3";

/// Closed cases per type and how many by their deadline (the case service's PostgreSQL
/// statement, services/cases/src/service/book.rs).
const DEADLINES: &str = "SELECT case_type, CAST(COUNT(*) AS BIGINT) AS closed, \
    CAST(SUM(CASE WHEN CAST(closed_at AT TIME ZONE 'UTC' AS DATE) <= deadline \
    THEN 1 ELSE 0 END) AS BIGINT) AS on_time FROM cases WHERE tenant_id = $1 \
    AND closed_at >= $2 AND closed_at < $3 GROUP BY case_type";

/// A period as the report bounds it: from the first day's midnight in the Netherlands up to
/// the midnight after the last day.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

impl Bounds {
    fn of(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            start: Calendar::start_of(from),
            end: Calendar::start_of(to.succ_opt().unwrap()),
        }
    }
}

/// The measured tenant's norms the statements take: phone seconds and e-mail working days.
#[derive(Debug, Clone, Copy)]
struct Norms {
    phone_seconds: i64,
    email_days: i64,
}

/// What one period's statements found: contacts, callbacks, closed cases.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Totals {
    contacts: i64,
    callbacks: i64,
    closed: i64,
}

/// The report's SQL for one period, as the service runs it: the contacts and the callbacks in
/// one tenant transaction, the case deadlines in another.
async fn period_sql(db: &Db, tenant: &str, p: Bounds, norms: Norms) -> Result<Totals, DbErr> {
    let today = Calendar::local_date(Utc::now());
    let bounds = || -> Vec<Value> { vec![tenant.into(), p.start.into(), p.end.into()] };
    let tx = tenant_tx(db, tenant).await?;
    let mut values = bounds();
    values.extend([norms.phone_seconds.into(), norms.email_days.into()]);
    let contacts = tx.query_all_raw(pg(CONTACTS, values)).await?;
    let mut values = bounds();
    values.push(today.into());
    let callbacks = tx.query_one_raw(pg(CALLBACKS, values)).await?;
    tx.commit().await?;
    let tx = tenant_tx(db, tenant).await?;
    let deadlines = tx.query_all_raw(pg(DEADLINES, bounds())).await?;
    tx.commit().await?;
    let mut totals = Totals::default();
    for r in &contacts {
        totals.contacts += r.try_get::<i64>("", "contacts")?;
    }
    if let Some(r) = callbacks {
        totals.callbacks = r.try_get::<i64>("", "requested")?;
    }
    for r in &deadlines {
        totals.closed += r.try_get::<i64>("", "closed")?;
    }
    Ok(totals)
}

/// The whole report's SQL: the period, then the comparison period.
async fn report_sql(
    db: &Db,
    tenant: &str,
    periods: [Bounds; 2],
    norms: Norms,
) -> Result<[Totals; 2], DbErr> {
    let current = period_sql(db, tenant, periods[0], norms).await?;
    let previous = period_sql(db, tenant, periods[1], norms).await?;
    Ok([current, previous])
}

/// `EXPLAIN (ANALYZE, BUFFERS)` of a statement, as the application role.
async fn explain(db: &Db, tenant: &str, sql: &str, values: Vec<Value>) -> String {
    let tx = tenant_tx(db, tenant).await.unwrap();
    let sql = format!("EXPLAIN (ANALYZE, BUFFERS) {sql}");
    let rows = tx.query_all_raw(pg(&sql, values)).await.unwrap();
    tx.rollback().await.unwrap();
    let lines: Vec<String> = rows
        .iter()
        .map(|r| r.try_get_by_index(0).unwrap())
        .collect();
    lines.join("\n")
}

/// One `registerContact` as the service writes it: a full row, one insert in a tenant
/// transaction. `table` is `contact_moments` or its copy with the primary key only.
fn insert_sql(table: &str) -> String {
    format!(
        "INSERT INTO {table} (tenant_id, id, channel, subject_bsn, topic, topic_label, question, answer, \
         resolved_first_contact, received_at, answered_at, wait_seconds, response_working_days, handling_seconds, \
         employee, case_reference, idempotency_key, registered_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
         ON CONFLICT DO NOTHING"
    )
}

/// A registration: channel, topic, label, wait seconds, response working days.
type Registration = (
    &'static str,
    &'static str,
    &'static str,
    Option<i32>,
    Option<i32>,
);

/// What the front office registers, in turn.
#[rustfmt::skip]
const REGISTERED: [Registration; 4] = [
    ("phone", "paspoort", "Paspoort", Some(14), None),
    ("email", "afvalcontainer", "Afvalcontainer", None, Some(1)),
    ("counter", "openingstijden", "Openingstijden", None, None),
    ("phone", "verhuizing", "Verhuizing", Some(32), None),
];

/// Registers the `i`-th contact moment into `sql`'s table.
async fn insert_moment(db: &Db, sql: &str, i: usize) -> Result<(), DbErr> {
    let (channel, topic, label, wait, days) = REGISTERED[i % REGISTERED.len()];
    let now = Utc::now();
    let received = now - chrono::Duration::minutes(6);
    let bsn = (i % 5 < 3).then(|| format!("9{:08}", (i * 7_919) % 100_000_000));
    let key = (i % 5 < 4).then(|| format!("ui-{}", Uuid::new_v4().simple()));
    #[rustfmt::skip]
    let values: Vec<Value> = vec![
        MEASURED.into(), Uuid::now_v7().into(), channel.into(), bsn.into(), topic.into(), label.into(),
        format!("Vraag over {}: wat moet ik meenemen en wat kost het?", label.to_lowercase()).into(),
        "Uitgelegd welke stukken nodig zijn en verwezen naar de website.".into(), (!i.is_multiple_of(4)).into(),
        received.into(), Some(received + chrono::Duration::seconds(30)).into(), wait.into(), days.into(),
        Some(240).into(), format!("medewerker-{}", i % 60).into(), None::<String>.into(), key.into(), now.into(),
    ];
    let tx = tenant_tx(db, MEASURED).await?;
    tx.execute_raw(pg(sql, values)).await?;
    tx.commit().await
}

/// GraphQL requests `request(i)` (token, query, variables); an error status or an `errors`
/// entry in the response is a failure.
async fn graphql<F>(
    loket: &Loket,
    seconds: u64,
    concurrency: usize,
    request: F,
) -> (Figures, Option<String>)
where
    F: Fn(usize) -> (String, &'static str, serde_json::Value) + Send + Sync + 'static,
{
    let (client, url) = (
        loket.client().clone(),
        Arc::new(format!("{}/graphql", loket.base)),
    );
    measure(seconds, concurrency, move |i| {
        let (token, query, variables) = request(i);
        let body = json!({ "query": query, "variables": variables }).to_string();
        let post = client
            .post(url.as_str())
            .header("content-type", "application/json");
        async move {
            let sent = post.bearer_auth(token).body(body).send();
            let r = sent.await.map_err(|e| e.to_string())?;
            let status = r.status();
            let text = r.text().await.unwrap_or_default();
            if status.is_success() && !text.contains("\"errors\"") {
                return Ok(());
            }
            Err(format!("{status} {text:.600}"))
        }
    })
    .await
}

/// The measured query: a year beside the year before.
const SERVICE_REPORT: &str = r#"{ serviceReport(period: {from: "2026-01-01", to: "2026-12-31"}, compareWith: {from: "2025-01-01", to: "2025-12-31"}) {
  current { contacts firstContactResolution { count total percentage } channels { channel contacts topics(first: 5) { topic label contacts } } norms { norm target compliance { count total percentage } pending achieved } caseDeadlines { caseType compliance { count total percentage } } }
  previous { contacts norms { norm compliance { percentage } } caseDeadlines { caseType compliance { percentage } } }
  changes { contacts firstContactResolutionPoints norms { norm points } caseDeadlines { caseType points } } } }"#;

const STATS: &str = "SELECT format('%s contact moments (%s in enschede: %s in 2025, %s in 2026), %s callbacks \
    (%s open, %s late); %s cases (%s closed in 2025, %s in 2026; %s of those after their deadline)', \
    (SELECT count(*) FROM contact_moments), \
    (SELECT count(*) FROM contact_moments WHERE tenant_id = 'enschede'), \
    (SELECT count(*) FROM contact_moments WHERE tenant_id = 'enschede' AND received_at < $2), \
    (SELECT count(*) FROM contact_moments WHERE tenant_id = 'enschede' AND received_at >= $2), \
    (SELECT count(*) FROM callbacks), (SELECT count(*) FROM callbacks WHERE completed_at IS NULL), \
    (SELECT count(*) FROM callbacks WHERE in_time = false), \
    count(*), count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $2), \
    count(*) FILTER (WHERE closed_at >= $2 AND closed_at < $3), \
    count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $3 AND CAST(closed_at AT TIME ZONE 'UTC' AS DATE) > deadline)) \
    FROM cases";

const SIZES: &str = "SELECT format('contact_moments %s in %s; its indexes: %s. Covering index %s = %s %% of the table \
    (all indexes %s). Copy with the primary key only: %s, primary key %s. cases %s, cases_closed %s', \
    (SELECT count(*) FROM contact_moments), pg_size_pretty(pg_relation_size('contact_moments')), \
    (SELECT string_agg(format('%s %s', indexrelid::regclass, pg_size_pretty(pg_relation_size(indexrelid))), ', ' \
      ORDER BY pg_relation_size(indexrelid) DESC) FROM pg_index WHERE indrelid = 'contact_moments'::regclass), \
    pg_size_pretty(pg_relation_size('contact_moments_period')), \
    round(100.0 * pg_relation_size('contact_moments_period') / pg_relation_size('contact_moments'), 1), \
    pg_size_pretty(pg_indexes_size('contact_moments')), pg_size_pretty(pg_relation_size('bench_moments_bare')), \
    pg_size_pretty(pg_indexes_size('bench_moments_bare')), pg_size_pretty(pg_relation_size('cases')), \
    pg_size_pretty(pg_relation_size('cases_closed')))";

/// A figure of the report's JSON, as text.
fn at(report: &serde_json::Value, path: &str) -> String {
    report.pointer(path).map_or("-".into(), ToString::to_string)
}

#[tokio::main]
async fn main() {
    let contacts = env_number("BENCH_CONTACTS", 100_000);
    let cases = env_number("BENCH_CASES", 100_000);
    let persons = env_number("BENCH_PERSONS", 1_000) as usize;
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = env_number("BENCH_CONCURRENCY", 8) as usize;
    let test_db = TestDb::postgres().await.expect("PostgreSQL");
    let db = Db::connect(test_db.url()).await.unwrap();
    let text = async |sql: &str, values: Vec<Value>| -> String {
        let row = db.raw().query_one_raw(pg(sql, values)).await.unwrap();
        row.unwrap().try_get_by_index(0).unwrap()
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let periods = [
        Bounds::of(day(2026, 1, 1), day(2026, 12, 31)),
        Bounds::of(day(2025, 1, 1), day(2025, 12, 31)),
    ];
    let config = load_dir(&loket_tests::tenants_dir()).unwrap();
    let configured = &config.tenants[&TenantId::new(MEASURED).unwrap()].service_norms;
    let norms = Norms {
        phone_seconds: i64::from(configured.phone_answer_seconds),
        email_days: i64::from(configured.email_answer_working_days),
    };

    let started = Instant::now();
    loket_registry::seed::seed(&db, &[], persons, 20_261_128)
        .await
        .unwrap();
    let residents_time = started.elapsed();
    let started = Instant::now();
    seed_cases(&db, cases).await;
    let cases_time = started.elapsed();
    let started = Instant::now();
    seed_contacts(&db, contacts).await;
    let contacts_time = started.elapsed();
    let started = Instant::now();
    db.raw().execute_unprepared(BARE_TABLE).await.unwrap();
    let bare_time = started.elapsed();
    let started = Instant::now();
    // As autovacuum leaves a table at rest: statistics and the visibility map, so the report's
    // aggregates can read their covering indexes alone.
    db.raw().execute_unprepared("VACUUM ANALYZE").await.unwrap();
    let analyze_time = started.elapsed();
    let years: Vec<Value> = vec![
        periods[1].start.into(),
        periods[0].start.into(),
        periods[0].end.into(),
    ];
    let stats = text(STATS, years).await;
    let sizes = text(SIZES, vec![]).await;
    let who = text("SELECT format('%s (superuser %s)', rolname, rolsuper) FROM pg_roles WHERE rolname = current_user", vec![]).await;

    let bounds = |p: Bounds| -> Vec<Value> { vec![MEASURED.into(), p.start.into(), p.end.into()] };
    let mut values = bounds(periods[0]);
    values.extend([norms.phone_seconds.into(), norms.email_days.into()]);
    let contacts_plan = explain(&db, MEASURED, CONTACTS, values).await;
    let mut values = bounds(periods[0]);
    values.push(Calendar::local_date(Utc::now()).into());
    let callbacks_plan = explain(&db, MEASURED, CALLBACKS, values).await;
    let deadlines_plan = explain(&db, MEASURED, DEADLINES, bounds(periods[0])).await;

    let env = [("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "0")];
    let loket = Loket::start_with(test_db, &loket_tests::tenants_dir(), &env).await;
    let manager = token(MEASURED, "manager", None).await;

    // One report read both ways, to show the data and that both count the same.
    let (status, body) = loket.graphql(Some(&manager), None, SERVICE_REPORT).await;
    let report = &body["data"]["serviceReport"];
    let totals = report_sql(&db, MEASURED, periods, norms).await.unwrap();
    let closed = |figures: &str| -> i64 {
        let types = report.pointer(figures).and_then(|v| v.as_array());
        types.map_or(0, |types| {
            let total = |t: &serde_json::Value| t["compliance"]["total"].as_i64().unwrap_or(0);
            types.iter().map(total).sum()
        })
    };
    let same = report["current"]["contacts"].as_i64() == Some(totals[0].contacts)
        && report["previous"]["contacts"].as_i64() == Some(totals[1].contacts)
        && closed("/current/caseDeadlines") == totals[0].closed;
    let sample_errors = body.get("errors").map(ToString::to_string);

    let m = manager.clone();
    let report_gql = move |_| (m.clone(), SERVICE_REPORT, json!({}));
    // Warm up the gateway's path and the buffers.
    graphql(&loket, 1, concurrency, report_gql.clone()).await;
    let d = db.clone();
    let report_base = measure(seconds, concurrency, move |_| {
        let db = d.clone();
        async move { report_sql(&db, MEASURED, periods, norms).await.map(|_| ()) }
    })
    .await;
    let report_via = graphql(&loket, seconds, concurrency, report_gql).await;

    // The cost on writes, last, so the reads above saw the seeded tables at rest.
    let inserts = |table: &str| {
        let (d, sql) = (db.clone(), Arc::new(insert_sql(table)));
        measure(seconds, concurrency, move |i| {
            let (db, sql) = (d.clone(), Arc::clone(&sql));
            async move { insert_moment(&db, &sql, i).await }
        })
    };
    let comparison = compare(&db, &loket, &config, norms_of(&config)).await;
    let bare = inserts("bench_moments_bare").await;
    let indexed = inserts("contact_moments").await;

    let secs = |d: std::time::Duration| d.as_secs_f64();
    println!("\nservice_report on PostgreSQL: {stats}");
    println!(
        "seeding as {who}: residents ({persons} per municipality) {:.1} s, cases {:.1} s, contacts and callbacks {:.1} s, \
         copy without the report's indexes {:.1} s, VACUUM ANALYZE {:.1} s",
        secs(residents_time),
        secs(cases_time),
        secs(contacts_time),
        secs(bare_time),
        secs(analyze_time)
    );
    let binary = loket_tests::binary();
    println!(
        "{seconds} s per scenario, {concurrency} concurrent clients, binary {}",
        binary.display()
    );
    println!(
        "report of {MEASURED} (phone norm {} s, e-mail norm {} working days), 2026 beside 2025: HTTP {status}; \
         contacts {} (2025: {}), first-contact resolution {} % (2025 to 2026: {} points), phone norm {} %, \
         e-mail norm {} %, callback norm {} % ({} pending), case types {}, closed cases {} (2025: {}); \
         the SQL counts the same: {same}",
        norms.phone_seconds,
        norms.email_days,
        at(report, "/current/contacts"),
        at(report, "/previous/contacts"),
        at(report, "/current/firstContactResolution/percentage"),
        at(report, "/changes/firstContactResolutionPoints"),
        at(report, "/current/norms/0/compliance/percentage"),
        at(report, "/current/norms/1/compliance/percentage"),
        at(report, "/current/norms/2/compliance/percentage"),
        at(report, "/current/norms/2/pending"),
        report["current"]["caseDeadlines"]
            .as_array()
            .map_or(0, Vec::len),
        closed("/current/caseDeadlines"),
        totals[1].closed,
    );
    if let Some(errors) = sample_errors {
        println!("errors in the sample report: {errors:.600}");
    }
    println!();
    println!("{HEADER}");
    #[rustfmt::skip]
    let rows = [
        ("baseline: report SQL, 2 periods × (contacts + callbacks tx, case deadlines tx)", &report_base, &report_base),
        ("serviceReport 2026 vs 2025 via GraphQL, manager enschede", &report_via, &report_base),
        ("baseline: insert contact moment, copy with primary key only", &bare, &bare),
        ("insert contact moment into contact_moments (period, subject, idempotency indexes)", &indexed, &bare),
    ];
    for (name, (figures, _), (base, _)) in rows {
        println!("{}", row(name, figures, base.rps));
    }
    for (name, (_, failure), _) in rows {
        if let Some(e) = failure {
            println!("\nfirst failure of {name}: {e}");
        }
    }
    let (b, x) = (bare.0, indexed.0);
    println!(
        "\ncost on writes: {:.0} inserts/s into contact_moments with its indexes vs {:.0} inserts/s with the \
         primary key only: ratio {:.2} (p50 {:.2} vs {:.2} ms, p99 {:.2} vs {:.2} ms), one transaction per contact, \
         {concurrency} clients",
        x.rps,
        b.rps,
        x.rps / b.rps,
        x.p50_ms,
        b.p50_ms,
        x.p99_ms,
        b.p99_ms
    );
    println!("{comparison}");
    println!("sizes after seeding: {sizes}");
    let plans = [
        ("contacts (one year, enschede)", contacts_plan),
        ("callbacks (one year, enschede)", callbacks_plan),
        ("case deadlines (one year, enschede)", deadlines_plan),
    ];
    for (name, plan) in plans {
        println!("\n{name} plan:\n{plan}");
    }
}

/// Each taking-part tenant with its norms.
fn norms_of(config: &loket_kernel::config::TenantSet) -> Vec<(String, Norms)> {
    config
        .tenants
        .values()
        .filter(|t| t.benchmark.is_some())
        .map(|t| {
            let norms = Norms {
                phone_seconds: i64::from(t.service_norms.phone_answer_seconds),
                email_days: i64::from(t.service_norms.email_answer_working_days),
            };
            (t.slug.to_string(), norms)
        })
        .collect()
}

/// The median of some durations, in milliseconds.
fn median_ms(mut times: Vec<std::time::Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

/// Computing the comparison of 2026 beside the participants' reports, five rounds each,
/// alternating; the medians and their ratios.
async fn compare(
    db: &Db,
    loket: &Loket,
    config: &loket_kernel::config::TenantSet,
    participants: Vec<(String, Norms)>,
) -> String {
    use loket_contact::benchmark::{Benchmark, BenchmarkPeriod};
    let types = loket_cases::load_case_types(config).unwrap();
    let benchmark = Benchmark::new(Arc::new(config.clone()), types.national().clone());
    let year = BenchmarkPeriod::year(2026).unwrap();
    let today = Calendar::local_date(Utc::now());
    let mut tokens = Vec::new();
    for (slug, _) in &participants {
        tokens.push(token(slug, "manager", None).await);
    }
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let bounds = Bounds::of(day(2026, 1, 1), day(2026, 12, 31));
    let (mut computed, mut reports, mut statements) = (Vec::new(), Vec::new(), Vec::new());
    let mut done = None;
    for _ in 0..5 {
        let started = Instant::now();
        done = Some(benchmark.compute(db, &year, today).await.unwrap());
        computed.push(started.elapsed());
        let started = Instant::now();
        for token in &tokens {
            let (status, body) = loket.graphql(Some(token), None, SERVICE_REPORT).await;
            assert!(status == 200 && body.get("errors").is_none(), "{body}");
        }
        reports.push(started.elapsed());
        let started = Instant::now();
        for (slug, norms) in &participants {
            period_sql(db, slug, bounds, *norms).await.unwrap();
        }
        statements.push(started.elapsed());
    }
    let (c, r, s) = (
        median_ms(computed),
        median_ms(reports),
        median_ms(statements),
    );
    format!(
        "\ncomparison of municipalities, 2026, {} taking part ({done:?}), medians of 5 rounds:\n\
         | what | ms | ratio to the computation |\n| --- | ---: | ---: |\n\
         | computing the comparison (one transaction, three functions per tenant, storing) | {c:.1} | 1.00 |\n\
         | the participants' serviceReport (2026 beside 2025) one after another via GraphQL | {r:.1} | {:.2} |\n\
         | the report's statements for 2026 alone per participant (minimal SQL) | {s:.1} | {:.2} |",
        participants.len(),
        r / c,
        s / c,
    )
}
