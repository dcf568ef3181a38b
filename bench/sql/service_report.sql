-- Baseline of service_report (pgbench script, run by bench/run with -M prepared): the least SQL
-- for the same result as the service report of this year beside last year. One tenant
-- transaction with one statement that returns one row: per period the contacts grouped by
-- channel and topic with their first-contact resolution and norm figures, the callbacks
-- requested, in time and pending, and the closed cases per type with those closed by their
-- deadline, each as JSON; the figures are those of the report's own SQL
-- (services/contact/src/report/figures.rs, services/cases/src/service/book.rs), but each table
-- is read once over both periods (they adjoin) and grouped by period. Variables (-D): the
-- periods' bounds (from midnight in the Netherlands on the first day to the midnight after the
-- last), the tenant's phone and e-mail norms, and today.
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
SELECT
  (SELECT json_agg(g) FROM (
    SELECT CASE WHEN received_at >= CAST(:from1 AS timestamptz) THEN 1 ELSE 2 END AS period, channel, topic,
        count(*) AS contacts,
        count(*) FILTER (WHERE resolved_first_contact) AS resolved,
        count(wait_seconds) AS waited,
        count(*) FILTER (WHERE wait_seconds <= CAST(:phone_seconds AS int)) AS waited_in_norm,
        count(response_working_days) AS responded,
        count(*) FILTER (WHERE response_working_days <= CAST(:email_days AS int)) AS responded_in_norm
      FROM contact_moments
      WHERE tenant_id = :tenant AND received_at >= CAST(:from2 AS timestamptz) AND received_at < CAST(:to1 AS timestamptz)
        AND (received_at < CAST(:to2 AS timestamptz) OR received_at >= CAST(:from1 AS timestamptz))
      GROUP BY 1, 2, 3) g) AS contacts,
  (SELECT json_agg(g) FROM (
    SELECT CASE WHEN requested_at >= CAST(:from1 AS timestamptz) THEN 1 ELSE 2 END AS period,
        count(*) AS requested, count(*) FILTER (WHERE in_time) AS in_time,
        count(*) FILTER (WHERE in_time IS NULL AND deadline >= CAST(:today AS date)) AS pending
      FROM callbacks
      WHERE tenant_id = :tenant AND requested_at >= CAST(:from2 AS timestamptz) AND requested_at < CAST(:to1 AS timestamptz)
        AND (requested_at < CAST(:to2 AS timestamptz) OR requested_at >= CAST(:from1 AS timestamptz))
      GROUP BY 1) g) AS callbacks,
  (SELECT json_agg(g) FROM (
    SELECT CASE WHEN closed_at >= CAST(:from1 AS timestamptz) THEN 1 ELSE 2 END AS period, case_type,
        count(*) AS closed, count(*) FILTER (WHERE CAST(closed_at AT TIME ZONE 'UTC' AS date) <= deadline) AS on_time
      FROM cases
      WHERE tenant_id = :tenant AND closed_at >= CAST(:from2 AS timestamptz) AND closed_at < CAST(:to1 AS timestamptz)
        AND (closed_at < CAST(:to2 AS timestamptz) OR closed_at >= CAST(:from1 AS timestamptz))
      GROUP BY 1, 2) g) AS cases;
COMMIT;
