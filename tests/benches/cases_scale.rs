//! The case service at scale on PostgreSQL: a resident's `me.cases`, the back office's work
//! queue and `submitRequest` through the gateway, each beside a baseline that runs the same SQL
//! directly against the same database in the same run with the same concurrency. Residents come
//! from the registry's generator, cases are seeded set-based (`INSERT ... SELECT ... FROM
//! generate_series`) over the six demo tenants, their residents and the template case types;
//! the seeding time and the plans of the page queries are printed.
//!
//! Run: `cargo build --release -p loket && cargo bench -p loket-tests --bench cases_scale`.
//! Settings: `BENCH_CASES` in all (default 100,000; 1,000,000 for the full run),
//! `BENCH_PERSONS` per municipality (default one per 24 cases, at least 1,000),
//! `BENCH_CITIZENS` residents with cases who get a token (default 300), `BENCH_SECONDS` per
//! scenario (default 10), `BENCH_CONCURRENCY` (default 16). Needs PostgreSQL (see the test
//! harness); seeding runs as the harness's user, a superuser, which row-level security does not
//! bind, while every baseline query runs as the application role confined to one tenant.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::print_stdout,
    clippy::arithmetic_side_effects,
    reason = "a benchmark prints and fails loudly"
)]

use loket_tests::bench::{env_number, pg, tenant_tx, token};
use std::{sync::Arc, time::Instant};

use futures_util::{StreamExt, stream};
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
fn types_of(tenant: &'static str) -> Vec<(&'static str, &'static str, String)> {
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
        let sql = format!(
            "('{tenant}', '{code}', {share}, {days}, '{host}', string_to_array('{statuses}', ','), string_to_array('{outcomes}', ','))"
        );
        (code, host, sql)
    })
    .collect()
}

/// Seeds the cases as the connecting superuser (row-level security does not bind it), in one
/// transaction. `h(key, salt)` is a deterministic draw in [0, 1), `v7` a UUIDv7 for a moment
/// (ids sort like creation times, as for cases the service makes). Each case gets a type by
/// share; a state: open with a chance growing with the handling period, else decided;
/// a moment: decided ones up to three years ago, open ones up to 1.4 handling periods ago, so
/// some are overdue; a path through its statuses with one status event per step plus a
/// decision, assignment or note event; and a resident with their address. Two consecutive
/// requests in the same state share a bundle (and resident) three times in ten. References
/// count per tenant and year, and the counters continue after them.
const SEED_SQL: &str = r"
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
INSERT INTO case_events (tenant_id, case_id, seq, kind, status, days, public_text, internal_text, actor, at)
  SELECT c.tenant, c.id, s,
    CASE WHEN s <= c.reached THEN 'status' WHEN NOT c.open THEN 'decided'
      WHEN c.handler IS NOT NULL THEN 'assigned' ELSE 'note' END,
    CASE WHEN s <= c.reached THEN c.statuses[s] WHEN NOT c.open THEN c.status END, NULL, NULL,
    CASE WHEN s = 1 THEN 'received via ' || c.channel
      WHEN s > c.reached AND c.open THEN coalesce(c.handler, 'Wacht op de stukken van de aanvrager.') END,
    CASE WHEN s = 1 THEN c.created_by ELSE 'medewerker-' || c.key % 40 END,
    CASE WHEN s > c.reached THEN CASE WHEN c.open THEN c.status_since + (now() - c.status_since) * 0.5 ELSE c.status_since END
      ELSE c.created_at + (CASE WHEN c.open THEN c.status_since ELSE c.created_at + (c.status_since - c.created_at) * 0.8 END
        - c.created_at) * ((s - 1)::float8 / greatest(c.reached - 1, 1)) END
  FROM bench_cases c CROSS JOIN LATERAL generate_series(1, c.reached + 1) s;
INSERT INTO case_counters (tenant_id, year, last)
  SELECT tenant, extract(year FROM created_at)::int, max(number) FROM bench_cases GROUP BY 1, 2;
DROP TABLE bench_tenants, bench_mix, bench_types, bench_people, bench_one, bench_two, bench_cases;
DROP FUNCTION pg_temp.h(bigint, int), pg_temp.v7(timestamptz, text);
";

