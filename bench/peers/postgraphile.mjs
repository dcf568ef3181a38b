// PostGraphile 5 as the benchmark's peer: the same database, the same row-level security as
// the gateway (every request's transaction begins with set_config('role', 'loket_app', true)
// and set_config('loket.tenant', <tenant>, true)), a pool of 10 connections as the gateway's,
// no GraphiQL, no watch mode. bench/run copies this file next to the PostGraphile it installs
// and starts it with Node 22 or newer:
//
//   NODE_ENV=production node postgraphile.mjs DATABASE_URL PORT TENANT
import { createServer } from "node:http";

import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";

const [connectionString, port, tenant] = process.argv.slice(2);
if (!connectionString || !port || !tenant) {
  console.error("usage: postgraphile.mjs DATABASE_URL PORT TENANT");
  process.exit(2);
}

const preset = {
  extends: [PostGraphileAmberPreset],
  // Every column may be used in a condition or an ordering, not only the first column of an
  // index: a resident's cases are found by the second column of (tenant_id, subject_bsn, ...).
  disablePlugins: ["PgIndexBehaviorsPlugin"],
  pgServices: [makePgService({ connectionString, schemas: ["public"], poolConfig: { max: 10 } })],
  grafast: {
    explain: false,
    context: () => ({ pgSettings: { role: "loket_app", "loket.tenant": tenant } }),
  },
  grafserv: { graphqlPath: "/graphql", graphiql: false, watch: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.on("error", (e) => {
  console.error(e);
  process.exit(1);
});
await serv.addTo(server);
// Build the schema before listening, so that a listening server is a ready one.
await pgl.getSchemaResult();
server.listen(Number(port), "127.0.0.1", () => console.log(`postgraphile listening on 127.0.0.1:${port}`));
