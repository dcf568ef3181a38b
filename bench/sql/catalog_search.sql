-- Baseline of catalog_search (pgbench script, run by bench/run with -M prepared): PostgreSQL's
-- own Dutch full-text search over the same products (GIN index, rank, headline, total), as in
-- tests/benches/catalog_search.rs, in a tenant transaction as loket_app. It knows no synonyms or
-- typos, so it is the cheapest honest alternative to the gateway's in-memory index (which
-- touches no database at all). The query text is drawn at random from the same list the load
-- generator uses (bench_search_queries, looked up inside the statement).
\set i random(1, :queries)
BEGIN;
SELECT set_config('role', 'loket_app', true), set_config('loket.tenant', :tenant, true);
WITH q AS (SELECT websearch_to_tsquery('dutch', (SELECT text FROM bench_search_queries WHERE n = :i)) AS q),
  hits AS (SELECT code, name, body, ts_rank(doc, q.q) AS rank FROM bench_catalog, q
    WHERE tenant_id = :tenant AND doc @@ q.q)
SELECT code, name, rank, ts_headline('dutch', body, (SELECT q FROM q)) AS snippet,
  (SELECT count(*) FROM hits) AS total FROM hits ORDER BY rank DESC LIMIT 10;
COMMIT;
