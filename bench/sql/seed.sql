-- Cases, case events, contact moments and callbacks for the benchmark, set-based, in one
-- transaction, after `loket seed` made the residents. Run by bench/run as the connecting
-- superuser (row-level security does not bind it):
--   psql -v ON_ERROR_STOP=1 -1 -v cases=N -v contacts=M -v tenants="ROWS" -f bench/sql/seed.sql URL
-- where ROWS are the tenants as SQL rows (slug, index from 0, CBS code, reference prefix,
-- callback teams or NULL for the default four), for example
--   ('enschede', 0, '0153', 'ENS', NULL), ('gemeente-01', 1, '9001', 'G01', NULL)
-- tests/benches/service_report.rs runs the same file with the variables substituted.
--
-- The cases follow tests/benches/cases_scale.rs: evenly over the tenants and their case types
-- (the template's, with Enschede's own terrace permit and longer event permits, Haarlem's
-- faster driveways, the Drechtsteden alien registrations handled by Dordrecht), a type by
-- share, open with a chance growing with the handling period (some overdue) or decided up to
-- three years ago, one status event per step reached plus a decision, assignment or note
-- event, bundles of two three times in ten, references counted per tenant and year.
--
-- The contact moments follow tests/benches/service_report.rs: four in ten in Enschede (when it
-- is among the tenants), the rest evenly over the others, from 1 January 2025 to today,
-- weighted channels, forty topics, waits and response times, three in four resolved in the
-- first contact, callbacks for about one in five of the others. A contact's resident is a real
-- resident of the tenant (three times in five), so that the front office's 360° view finds
-- contacts beside cases.
--
-- h(key, salt) is a deterministic draw in [0, 1); v7 a UUIDv7 for a moment.

CREATE FUNCTION pg_temp.h(bigint, int) RETURNS float8 LANGUAGE sql IMMUTABLE
  AS $$ SELECT (hashint8extended($1, $2) & 1048575)::float8 / 1048576 $$;
CREATE FUNCTION pg_temp.v7(timestamptz, text) RETURNS uuid LANGUAGE sql IMMUTABLE
  AS $$ SELECT (lpad(to_hex((extract(epoch FROM $1) * 1000)::bigint), 12, '0') || '7'
       || substr(md5($2), 1, 3) || '8' || substr(md5($2), 4, 15))::uuid $$;

CREATE TEMP TABLE bench_tenants (tenant text, i int, code text, prefix text, teams text[]);
INSERT INTO bench_tenants VALUES :tenants;
-- The tenants besides the one with four in ten contacts, and how many there are.
CREATE TEMP TABLE bench_others AS
  SELECT array_agg(tenant ORDER BY i) AS names, count(*) AS n,
    CASE WHEN count(*) < (SELECT count(*) FROM bench_tenants) THEN 0.4 ELSE 0 END AS share
  FROM bench_tenants WHERE tenant <> 'enschede';

-- The template case types (tenants/_default/case_types.toml): code, share of the requests,
-- handling days, statuses in order (the last ends the case), outcomes (most common first).
CREATE TEMP TABLE bench_template (code text, share int, handling int, statuses text, outcomes text);
INSERT INTO bench_template VALUES
  ('moving-house', 30, 5, 'received,checking,registered', 'registered,refused'),
  ('travel-document', 28, 6, 'applied,in-production,ready-for-collection,handed-over', 'issued,refused,not-collected'),
  ('valuation-objection', 10, 42, 'received,re-assessment,hearing,decided', 'rejected,partly-upheld,upheld,inadmissible,withdrawn'),
  ('building-permit', 10, 56, 'received,in-review,awaiting-information,advice-requested,decided', 'granted,granted-with-conditions,refused,not-considered,withdrawn'),
  ('driveway-permit', 5, 56, 'received,in-review,site-visit,decided', 'granted,refused,withdrawn'),
  ('disabled-parking-card', 6, 56, 'received,medical-assessment,in-review,card-in-production,decided', 'granted,refused,withdrawn'),
  ('event-permit', 5, 56, 'received,in-review,emergency-services-advice,decided', 'granted,refused,withdrawn'),
  ('alien-registration', 4, 28, 'received,appointment,ind-check,registered', 'registered,refused,withdrawn'),
  ('terrace-permit', 2, 56, 'received,in-review,decided', 'granted,refused');

