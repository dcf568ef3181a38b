-- Baseline of citizen_cases (pgbench script, run by bench/run with -M prepared): the least SQL
-- for the same result as me.cases(first: 20) with the scenario's selection. One tenant
-- transaction with one statement: the count and its overdue part, the page of 20 newest first
-- with the columns the selection needs (reference, status and since when, deadline and close
-- for the expected completion, outcome), each case's timeline (its status events, oldest
-- first) aggregated as JSON, and the processing-log entry the gateway writes (one per person
-- on the page, the resident here, with the field groups the selection reads) as a
-- data-modifying CTE. Variables (-D): the resident's BSN, the case types a citizen may read,
-- and the actor as the gateway logs it.
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
WITH counts AS (
  SELECT count(*) AS total,
      count(*) FILTER (WHERE closed_at IS NULL AND deadline < CAST(:today AS date)) AS overdue
    FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND subject_bsn = :bsn
), page AS (
  SELECT id, reference, subject_bsn, status, status_since, deadline, closed_at, outcome, created_at
    FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND subject_bsn = :bsn
    ORDER BY created_at DESC, id DESC LIMIT 20
), logged AS (
  INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation,
      request_id, created_at, subject_type, field_groups, trace_id, span_id)
    SELECT :tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
        || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
      'citizen', :actor, 'citizen', person, 'show a resident their own cases', 'me.cases', 'bench', now(), 'BSN',
      'case,case/outcome,case/status', md5(person), substr(md5(CAST(random() AS text)), 1, 16)
    FROM (SELECT DISTINCT subject_bsn AS person FROM page) persons
)
SELECT c.total, c.overdue, p.reference, p.status, p.status_since, p.deadline,
    coalesce(CAST(p.closed_at AT TIME ZONE 'UTC' AS date), p.deadline) AS expected_completion, p.outcome,
    (SELECT json_agg(json_build_object('status', e.status, 'at', e.at) ORDER BY e.seq) FROM case_events e
      WHERE e.tenant_id = :tenant AND e.case_id = p.id AND e.status IS NOT NULL) AS timeline
  FROM counts c LEFT JOIN page p ON true
  ORDER BY p.created_at DESC, p.id DESC;
COMMIT;
