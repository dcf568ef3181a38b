-- Baseline of valuation_report (pgbench script, run by bench/run with -M prepared): the least
-- SQL for the same result as one valuationReport with the scenario's selection. The registries
-- are shared by all tenants and bound by no row-level security, so one statement on its own:
-- the object (drawn at random from the same sample the load generator uses,
-- bench_valuation_sample) and its address, its value history as JSON, and its comparables as
-- JSON with their distance and street: the registry's nearest-neighbour query on the GiST
-- index (services/registry/src/service/valuations.rs) with Enschede's settings (values within
-- 10 %, within 1,500 m, at most 10), its search box computed from the object, nearest first.
-- Variable (-D): the sample's size.
\set i random(1, :objects)
WITH v AS (
  SELECT * FROM valuation_objects WHERE id = (SELECT id FROM bench_valuation_sample WHERE n = :i)
)
SELECT v.id, v.latest_value, v.floor_area, a.street,
  (SELECT json_agg(h.value ORDER BY h.reference_date) FROM valuation_values h WHERE h.object_id = v.id) AS history,
  (SELECT json_agg(json_build_object('id', c.id, 'value', c.latest_value, 'distanceMeters', c.distance,
      'street', ca.street) ORDER BY c.distance)
    FROM (SELECT n.id, n.address_id, n.latest_value,
        sqrt(power(radians(n.lon - v.lon) * cos(radians((n.lat + v.lat) / 2)), 2) + power(radians(n.lat - v.lat), 2))
          * 6371000 AS distance
      FROM valuation_objects n
      WHERE n.usage = v.usage
        AND n.latest_value BETWEEN CAST(floor(v.latest_value * 0.9) AS bigint) AND CAST(ceil(v.latest_value * 1.1) AS bigint)
        AND n.id <> v.id
        AND point(n.lon * 0.6157, n.lat) <@ box(
          point((v.lon - 1500 / 111320.0 / cos(radians(v.lat))) * 0.6157, v.lat - 1500 / 111320.0),
          point((v.lon + 1500 / 111320.0 / cos(radians(v.lat))) * 0.6157, v.lat + 1500 / 111320.0))
      ORDER BY point(n.lon * 0.6157, n.lat) <-> point(v.lon * 0.6157, v.lat)
      LIMIT 10) c
    LEFT JOIN addresses ca ON ca.id = c.address_id
    WHERE c.distance <= 1500) AS comparables
FROM v LEFT JOIN addresses a ON a.id = v.address_id;
