-- Baseline of resident_view (pgbench script, run by bench/run with -M prepared): the least SQL
-- for the same result as the front office's residentView with the scenario's selection. One
-- tenant transaction with one statement that returns one row: the count of the resident's
-- contact moments and the newest ten as JSON (the columns the selection shows), the count of
-- their cases of the case types the front office may read and the newest ten as JSON
-- (reference, type, status and since when, deadline, outcome; no journal, as the selection has
-- no timeline); and the processing-log entry the gateway writes (one per person read and
-- operation: the resident, with the field groups of both lists) as a data-modifying CTE.
-- Variables (-D): the resident's BSN, the case types the front office may read, and the actor
-- as the gateway logs it.
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
WITH contacts AS (
  SELECT subject_bsn, channel, topic_label, question, answer, received_at, resolved_first_contact, case_reference, id
    FROM contact_moments WHERE tenant_id = :tenant AND subject_bsn = :bsn
    ORDER BY received_at DESC, id DESC LIMIT 10
), page AS (
  SELECT subject_bsn, reference, case_type, status, status_since, deadline, outcome, created_at, id
    FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[])) AND subject_bsn = :bsn
    ORDER BY created_at DESC, id DESC LIMIT 10
), logged AS (
  INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation,
      request_id, created_at, subject_type, field_groups, trace_id, span_id)
    SELECT :tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
        || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
      'employee', :actor, 'frontoffice', person, 'answer a resident''s question', 'residentView', 'bench', now(),
      'BSN', 'case,case/outcome,case/status,contact', md5(person), substr(md5(CAST(random() AS text)), 1, 16)
    FROM (SELECT subject_bsn AS person FROM contacts UNION SELECT subject_bsn FROM page) persons
)
SELECT
  (SELECT count(*) FROM contact_moments WHERE tenant_id = :tenant AND subject_bsn = :bsn) AS contacts_total,
  (SELECT json_agg(json_build_object('channel', channel, 'topicLabel', topic_label, 'question', question,
      'answer', answer, 'receivedAt', received_at, 'resolvedFirstContact', resolved_first_contact,
      'caseReference', case_reference) ORDER BY received_at DESC, id DESC) FROM contacts) AS contacts,
  (SELECT count(*) FROM cases WHERE tenant_id = :tenant AND case_type = ANY(CAST(:types AS text[]))
      AND subject_bsn = :bsn) AS cases_total,
  (SELECT json_agg(json_build_object('reference', reference, 'caseType', case_type, 'status', status,
      'statusSince', status_since, 'deadline', deadline, 'outcome', outcome) ORDER BY created_at DESC, id DESC)
    FROM page) AS cases;
COMMIT;