CREATE TEMP TABLE bench_mix AS
  SELECT t.tenant, y.code, y.share,
    CASE WHEN t.tenant = 'enschede' AND y.code = 'event-permit' THEN 70
      WHEN t.tenant = 'haarlem' AND y.code = 'driveway-permit' THEN 28 ELSE y.handling END AS handling,
    CASE WHEN t.tenant IN ('zwijndrecht', 'papendrecht') AND y.code = 'alien-registration' THEN 'dordrecht'
      ELSE t.tenant END AS handled_by,
    string_to_array(y.statuses, ',') AS statuses, string_to_array(y.outcomes, ',') AS outcomes
  FROM bench_tenants t CROSS JOIN bench_template y
  WHERE y.code <> 'terrace-permit' OR t.tenant = 'enschede';
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
CREATE TEMP TABLE bench_headcount AS SELECT tenant, count(*) AS people FROM bench_people GROUP BY tenant;

-- Cases.
CREATE TEMP TABLE bench_one AS
  SELECT t.tenant, t.i, t.prefix, g / z.n AS k, g AS key, y.code AS case_type,
    y.handling, y.handled_by, y.statuses, y.outcomes, y.steps,
    pg_temp.h(g, 4) < 0.04 + y.handling / 300.0 AS open
  FROM generate_series(0, :cases - 1) g CROSS JOIN (SELECT count(*) AS n FROM bench_tenants) z
  JOIN bench_tenants t ON t.i = g % z.n
  JOIN bench_types y ON y.tenant = t.tenant AND pg_temp.h(g, 3) >= y.lo AND pg_temp.h(g, 3) < y.hi;
CREATE TEMP TABLE bench_two AS
  SELECT o.*, CASE WHEN k % 2 = 1 AND pg_temp.h(key, 1) < 0.3 AND lag(open) OVER w = open THEN k - 1 ELSE k END AS bk,
    now() - CASE WHEN open THEN pg_temp.h(key, 5) * handling * 1.4
      ELSE handling * 1.2 + pg_temp.h(key, 5) * 1000 END * interval '1 day' AS created0
  FROM bench_one o WINDOW w AS (PARTITION BY tenant ORDER BY k);
