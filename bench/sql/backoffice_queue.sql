-- Baseline of backoffice_queue (pgbench script, run by bench/run with -M prepared): the least
-- SQL for the same result as the back office's work queue, cases(first: 20) with the
-- scenario's selection. One tenant transaction with one statement: the count and its overdue
-- part, the page of 20 open cases of the case types the tenant handles, soonest deadline
-- first, with the columns the selection needs (reference, deadline, status; no journal, as
-- the selection has no timeline), and the processing-log entries the gateway writes (one per
-- person on the page, with the field groups the selection reads) as a data-modifying CTE.
-- Variables (-D): the case types and the actor as the gateway logs it.
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
WITH counts AS (
  SELECT count(*) AS total, count(*) FILTER (WHERE deadline < CAST(:today AS date)) AS overdue
    FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND handling_tenant = :tenant
      AND closed_at IS NULL
), page AS (
  SELECT id, reference, subject_bsn, deadline, status
    FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND handling_tenant = :tenant
      AND closed_at IS NULL
    ORDER BY deadline, id LIMIT 20
), logged AS (
  INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation,
      request_id, created_at, subject_type, field_groups, trace_id, span_id)
    SELECT :tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
        || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
      'employee', :actor, 'backoffice', person, 'work on cases', 'cases', 'bench', now(), 'BSN',
      'case,case/status', md5(person), substr(md5(CAST(random() AS text)), 1, 16)
    FROM (SELECT DISTINCT subject_bsn AS person FROM page) persons
)
SELECT c.total, c.overdue, p.reference, p.deadline, p.status
  FROM counts c LEFT JOIN page p ON true
  ORDER BY p.deadline, p.id;
COMMIT;