/// Runs [`SEED_SQL`] for `cases` cases over the tenants and their case types.
async fn seed_cases(db: &Db, cases: u64) {
    let tenants: Vec<String> = TENANTS
        .iter()
        .enumerate()
        .map(|(i, (t, code))| format!("('{t}', {i}, '{code}', '{}')", t[..3].to_uppercase()))
        .collect();
    let types: Vec<String> = TENANTS
        .iter()
        .flat_map(|(t, _)| types_of(t).into_iter().map(|t| t.2))
        .collect();
    let sql = SEED_SQL
        .replace("{tenants}", &tenants.join(", "))
        .replace("{types}", &types.join(", "))
        .replace("{n}", &cases.to_string());
    let tx = db.raw().begin().await.unwrap();
    tx.execute_unprepared(&sql).await.unwrap();
    tx.commit().await.unwrap();
}

/// `$first, ..` for `count` values.
fn marks(first: usize, count: usize) -> String {
    let marks: Vec<String> = (first..first + count).map(|i| format!("${i}")).collect();
    marks.join(", ")
}

/// Who reads, for the processing log: kind, subject, roles, purpose, operation, field groups.
type Reader = [&'static str; 6];
#[rustfmt::skip]
const CITIZEN: Reader = ["citizen", "citizen", "citizen", "show a resident their own cases", "cases", "case,case/status,case/outcome"];
#[rustfmt::skip]
const BACKOFFICE: Reader = ["employee", "demo-backoffice-enschede", "backoffice", "work on cases", "cases", "case,case/status,case/outcome,case/internal-notes,case/assignment"];

/// The processing-log entries the service writes, one per case read, in one insert.
async fn log_sql(db: &Db, tenant: &str, who: Reader, bsns: &[String]) -> Result<(), DbErr> {
    let rows: Vec<String> = (0..bsns.len())
        .map(|i| {
            format!(
                "($1, ${}, $2, $3, $4, ${}, $5, $6, 'bench', now(), 'BSN', $7, '', '')",
                8 + 2 * i,
                9 + 2 * i
            )
        })
        .collect();
    let mut values: Vec<Value> = vec![tenant.into()];
    values.extend(who.iter().map(|w| Value::from(*w)));
    for bsn in bsns {
        values.extend([Uuid::now_v7().into(), bsn.clone().into()]);
    }
    let sql = format!(
        "INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation, \
         request_id, created_at, subject_type, field_groups, trace_id, span_id) VALUES {}",
        rows.join(", ")
    );
    let tx = tenant_tx(db, tenant).await?;
    tx.execute_raw(pg(&sql, values)).await?;
    tx.commit().await
}

/// Which list: a resident's cases (newest first) or a tenant's work queue (soonest deadline).
enum List {
    Resident(String),
    Queue,
}

/// The list's condition, its values and its order, as the service builds them: the tenant's
/// case types the caller may read (the queue: that the tenant handles).
fn list_where(tenant: &'static str, list: &List) -> (String, Vec<Value>, &'static str) {
    let types = types_of(tenant);
    let codes: Vec<&str> = types
        .iter()
        .filter(|t| matches!(list, List::Resident(_)) || t.1 == tenant)
        .map(|t| t.0)
        .collect();
    let mut values: Vec<Value> = vec![tenant.into()];
    values.extend(codes.iter().map(|c| Value::from(*c)));
    let (n, codes) = (codes.len() + 2, marks(2, codes.len()));
    let (extra, order, value) = match list {
        List::Resident(bsn) => (
            format!("subject_bsn = ${n}"),
            "created_at DESC, id DESC",
            bsn.as_str(),
        ),
        List::Queue => (
            format!("handling_tenant = ${n} AND closed_at IS NULL"),
            "deadline, id",
            tenant,
        ),
    };
    values.push(value.into());
    (
        format!("tenant_id = $1 AND case_type IN ({codes}) AND {extra}"),
        values,
        order,
    )
}

/// The service's count of a list and of its open cases past their deadline, in one statement
/// (a list of open cases only needs no test of `closed_at`).
fn count_sql(cond: &str, today: &str, list: &List) -> String {
    let open = if matches!(list, List::Queue) {
        ""
    } else {
        "closed_at IS NULL AND "
    };
    format!(
        "SELECT count(1) AS \"all\", sum(CASE WHEN {open}deadline < {today} THEN 1 ELSE 0 END) \
         AS late FROM cases WHERE {cond}"
    )
}

/// The SQL of one list page: the count with its overdue part and the page in one transaction,
/// the events of the page in another, then the processing-log entries.
async fn list_sql(db: &Db, tenant: &'static str, list: &List, who: Reader) -> Result<(), DbErr> {
    let (cond, values, order) = list_where(tenant, list);
    let tx = tenant_tx(db, tenant).await?;
    let mut counted = values.clone();
    counted.push(chrono::Utc::now().date_naive().into());
    let n = counted.len();
    tx.query_one_raw(pg(&count_sql(&cond, &format!("${n}"), list), counted))
        .await?;
    let sql = format!("SELECT * FROM cases WHERE {cond} ORDER BY {order} LIMIT 21");
    let rows = tx.query_all_raw(pg(&sql, values)).await?;
    tx.commit().await?;
    let page = &rows[..rows.len().min(20)];
    if page.is_empty() {
        return Err(DbErr::RecordNotFound("an empty page".into()));
    }
    let (mut ids, mut bsns): (Vec<Value>, Vec<String>) = (vec![tenant.into()], Vec::new());
    for r in page {
        ids.push(r.try_get::<Uuid>("", "id")?.into());
        bsns.push(r.try_get("", "subject_bsn")?);
    }
    let tx = tenant_tx(db, tenant).await?;
    let marks = marks(2, page.len());
    let sql = format!(
        "SELECT * FROM case_events WHERE tenant_id = $1 AND case_id IN ({marks}) ORDER BY case_id, seq"
    );
    tx.query_all_raw(pg(&sql, ids)).await?;
    tx.commit().await?;
    log_sql(db, tenant, who, &bsns).await
}

const INSERT_BUNDLE: &str = "INSERT INTO case_bundles (tenant_id, id, subject_bsn, requested_by, idempotency_key, \
    fingerprint, channel, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'online', $7) \
    ON CONFLICT (tenant_id, requested_by, idempotency_key) DO NOTHING";
const RESERVE_NUMBER: &str = "INSERT INTO case_counters (tenant_id, year, last) VALUES ($1, $2, 1) \
    ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counters.last + excluded.last RETURNING last";
const INSERT_CASE: &str = "INSERT INTO cases (tenant_id, id, reference, case_type, handling_tenant, bundle_id, \
    subject_bsn, address_id, location, description, channel, status, status_since, handling_days, suspended_days, \
    extended_days, deadline, handler, outcome, decision_explanation, decided_by, decided_at, closed_at, created_at, \
    created_by, version) VALUES ($1, $2, $3, 'building-permit', $1, $4, $5, $6, $7, NULL, 'online', 'received', $8, \
    56, 0, 0, $9, NULL, NULL, NULL, NULL, NULL, NULL, $8, $10, 1)";
const INSERT_EVENT: &str = "INSERT INTO case_events (tenant_id, case_id, seq, kind, status, days, public_text, \
    internal_text, actor, at) VALUES ($1, $2, 1, 'status', 'received', NULL, NULL, 'received via online', $3, $4)";
const INSERT_OUTBOX: &str = "INSERT INTO outbox (tenant_id, id, kind, payload, created_at, available_at, attempts, \
    published_at) VALUES ($1, $2, 'case.created', $3, $4, $4, 0, NULL)";

/// The SQL of one `submitRequest` for a building permit: the write transaction (bundle,
/// reference number, case, first event, outbox); with `full` also what the service does around
/// it: the resident and their address before, the case and its events read back and the
/// processing-log entry after.
async fn submit_sql(db: &Db, c: &Citizen, key: String, full: bool) -> Result<(), DbErr> {
    let (tenant, bsn) = (c.tenant, c.bsn.as_str());
    let (mut address_id, mut location) = (c.address_id.clone(), c.location.clone());
    if full {
        let sql = "SELECT * FROM persons WHERE bsn = $1";
        let person = db.raw().query_one_raw(pg(sql, vec![bsn.into()])).await?;
        address_id = person
            .ok_or(DbErr::RecordNotFound(bsn.into()))?
            .try_get("", "address_id")?;
        let sql = "SELECT *, concat_ws(' ', street, house_number, postcode, city) AS label \
                   FROM addresses WHERE id = $1";
        let address = db
            .raw()
            .query_one_raw(pg(sql, vec![address_id.clone().into()]));
        location = address.await?.map(|a| a.try_get("", "label")).transpose()?;
    }
    let (now, bundle, id) = (chrono::Utc::now(), Uuid::now_v7(), Uuid::now_v7());
    let actor = format!("citizen-{tenant}");
    let place = address_id.clone().unwrap_or_default();
    let print = format!("{bsn}|building-permit|{place}|");
    let tx = tenant_tx(db, tenant).await?;
    let by = format!("citizen:{bsn}");
    #[rustfmt::skip]
    let values = vec![tenant.into(), bundle.into(), bsn.into(), by.into(), key.into(), print.into(), now.into()];
    tx.execute_raw(pg(INSERT_BUNDLE, values)).await?;
    let year = chrono::Datelike::year(&now);
    let counter = tx
        .query_one_raw(pg(RESERVE_NUMBER, vec![tenant.into(), year.into()]))
        .await?;
    let last: i32 = counter
        .ok_or(DbErr::RecordNotFound("counter".into()))?
        .try_get_by_index(0)?;
    let reference = format!("{}-{year}-{last:06}", tenant[..3].to_uppercase());
    let deadline = now.date_naive() + chrono::Days::new(56);
    #[rustfmt::skip]
    let values = vec![tenant.into(), id.into(), reference.clone().into(), bundle.into(), bsn.into(), address_id.clone().into(), location.into(), now.into(), deadline.into(), actor.clone().into()];
    tx.execute_raw(pg(INSERT_CASE, values)).await?;
    let values = vec![tenant.into(), id.into(), actor.into(), now.into()];
    tx.execute_raw(pg(INSERT_EVENT, values)).await?;
    let payload = json!({ "caseId": id, "reference": reference, "caseType": "building-permit", "status": "received",
        "subject": bsn, "handlingTenant": tenant, "bundleId": bundle, "addressId": address_id, "channel": "online" });
    let event = Uuid::now_v7();
    let values = vec![tenant.into(), event.into(), payload.into(), now.into()];
    tx.execute_raw(pg(INSERT_OUTBOX, values)).await?;
    tx.commit().await?;
    if full {
        let tx = tenant_tx(db, tenant).await?;
        let sql = "SELECT * FROM cases WHERE tenant_id = $1 AND id = $2";
        tx.query_one_raw(pg(sql, vec![tenant.into(), id.into()]))
            .await?;
        let sql = "SELECT * FROM case_events WHERE tenant_id = $1 AND case_id = $2 ORDER BY seq";
        tx.query_all_raw(pg(sql, vec![tenant.into(), id.into()]))
            .await?;
        tx.commit().await?;
        log_sql(db, tenant, CITIZEN, &[bsn.to_owned()]).await?;
    }
    Ok(())
}

/// `EXPLAIN (ANALYZE, BUFFERS)` of a list's page query, or with `count` of its counts, as the
/// application role.
async fn explain(db: &Db, tenant: &'static str, list: &List, count: bool) -> String {
    let (cond, values, order) = list_where(tenant, list);
    let query = match count {
        false => format!("SELECT * FROM cases WHERE {cond} ORDER BY {order} LIMIT 21"),
        true => count_sql(&cond, "current_date", list),
    };
    let tx = tenant_tx(db, tenant).await.unwrap();
    let sql = format!("EXPLAIN (ANALYZE, BUFFERS) {query}");
    let rows = tx.query_all_raw(pg(&sql, values)).await.unwrap();
    tx.rollback().await.unwrap();
    let lines: Vec<String> = rows
        .iter()
        .map(|r| r.try_get_by_index(0).unwrap())
        .collect();
    lines.join("\n")
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

/// A resident with cases and a token.
struct Citizen {
    tenant: &'static str,
    bsn: String,
    address_id: Option<String>,
    location: Option<String>,
    token: String,
}

const ME_CASES: &str = "{ me { cases(first: 20) { totalCount edges { node { reference status { name daysInStep } \
    timeline { name at } expectedCompletion decision { name } } } } } }";
const WORK_QUEUE: &str = "{ cases(first: 20) { totalCount overdueCount edges { node { reference deadline status { name } } } } }";
const SUBMIT: &str = "mutation($key: String) { submitRequest(input: { products: [\"omgevingsvergunning\"], \
    idempotencyKey: $key }) { replayed cases { reference status { name } } } }";
const STATS: &str = "SELECT format('%s cases (%s open, %s of them overdue), %s bundles, %s events, %s residents of whom %s have cases', \
    count(*), count(*) FILTER (WHERE closed_at IS NULL), count(*) FILTER (WHERE closed_at IS NULL AND deadline < current_date), \
    (SELECT count(*) FROM case_bundles), (SELECT count(*) FROM case_events), (SELECT count(*) FROM persons), \
    count(DISTINCT subject_bsn)) FROM cases";
const SAMPLE: &str = "SELECT tenant_id, subject_bsn, min(address_id) AS address_id, min(location) AS location \
    FROM cases GROUP BY 1, 2 ORDER BY md5(subject_bsn) LIMIT $1";

#[tokio::main]
async fn main() {
    let cases = env_number("BENCH_CASES", 100_000);
    let persons = env_number("BENCH_PERSONS", (cases / 24).max(1000)) as usize;
    let citizens = env_number("BENCH_CITIZENS", 300) as i64;
    let seconds = env_number("BENCH_SECONDS", 10);
    let concurrency = env_number("BENCH_CONCURRENCY", 16) as usize;
    let test_db = TestDb::postgres().await.expect("PostgreSQL");
    let db = Db::connect(test_db.url()).await.unwrap();
    let text = async |sql: &str| -> String {
        let row = db.raw().query_one_raw(pg(sql, vec![])).await.unwrap();
        row.unwrap().try_get_by_index(0).unwrap()
    };

    let started = Instant::now();
    loket_registry::seed::seed(
        &db,
        &loket_registry::seed::generate::MUNICIPALITIES,
        persons,
        20_261_128,
    )
    .await
    .unwrap();
    let residents_time = started.elapsed();
    let started = Instant::now();
    seed_cases(&db, cases).await;
    let cases_time = started.elapsed();
    let started = Instant::now();
    // As autovacuum leaves a table at rest: statistics and the visibility map, so counts can
    // read the index alone.
    db.raw().execute_unprepared("VACUUM ANALYZE").await.unwrap();
    let analyze_time = started.elapsed();
    let stats = text(STATS).await;
    let who = text("SELECT format('%s (superuser %s)', rolname, rolsuper) FROM pg_roles WHERE rolname = current_user").await;

    let env = [("LOKET_LOG", "warn"), ("LOKET_DEMO_RESIDENTS", "0")];
    let loket = Loket::start_with(test_db, &loket_tests::tenants_dir(), &env).await;
    let backoffice = token("enschede", "backoffice", None).await;
    let started = Instant::now();
    let sample = db.raw().query_all_raw(pg(SAMPLE, vec![citizens.into()]));
    let sample = sample.await.unwrap();
    let citizens: Vec<Citizen> = stream::iter(sample)
        .map(async |r| {
            let tenant: String = r.try_get("", "tenant_id").unwrap();
            let tenant = TENANTS.iter().find(|t| t.0 == tenant).unwrap().0;
            let bsn: String = r.try_get("", "subject_bsn").unwrap();
            let token = token(tenant, "citizen", Some(&bsn)).await;
            let (address_id, location) = (
                r.try_get("", "address_id").unwrap(),
                r.try_get("", "location").unwrap(),
            );
            Citizen {
                tenant,
                bsn,
                address_id,
                location,
                token,
            }
        })
        .buffered(4)
        .collect()
        .await;
    let (citizens, tokens_time) = (Arc::new(citizens), started.elapsed());

    let (first, queue) = (List::Resident(citizens[0].bsn.clone()), List::Queue);
    let plans = [
        (
            "work queue page (enschede)",
            explain(&db, "enschede", &queue, false).await,
        ),
        (
            "work queue counts",
            explain(&db, "enschede", &queue, true).await,
        ),
        (
            "a citizen's page",
            explain(&db, citizens[0].tenant, &first, false).await,
        ),
    ];

    let c = Arc::clone(&citizens);
    let me = move |i: usize| (c[i % c.len()].token.clone(), ME_CASES, json!({}));
    let queue = move |_| (backoffice.clone(), WORK_QUEUE, json!({}));
    let submit = |label: &'static str| {
        let c = Arc::clone(&citizens);
        move |i: usize| {
            (
                c[i % c.len()].token.clone(),
                SUBMIT,
                json!({ "key": format!("{label}-{i}") }),
            )
        }
    };
    // Warm up the gateway's paths.
    graphql(&loket, 1, concurrency, me.clone()).await;
    graphql(&loket, 1, concurrency, queue.clone()).await;
    graphql(&loket, 1, concurrency, submit("warm")).await;

    let (d, c) = (db.clone(), Arc::clone(&citizens));
    let me_sql = measure(seconds, concurrency, move |i| {
        let (db, c) = (d.clone(), Arc::clone(&c));
        async move {
            let c = &c[i % c.len()];
            let list = List::Resident(c.bsn.clone());
            list_sql(&db, c.tenant, &list, CITIZEN).await
        }
    })
    .await;
    let me_gql = graphql(&loket, seconds, concurrency, me).await;
    let d = db.clone();
    let queue_sql = measure(seconds, concurrency, move |_| {
        let db = d.clone();
        async move { list_sql(&db, "enschede", &List::Queue, BACKOFFICE).await }
    })
    .await;
    let queue_gql = graphql(&loket, seconds, concurrency, queue).await;
    let submit_sql = |full: bool| {
        let (d, c) = (db.clone(), Arc::clone(&citizens));
        measure(seconds, concurrency, move |i| {
            let (db, c) = (d.clone(), Arc::clone(&c));
            async move {
                let key = format!("sql-{full}-{i}");
                submit_sql(&db, &c[i % c.len()], key, full).await
            }
        })
    };
    let write_sql = submit_sql(false).await;
    let submit_full = submit_sql(true).await;
    let submit_gql = graphql(&loket, seconds, concurrency, submit("gql")).await;

    let secs = |d: std::time::Duration| d.as_secs_f64();
    println!("\ncases_scale on PostgreSQL: {stats}");
    println!(
        "seeding as {who}: residents ({persons} per municipality) {:.1} s, cases {:.1} s, VACUUM ANALYZE {:.1} s; {} citizen tokens {:.1} s",
        secs(residents_time),
        secs(cases_time),
        secs(analyze_time),
        citizens.len(),
        secs(tokens_time)
    );
    let binary = loket_tests::binary();
    println!(
        "{seconds} s per scenario, {concurrency} concurrent clients, binary {}\n",
        binary.display()
    );
    println!("{HEADER}");
    #[rustfmt::skip]
    let rows = [
        ("baseline: me.cases SQL (count + page, events, processing log)", &me_sql, &me_sql),
        ("me { cases(first: 20) } via GraphQL, citizens", &me_gql, &me_sql),
        ("baseline: work queue SQL (count + page, events, processing log)", &queue_sql, &queue_sql),
        ("cases(first: 20) work queue via GraphQL, backoffice enschede", &queue_gql, &queue_sql),
        ("baseline: submit write tx only (bundle, counter, case, event, outbox)", &write_sql, &submit_full),
        ("baseline: submit SQL (resident, write tx, read back, processing log)", &submit_full, &submit_full),
        ("submitRequest via GraphQL, citizens", &submit_gql, &submit_full),
    ];
    for (name, (figures, _), (base, _)) in rows {
        println!("{}", row(name, figures, base.rps));
    }
    for (name, (_, failure), _) in rows {
        if let Some(e) = failure {
            println!("\nfirst failure of {name}: {e}");
        }
    }
    for (name, plan) in plans {
        println!("\n{name} plan:\n{plan}");
    }
}
