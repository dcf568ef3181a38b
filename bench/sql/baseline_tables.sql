-- Tables only the baselines use, made by bench/run after seeding (psql, as the superuser).
--
-- bench_catalog: every tenant's published products (read from the gateway itself) with
-- PostgreSQL's Dutch text-search vector and a GIN index, as in tests/benches/catalog_search.rs;
-- with the same grants and row-level security as the application's tenant tables, so that the
-- search runs as loket_app confined to one tenant.
CREATE TABLE bench_catalog (tenant_id text NOT NULL, code text NOT NULL, name text NOT NULL, terms text NOT NULL,
  body text NOT NULL,
  doc tsvector GENERATED ALWAYS AS (setweight(to_tsvector('dutch', name), 'A') || setweight(to_tsvector('dutch', terms), 'B')
    || setweight(to_tsvector('dutch', body), 'C')) STORED,
  PRIMARY KEY (tenant_id, code));
CREATE INDEX bench_catalog_doc ON bench_catalog USING gin (doc);
GRANT SELECT ON bench_catalog TO loket_app;
ALTER TABLE bench_catalog ENABLE ROW LEVEL SECURITY;
ALTER TABLE bench_catalog FORCE ROW LEVEL SECURITY;
CREATE POLICY bench_catalog_tenant_isolation ON bench_catalog
  USING (tenant_id = current_setting('loket.tenant', true));

-- The inputs the load generator draws from at random, numbered for pgbench's random(1, n):
-- the search queries, and the sample of valuation objects.
CREATE TABLE bench_search_queries (n int PRIMARY KEY, text text NOT NULL);
GRANT SELECT ON bench_search_queries TO loket_app;
CREATE TABLE bench_valuation_sample (n int PRIMARY KEY, id text NOT NULL);