CREATE TEMP TABLE bench_cases AS
WITH b AS (
  SELECT s.*, first_value(created0) OVER (PARTITION BY s.tenant, s.bk ORDER BY s.k) AS created_at,
    floor(pg_temp.h(s.bk * 1024 + s.i, 2) * z.people)::bigint AS pn
  FROM bench_two s JOIN bench_headcount z USING (tenant)
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

-- Contact moments: topics most asked first (catalogue products under their template names,
-- free topics stored lowercased and shown as typed), the same for every tenant.
CREATE TEMP TABLE bench_topics (i int, topic text, label text);
INSERT INTO bench_topics VALUES
  (0, 'paspoort', 'Paspoort aanvragen'), (1, 'openingstijden', 'Openingstijden'),
  (2, 'afvalcontainer', 'Afvalcontainer aanvragen of vervangen'), (3, 'verhuizing', 'Verhuizing doorgeven'),
  (4, 'identiteitskaart', 'Identiteitskaart (ID-kaart) aanvragen'), (5, 'afspraak maken', 'Afspraak maken'),
  (6, 'rijbewijs', 'Rijbewijs aanvragen of verlengen'), (7, 'grofvuil', 'Grofvuil laten ophalen'),
  (8, 'belastingen-betalen', 'Gemeentelijke belastingen betalen'), (9, 'status van mijn aanvraag', 'Status van mijn aanvraag'),
  (10, 'parkeervergunning', 'Parkeervergunning voor bewoners'), (11, 'melding-openbare-ruimte', 'Melding openbare ruimte doen'),
  (12, 'kwijtschelding', 'Kwijtschelding gemeentelijke belastingen'), (13, 'afspraak verzetten', 'Afspraak verzetten'),
  (14, 'woz-waarde', 'WOZ-waarde en taxatieverslag'), (15, 'uittreksel-brp', 'Uittreksel Basisregistratie Personen (BRP)'),
  (16, 'omgevingsvergunning', 'Omgevingsvergunning'), (17, 'ophaaldagen afval', 'Ophaaldagen afval'),
  (18, 'bijstandsuitkering', 'Bijstandsuitkering aanvragen'), (19, 'wmo', 'Hulp en ondersteuning thuis (Wmo)'),
  (20, 'inloggen met digid', 'Inloggen met DigiD'), (21, 'bezoekersparkeren', 'Bezoekersvergunning (parkeren voor bezoek)'),
  (22, 'aangifte-geboorte', 'Aangifte geboorte'), (23, 'afvalstoffenheffing', 'Afvalstoffenheffing'),
  (24, 'doorverbinden', 'Doorverbinden'), (25, 'aangifte-overlijden', 'Aangifte overlijden'),
  (26, 'huwelijk-partnerschap', 'Huwelijk of geregistreerd partnerschap'), (27, 'bezwaar-woz', 'Bezwaar maken tegen de WOZ-waarde'),
  (28, 'wegwerkzaamheden', 'Wegwerkzaamheden'), (29, 'hondenbelasting', 'Hondenbelasting'),
  (30, 'schuldhulpverlening', 'Schuldhulpverlening'), (31, 'vog', 'Verklaring Omtrent het Gedrag (VOG) aanvragen'),
  (32, 'storing website', 'Storing website'), (33, 'kapvergunning', 'Kapvergunning (boom kappen)'),
  (34, 'evenementenvergunning', 'Evenementenvergunning'), (35, 'gehandicaptenparkeerkaart', 'Parkeervoorzieningen gehandicapten'),
  (36, 'adres stadskantoor', 'Adres stadskantoor'), (37, 'gevonden-voorwerpen', 'Gevonden en verloren voorwerpen'),
  (38, 'energietoeslag', 'Energietoeslag'), (39, 'parkeren in de binnenstad', 'Parkeren in de binnenstad');
CREATE TEMP TABLE bench_teams (tenant text, teams text[]);
INSERT INTO bench_teams
  SELECT tenant, coalesce(teams, ARRAY['burgerzaken', 'vergunningen', 'belastingen', 'sociaal-domein'])
  FROM bench_tenants;

INSERT INTO contact_moments (tenant_id, id, channel, subject_bsn, topic, topic_label, question, answer,
  resolved_first_contact, received_at, answered_at, wait_seconds, response_working_days, handling_seconds,
  employee, case_reference, idempotency_key, registered_at)
WITH a AS (
  SELECT g, CASE WHEN pg_temp.h(g, 1) < o.share THEN 'enschede'
      ELSE o.names[1 + floor((pg_temp.h(g, 1) - o.share) / (1 - o.share) * o.n)::int] END AS tenant,
    ((date '2025-01-01' + floor(pg_temp.h(g, 2) * (current_date + 1 - date '2025-01-01'))::int)
      + time '08:00' + pg_temp.h(g, 3) * interval '9 hours') AT TIME ZONE 'Europe/Amsterdam' AS received_at,
    pg_temp.h(g, 4) AS c, floor(power(pg_temp.h(g, 5), 2.2) * 40)::int AS ti
  FROM generate_series(0, :contacts - 1) g CROSS JOIN bench_others o
), b AS (
  SELECT a.*, CASE WHEN c < 0.45 THEN 'phone' WHEN c < 0.65 THEN 'email' WHEN c < 0.80 THEN 'counter'
      WHEN c < 0.90 THEN 'web-form' WHEN c < 0.96 THEN 'chat' WHEN c < 0.98 THEN 'letter' ELSE 'social-media' END AS channel,
    received_at >= timestamptz '2026-01-01 00:00 Europe/Amsterdam' AS recent
  FROM a
), d AS (
  SELECT b.*, t.topic, t.label,
    CASE WHEN channel IN ('phone', 'chat') THEN floor(power(pg_temp.h(g, 6), 4) * CASE WHEN recent THEN 121 ELSE 150 END)::int END AS wait,
    CASE WHEN channel IN ('email', 'web-form') THEN least(floor(power(pg_temp.h(g, 7), 2) * CASE WHEN recent THEN 7 ELSE 8 END)::int, 6) END AS days,
    CASE WHEN channel IN ('phone', 'chat', 'counter') THEN 60 + floor(power(pg_temp.h(g, 8), 2) * 1200)::int
      ELSE 120 + floor(pg_temp.h(g, 8) * 900)::int END AS handling,
    CASE WHEN pg_temp.h(g, 9) < 0.6 THEN floor(pg_temp.h(g, 10) * z.people)::bigint END AS pn, bt.prefix
  FROM b JOIN bench_topics t ON t.i = b.ti JOIN bench_headcount z USING (tenant) JOIN bench_tenants bt USING (tenant)
)
SELECT d.tenant, pg_temp.v7(received_at, d.tenant || g), channel, p.bsn, topic, d.label,
  'Vraag over ' || lower(d.label) || ': ' || (ARRAY['wat moet ik meenemen en wat kost het?',
    'hoe lang duurt het voordat ik bericht krijg?', 'kan ik dit online regelen of moet ik langskomen?',
    'ik heb een brief gekregen en begrijp die niet.', 'wat is de stand van zaken?'])[1 + g % 5],
  (ARRAY['Uitgelegd welke stukken nodig zijn en verwezen naar de website.',
    'Stand van zaken opgezocht en de verwachte afhandeltermijn genoemd.',
    'Afspraak ingepland bij de balie in het stadskantoor.',
    'Doorverwezen naar het team dat hierover gaat.', 'Brief toegelicht en de bezwaartermijn uitgelegd.'])[1 + (g / 5) % 5],
  pg_temp.h(g, 11) < CASE WHEN recent THEN 0.77 ELSE 0.73 END,
  received_at,
  received_at + CASE WHEN wait IS NOT NULL THEN wait * interval '1 second'
    WHEN days IS NOT NULL THEN (days * 1.4 + 0.2) * interval '1 day' ELSE handling * interval '1 second' END,
  wait, days, handling, 'medewerker-' || g % 60,
  CASE WHEN pg_temp.h(g, 12) < 0.03 THEN d.prefix || '-' || extract(year FROM received_at) || '-'
    || lpad((1 + g % 20000)::text, 6, '0') END,
  CASE WHEN pg_temp.h(g, 13) < 0.8 THEN 'ui-' || md5(d.tenant || g) END,
  received_at + CASE WHEN days IS NOT NULL THEN (days * 1.4 + 0.2) * interval '1 day' ELSE interval '0 s' END
    + (coalesce(wait, 0) + handling + 60) * interval '1 second'
FROM d LEFT JOIN bench_people p ON p.tenant = d.tenant AND p.n = d.pn
ORDER BY received_at;

INSERT INTO callbacks (tenant_id, id, contact_id, team, subject_bsn, phone, question, requested_at, requested_by,
  deadline, completed_at, completed_by, result, in_time, version)
WITH m AS (
  SELECT m.tenant_id, m.id, m.subject_bsn, m.question, m.employee, m.registered_at AS requested_at,
    hashtext(m.id::text)::bigint AS k, (m.registered_at AT TIME ZONE 'Europe/Amsterdam')::date AS day
  FROM contact_moments m
  WHERE NOT m.resolved_first_contact AND m.channel IN ('phone', 'counter', 'email', 'chat', 'web-form')
    AND pg_temp.h(hashtext(m.id::text), 14) < 0.22
), c AS (
  SELECT m.*, day + CASE extract(isodow FROM day) WHEN 4 THEN 4 WHEN 5 THEN 4 WHEN 6 THEN 3 ELSE 2 END AS deadline,
    CASE WHEN pg_temp.h(k, 15) < 0.97 THEN requested_at + power(pg_temp.h(k, 16), 2) * interval '5 days' END AS done
  FROM m
)
SELECT c.tenant_id, pg_temp.v7(requested_at, 'cb' || c.id), c.id,
  t.teams[1 + floor(pg_temp.h(k, 17) * cardinality(t.teams))::int],
  subject_bsn, '06' || lpad((abs(k) % 100000000)::text, 8, '0'), question, requested_at, employee, deadline,
  CASE WHEN done <= now() THEN done END,
  CASE WHEN done <= now() THEN 'medewerker-' || abs(k) % 60 END,
  CASE WHEN done <= now() THEN 'Teruggebeld en de vraag beantwoord.' END,
  CASE WHEN done <= now() THEN (done AT TIME ZONE 'Europe/Amsterdam')::date <= deadline END,
  CASE WHEN done <= now() THEN 2 ELSE 1 END
FROM c JOIN bench_teams t ON t.tenant = c.tenant_id ORDER BY requested_at;

DROP TABLE bench_tenants, bench_others, bench_template, bench_mix, bench_types, bench_people, bench_headcount, bench_one,
  bench_two, bench_cases, bench_topics, bench_teams;
DROP FUNCTION pg_temp.h(bigint, int), pg_temp.v7(timestamptz, text);
