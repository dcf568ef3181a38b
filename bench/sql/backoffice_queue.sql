-- Baseline of backoffice_queue (pgbench script, run by bench/run with -M prepared): the SQL
-- of one work-queue page as the case service runs it, after tests/benches/cases_scale.rs.
-- The count with its overdue part and the page (open cases of the case types the tenant
-- handles, soonest deadline first) in one tenant transaction, the events of the page in
-- another, then one processing-log entry per case on the page. Variables (-D) are the case
-- types, the page's case ids and subjects, and the actor as the gateway logs it.
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT count(1) AS "all", sum(CASE WHEN deadline < CAST(:today AS date) THEN 1 ELSE 0 END) AS late
  FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND handling_tenant = :tenant
    AND closed_at IS NULL;
SELECT * FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND handling_tenant = :tenant
    AND closed_at IS NULL
  ORDER BY deadline, id LIMIT 21;
COMMIT;
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT * FROM case_events WHERE tenant_id = :tenant AND case_id = ANY(CAST(:ids AS uuid[])) ORDER BY case_id, seq;
COMMIT;
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation,
    request_id, created_at, subject_type, field_groups, trace_id, span_id)
  SELECT :tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
      || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
    'employee', :actor, 'backoffice', b, 'work on cases', 'cases', 'bench', now(), 'BSN',
    'case,case/status,case/outcome,case/internal-notes,case/assignment', '', ''
  FROM unnest(CAST(:bsns AS text[])) b;
COMMIT;
