-- Baseline of submit_request (pgbench script, run by bench/run with -M prepared): the least SQL
-- for the same result as one submitRequest for a building permit without an idempotency key.
-- One tenant transaction with one statement: the resident and their address (for the case's
-- location), then, as data-modifying CTEs, the bundle, the next reference number, the case,
-- its first status event, the case.created outbox event and the processing-log entry the
-- gateway writes (the resident, with the field groups the selection reads); it returns the
-- case's reference and status as the mutation does. Variables (-D): the resident's BSN, the
-- reference prefix and the actor's name as the case service stores it.
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
WITH resident AS (
  SELECT p.bsn, a.id AS address_id,
      a.street || ' ' || a.house_number || a.letter || CASE WHEN a.addition <> '' THEN '-' || a.addition ELSE '' END
        || ', ' || left(a.postcode, 4) || ' ' || substr(a.postcode, 5) || ' ' || a.city AS label
    FROM persons p LEFT JOIN addresses a ON a.id = p.address_id WHERE p.bsn = :bsn
), made AS (
  SELECT CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
        || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid) AS bundle_id,
      CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
        || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid) AS case_id,
      now() AS at
), bundle AS (
  INSERT INTO case_bundles (tenant_id, id, subject_bsn, requested_by, idempotency_key, fingerprint, channel, created_at)
    SELECT :tenant, m.bundle_id, r.bsn, 'citizen:' || r.bsn, NULL,
        r.bsn || '|building-permit|' || coalesce(r.address_id, '') || '|', 'online', m.at
      FROM made m, resident r
    ON CONFLICT (tenant_id, requested_by, idempotency_key) DO NOTHING
    RETURNING id
), counter AS (
  INSERT INTO case_counters (tenant_id, year, last)
    VALUES (:tenant, CAST(extract(year FROM now() AT TIME ZONE 'UTC') AS int), 1)
    ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counters.last + excluded.last
    RETURNING last
), made_case AS (
  INSERT INTO cases (tenant_id, id, reference, case_type, handling_tenant, bundle_id, subject_bsn, address_id, location,
      description, channel, status, status_since, handling_days, suspended_days, extended_days, deadline, handler, outcome,
      decision_explanation, decided_by, decided_at, closed_at, created_at, created_by, version)
    SELECT :tenant, m.case_id,
        :prefix || '-' || extract(year FROM m.at AT TIME ZONE 'UTC') || '-' || lpad(CAST(c.last AS text), 6, '0'),
        'building-permit', :tenant, b.id, r.bsn, r.address_id, r.label, NULL, 'online', 'received', m.at, 56, 0, 0,
        CAST(m.at AT TIME ZONE 'UTC' AS date) + 56, NULL, NULL, NULL, NULL, NULL, NULL, m.at, :actor, 1
      FROM made m, resident r, counter c, bundle b
    RETURNING id, reference, status, bundle_id, address_id, subject_bsn
), first_event AS (
  INSERT INTO case_events (tenant_id, case_id, seq, kind, status, days, public_text, internal_text, actor, at)
    SELECT :tenant, k.id, 1, 'status', 'received', NULL, NULL, 'received via online', :actor, m.at
      FROM made_case k, made m
), announced AS (
  INSERT INTO outbox (tenant_id, id, kind, payload, created_at, available_at, attempts, published_at)
    SELECT :tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
        || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
      'case.created', jsonb_build_object('caseId', k.id, 'reference', k.reference, 'caseType', 'building-permit',
        'caseTypeName', 'Omgevingsvergunning bouwen', 'status', 'received', 'statusName', 'Ontvangen',
        'publicNotice', true, 'products', jsonb_build_array('omgevingsvergunning'), 'subject', k.subject_bsn,
        'handlingTenant', CAST(:tenant AS text), 'bundleId', k.bundle_id, 'addressId', k.address_id,
        'channel', 'online', 'confidentiality', 'case-confidential'),
      m.at, m.at, 0, NULL
      FROM made_case k, made m
), logged AS (
  INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation,
      request_id, created_at, subject_type, field_groups, trace_id, span_id)
    SELECT :tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
        || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
      'citizen', :actor, 'citizen', k.subject_bsn, 'take in a request', 'submitRequest', 'bench', now(), 'BSN',
      'case,case/status', md5(k.subject_bsn), substr(md5(CAST(random() AS text)), 1, 16)
      FROM made_case k
)
SELECT reference, status FROM made_case;
COMMIT;
