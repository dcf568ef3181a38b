// Starts what the journeys need, once per run: the OpenID Connect provider, then one `loket
// serve` per engine on a fresh database (SQLite file, PostgreSQL database), and writes their
// addresses and a few tokens to LOKET_E2E_STATE. The returned function stops everything and
// drops the databases.
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startProvider } from './oidc-provider';
import { claims, database, freePort, startLoket, tenantsWithProvider, token } from './processes';
import { OIDC, type Engine, type State } from './state';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const engines = (process.env['LOKET_E2E_ENGINES'] ?? 'sqlite,postgres')
    .split(',')
    .map((e) => e.trim())
    .filter((e): e is Engine => e === 'sqlite' || e === 'postgres');
  const providerPort = await freePort();
  const ports = new Map<Engine, number>();
  for (const engine of engines) ports.set(engine, await freePort());
  const provider = await startProvider({
    port: providerPort,
    tenant: OIDC.tenant,
    audience: OIDC.audience,
    clientId: OIDC.clientId,
    redirectUris: [...ports.values()].map(
      (p) => `http://127.0.0.1:${p}/${OIDC.tenant}/inloggen/terug`,
    ),
    staffClientId: OIDC.staffClientId,
    staffRedirectUris: [...ports.values()].map(
      (p) => `http://127.0.0.1:${p}/${OIDC.tenant}/medewerker/inloggen/terug`,
    ),
  });
  const tenants = tenantsWithProvider(
    OIDC.tenant,
    provider.issuer,
    OIDC.audience,
    OIDC.clientId,
    OIDC.staffClientId,
  );
  const cleanups: (() => Promise<void>)[] = [
    provider.close,
    async () => rmSync(tenants, { recursive: true, force: true }),
  ];
  const state: State = { engines: {} };
  try {
    await Promise.all(
      engines.map(async (engine) => {
        const db = await database(engine);
        cleanups.push(db.drop);
        const log = join(tmpdir(), `loket-e2e-${engine}-${process.pid}.log`);
        const loket = await startLoket({
          port: ports.get(engine) ?? 0,
          database: db.url,
          tenants,
          log,
        });
        cleanups.unshift(loket.stop);
        const citizen = await token(tenants, db.url, OIDC.tenant, 'citizen');
        state.engines[engine] = {
          base: loket.base,
          log,
          backoffice: {
            enschede: await token(tenants, db.url, 'enschede', 'backoffice'),
            haarlem: await token(tenants, db.url, 'haarlem', 'backoffice'),
          },
          frontoffice: await token(tenants, db.url, 'enschede', 'frontoffice'),
          app: await token(tenants, db.url, 'enschede', 'app'),
          oidcResident: String(claims(citizen)['bsn']),
          devSecret: 'loket-demo-secret-for-development-only-0000',
          database: db.url,
        };
      }),
    );
  } catch (e) {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    throw e;
  }
  writeFileSync(process.env['LOKET_E2E_STATE'] ?? '', JSON.stringify(state));
  return async () => {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    rmSync(process.env['LOKET_E2E_STATE'] ?? '', { force: true });
  };
}
