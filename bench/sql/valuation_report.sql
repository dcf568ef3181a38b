-- Baseline of valuation_report (pgbench script, run by bench/run with -M prepared): the SQL the
-- registry runs for one report, after tests/benches/registry_scale.rs. The registries are
-- shared by all tenants and the gateway reads them outside tenant transactions, on its own
-- connection, so this baseline does too. The object is drawn at random from the same sample
-- the load generator uses (bench_valuation_sample); the comparables query is the registry's
-- PostgreSQL statement (services/registry/src/service/valuations.rs) with Enschede's settings
-- (values within 10 %, within 1,500 m, at most 10), its search box computed from the object.
\set i random(1, :objects)
SELECT * FROM valuation_objects WHERE id = (SELECT id FROM bench_valuation_sample WHERE n = :i) \gset v_
SELECT * FROM addresses WHERE id = :v_address_id;
SELECT * FROM valuation_values WHERE object_id = :v_id ORDER BY reference_date;
SELECT coalesce(string_agg(address_id, ','), '') AS comparable_addresses FROM (
  SELECT id, address_id, usage, floor_area, plot_area, build_year, lat, lon, latest_value, latest_reference_date
  FROM valuation_objects
  WHERE usage = :v_usage
    AND latest_value BETWEEN CAST(floor(CAST(:v_latest_value AS bigint) * 0.9) AS bigint)
      AND CAST(ceil(CAST(:v_latest_value AS bigint) * 1.1) AS bigint)
    AND id <> :v_id
    AND point(lon * 0.6157, lat) <@ box(
      point((CAST(:v_lon AS float8) - 1500 / 111320.0 / cos(radians(CAST(:v_lat AS float8)))) * 0.6157, CAST(:v_lat AS float8) - 1500 / 111320.0),
      point((CAST(:v_lon AS float8) + 1500 / 111320.0 / cos(radians(CAST(:v_lat AS float8)))) * 0.6157, CAST(:v_lat AS float8) + 1500 / 111320.0))
  ORDER BY point(lon * 0.6157, lat) <-> point(CAST(:v_lon AS float8) * 0.6157, CAST(:v_lat AS float8))
  LIMIT 10) comparables \gset
SELECT * FROM addresses WHERE id = ANY(string_to_array(:comparable_addresses, ','));
