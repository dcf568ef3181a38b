-- Baseline of resident_view (pgbench script, run by bench/run with -M prepared): the SQL of
-- the front office's residentView as the contact and case services run it. Contacts: the
-- count and the first page of ten in one tenant transaction with the processing-log entry of
-- the resident. Cases: the count and the page in one tenant transaction, the events of the
-- page in another, then one processing-log entry per case on the page. Variables (-D) are
-- the resident's BSN, the case types the front office may read, the page's case ids and
-- subjects, and the actor as the gateway logs it.
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT count(*) AS num_items FROM (SELECT * FROM contact_moments WHERE tenant_id = :tenant AND subject_bsn = :bsn) AS sub_query;
SELECT * FROM contact_moments WHERE tenant_id = :tenant AND subject_bsn = :bsn
  ORDER BY received_at DESC, id DESC LIMIT 10 OFFSET 0;
INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation,
    request_id, created_at, subject_type, field_groups, trace_id, span_id)
  VALUES (:tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
      || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
    'employee', :actor, 'frontoffice', :bsn, 'answer a resident''s question', 'contactMoments', 'bench', now(), 'BSN',
    'contact', '', '');
COMMIT;
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT count(1) AS "all", sum(CASE WHEN closed_at IS NULL AND deadline < CAST(:today AS date) THEN 1 ELSE 0 END) AS late
  FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND subject_bsn = :bsn;
SELECT * FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND subject_bsn = :bsn
  ORDER BY created_at DESC, id DESC LIMIT 11;
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
    'employee', :actor, 'frontoffice', b, 'answer a resident''s question', 'cases', 'bench', now(), 'BSN',
    'case,case/status,case/outcome,case/public-notes', '', ''
  FROM unnest(CAST(:bsns AS text[])) b;
COMMIT;
