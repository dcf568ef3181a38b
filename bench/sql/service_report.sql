-- Baseline of service_report (pgbench script, run by bench/run with -M prepared): the report's
-- own SQL for this year and for last year, as in tests/benches/service_report.rs. Per period
-- the contacts grouped by channel and topic and the callbacks in one tenant transaction
-- (services/contact/src/report/figures.rs), the closed cases per type and by their deadline in
-- another (services/cases/src/service/book.rs). Variables (-D) are the periods' bounds (from
-- midnight in the Netherlands on the first day to the midnight after the last), the tenant's
-- phone and e-mail norms, and today.
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT channel, topic, CAST(COUNT(*) AS BIGINT) AS contacts,
    CAST(SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END) AS BIGINT) AS resolved,
    CAST(SUM(CASE WHEN wait_seconds IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS waited,
    CAST(SUM(CASE WHEN wait_seconds <= CAST(:phone_seconds AS int) THEN 1 ELSE 0 END) AS BIGINT) AS waited_in_norm,
    CAST(SUM(CASE WHEN response_working_days IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS responded,
    CAST(SUM(CASE WHEN response_working_days <= CAST(:email_days AS int) THEN 1 ELSE 0 END) AS BIGINT) AS responded_in_norm
  FROM contact_moments WHERE tenant_id = :tenant AND received_at >= CAST(:from1 AS timestamptz) AND received_at < CAST(:to1 AS timestamptz)
  GROUP BY channel, topic;
SELECT CAST(COUNT(*) AS BIGINT) AS requested, CAST(SUM(CASE WHEN in_time THEN 1 ELSE 0 END) AS BIGINT) AS in_time,
    CAST(SUM(CASE WHEN in_time IS NULL AND deadline >= CAST(:today AS date) THEN 1 ELSE 0 END) AS BIGINT) AS pending
  FROM callbacks WHERE tenant_id = :tenant AND requested_at >= CAST(:from1 AS timestamptz) AND requested_at < CAST(:to1 AS timestamptz);
COMMIT;
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT case_type, CAST(COUNT(*) AS BIGINT) AS closed,
    CAST(SUM(CASE WHEN CAST(closed_at AT TIME ZONE 'UTC' AS DATE) <= deadline THEN 1 ELSE 0 END) AS BIGINT) AS on_time
  FROM cases WHERE tenant_id = :tenant AND closed_at >= CAST(:from1 AS timestamptz) AND closed_at < CAST(:to1 AS timestamptz)
  GROUP BY case_type;
COMMIT;
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT channel, topic, CAST(COUNT(*) AS BIGINT) AS contacts,
    CAST(SUM(CASE WHEN resolved_first_contact THEN 1 ELSE 0 END) AS BIGINT) AS resolved,
    CAST(SUM(CASE WHEN wait_seconds IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS waited,
    CAST(SUM(CASE WHEN wait_seconds <= CAST(:phone_seconds AS int) THEN 1 ELSE 0 END) AS BIGINT) AS waited_in_norm,
    CAST(SUM(CASE WHEN response_working_days IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS responded,
    CAST(SUM(CASE WHEN response_working_days <= CAST(:email_days AS int) THEN 1 ELSE 0 END) AS BIGINT) AS responded_in_norm
  FROM contact_moments WHERE tenant_id = :tenant AND received_at >= CAST(:from2 AS timestamptz) AND received_at < CAST(:to2 AS timestamptz)
  GROUP BY channel, topic;
SELECT CAST(COUNT(*) AS BIGINT) AS requested, CAST(SUM(CASE WHEN in_time THEN 1 ELSE 0 END) AS BIGINT) AS in_time,
    CAST(SUM(CASE WHEN in_time IS NULL AND deadline >= CAST(:today AS date) THEN 1 ELSE 0 END) AS BIGINT) AS pending
  FROM callbacks WHERE tenant_id = :tenant AND requested_at >= CAST(:from2 AS timestamptz) AND requested_at < CAST(:to2 AS timestamptz);
COMMIT;
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT case_type, CAST(COUNT(*) AS BIGINT) AS closed,
    CAST(SUM(CASE WHEN CAST(closed_at AT TIME ZONE 'UTC' AS DATE) <= deadline THEN 1 ELSE 0 END) AS BIGINT) AS on_time
  FROM cases WHERE tenant_id = :tenant AND closed_at >= CAST(:from2 AS timestamptz) AND closed_at < CAST(:to2 AS timestamptz)
  GROUP BY case_type;
COMMIT;
