-- Baseline of submit_request (pgbench script, run by bench/run with -M prepared): the SQL of one
-- submitRequest for a building permit as the case service runs it, after the "submit SQL"
-- baseline of tests/benches/cases_scale.rs. The resident and their address (registry, outside
-- a tenant transaction, as the gateway reads them); the write transaction (bundle without an
-- idempotency key, reference number, case, first status event, outbox event); the case and its
-- events read back in a tenant transaction; the processing-log entry. Variables (-D) are the
-- resident's BSN and the actor's name as the case service stores it.
SELECT * FROM persons WHERE bsn = :bsn \gset p_
SELECT *, concat_ws(' ', street, house_number, postcode, city) AS label FROM addresses WHERE id = :p_address_id \gset a_
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
INSERT INTO case_bundles (tenant_id, id, subject_bsn, requested_by, idempotency_key, fingerprint, channel, created_at)
  VALUES (:tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
      || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
    :bsn, 'citizen:' || :bsn, NULL, :bsn || '|building-permit|' || :p_address_id || '|', 'online', now())
  ON CONFLICT (tenant_id, requested_by, idempotency_key) DO NOTHING
  RETURNING id AS bundle_id \gset
INSERT INTO case_counters (tenant_id, year, last) VALUES (:tenant, CAST(extract(year FROM now()) AS int), 1)
  ON CONFLICT (tenant_id, year) DO UPDATE SET last = case_counters.last + excluded.last RETURNING last \gset
INSERT INTO cases (tenant_id, id, reference, case_type, handling_tenant, bundle_id, subject_bsn, address_id, location,
    description, channel, status, status_since, handling_days, suspended_days, extended_days, deadline, handler, outcome,
    decision_explanation, decided_by, decided_at, closed_at, created_at, created_by, version)
  VALUES (:tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
      || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
    :prefix || '-' || extract(year FROM now()) || '-' || lpad(:last, 6, '0'), 'building-permit', :tenant,
    CAST(:bundle_id AS uuid), :bsn, :p_address_id, :a_label, NULL, 'online', 'received', now(), 56, 0, 0,
    CAST(now() AS date) + 56, NULL, NULL, NULL, NULL, NULL, NULL, now(), :actor, 1)
  RETURNING id AS case_id, reference \gset
INSERT INTO case_events (tenant_id, case_id, seq, kind, status, days, public_text, internal_text, actor, at)
  VALUES (:tenant, CAST(:case_id AS uuid), 1, 'status', 'received', NULL, NULL, 'received via online', :actor, now());
INSERT INTO outbox (tenant_id, id, kind, payload, created_at, available_at, attempts, published_at)
  VALUES (:tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
      || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
    'case.created', jsonb_build_object('caseId', CAST(:case_id AS text), 'reference', CAST(:reference AS text),
      'caseType', 'building-permit', 'caseTypeName', 'Omgevingsvergunning bouwen', 'status', 'received',
      'statusName', 'Ontvangen', 'publicNotice', true, 'products', jsonb_build_array('omgevingsvergunning'),
      'subject', CAST(:bsn AS text), 'handlingTenant', CAST(:tenant AS text), 'bundleId', CAST(:bundle_id AS text),
      'addressId', CAST(:p_address_id AS text), 'channel', 'online'),
    now(), now(), 0, NULL);
COMMIT;
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT * FROM cases WHERE tenant_id = :tenant AND id = CAST(:case_id AS uuid);
SELECT * FROM case_events WHERE tenant_id = :tenant AND case_id = CAST(:case_id AS uuid) ORDER BY seq;
COMMIT;
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
INSERT INTO processing_log (tenant_id, id, actor_kind, actor_subject, roles, person_bsn, purpose, operation,
    request_id, created_at, subject_type, field_groups, trace_id, span_id)
  VALUES (:tenant, CAST(lpad(to_hex(CAST(extract(epoch FROM clock_timestamp()) * 1000 AS bigint)), 12, '0') || '7'
      || substr(md5(CAST(random() AS text)), 1, 3) || '8' || substr(md5(CAST(random() AS text)), 1, 15) AS uuid),
    'citizen', :actor, 'citizen', :bsn, 'take in a request', 'case', 'bench', now(), 'BSN',
    'case,case/status,case/outcome', '', '');
COMMIT;
