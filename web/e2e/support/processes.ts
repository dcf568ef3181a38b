// Starting the real `loket` binary for the end-to-end tests, and the helpers around it: free
// ports, a copy of the demo tenants with one municipality logging in through the test's
// OpenID Connect provider, PostgreSQL databases made and dropped, tokens from `loket token`.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import pg from 'pg';

const run = promisify(execFile);

export const repository = resolve(import.meta.dirname, '../../..');

/** The binary under test: LOKET_BIN, or the debug build in the cargo target folder. */
export function loketBinary(): string {
  if (process.env['LOKET_BIN']) return process.env['LOKET_BIN'];
  const target = process.env['CARGO_TARGET_DIR'] ?? join(repository, 'target');
  return join(target, 'debug', 'loket');
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/**
 * A copy of the repository's tenants in which `tenant` trusts the provider at `issuer` and
 * lets residents (`clientId`) and staff (`staffClientId`) log in there (OpenID Connect)
 * instead of with the demo login.
 */
export function tenantsWithProvider(
  tenant: string,
  issuer: string,
  audience: string,
  clientId: string,
  staffClientId: string,
): string {
  const dir = mkdtempSync(join(tmpdir(), 'loket-e2e-tenants-'));
  cpSync(join(repository, 'tenants'), dir, { recursive: true });
  const file = join(dir, tenant, 'tenant.toml');
  const text = readFileSync(file, 'utf8');
  const block = [
    '[[issuers]]',
    `issuer = "${issuer}"`,
    `audience = "${audience}"`,
    'algorithms = ["RS256"]',
    `jwks_url = "${issuer}/jwks"`,
    '',
    '[login.residents]',
    `issuer = "${issuer}"`,
    `client_id = "${clientId}"`,
    'scopes = ["openid", "offline_access"]',
    '',
    '[login.staff]',
    `issuer = "${issuer}"`,
    `client_id = "${staffClientId}"`,
    'scopes = ["openid", "offline_access"]',
    '',
  ].join('\n');
  const at = text.indexOf('[cors]');
  writeFileSync(file, `${text.slice(0, at)}${block}\n${text.slice(at)}`);
  return dir;
}

export interface Database {
  url: string;
  drop: () => Promise<void>;
}

/** A fresh database: a SQLite file, or a new database on the PostgreSQL server. */
export async function database(engine: 'sqlite' | 'postgres'): Promise<Database> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'loket-e2e-db-'));
    return { url: `sqlite://${join(dir, 'loket.db')}`, drop: async () => undefined };
  }
  const server =
    process.env['LOKET_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `loket_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface Loket {
  base: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

/** Starts `loket serve` and waits until it answers /readyz. */
export async function startLoket(options: {
  port: number;
  database: string;
  tenants: string;
  log: string;
}): Promise<Loket> {
  const log = createWriteStream(options.log);
  // Photos sent with reports go to a folder of this server's own, never into the clone
  // (serve's default is ./data/photos, relative to wherever the tests run).
  const photos = process.env['LOKET_PHOTO_STORE']
    ? null
    : mkdtempSync(join(tmpdir(), 'loket-e2e-photos-'));
  const child = spawn(
    loketBinary(),
    [
      'serve',
      '--listen',
      `127.0.0.1:${options.port}`,
      '--database',
      options.database,
      '--tenants',
      options.tenants,
    ],
    {
      env: {
        ...process.env,
        LOKET_LOG_FORMAT: 'json',
        // Webhooks to the test's own receiver on loopback, and a re-driven delivery sent
        // within a second rather than at the next half-minute poll.
        LOKET_INSECURE_WEBHOOKS: 'true',
        LOKET_DISPATCH_IDLE_MS: '1000',
        ...(photos ? { LOKET_PHOTO_STORE: photos } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const base = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`loket exited with ${child.exitCode}; see ${options.log}`);
    try {
      const response = await fetch(`${base}/readyz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`loket did not become ready; see ${options.log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    process: child,
    stop: async () => {
      await new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      if (photos) rmSync(photos, { recursive: true, force: true });
    },
  };
}

/** `loket token` for a tenant and role (a citizen token belongs to a demo resident). */
export async function token(
  tenants: string,
  databaseUrl: string,
  tenant: string,
  role: string,
): Promise<string> {
  const { stdout } = await run(loketBinary(), [
    'token',
    '--tenant',
    tenant,
    '--role',
    role,
    '--ttl',
    '7200',
    '--tenants',
    tenants,
    '--database',
    databaseUrl,
  ]);
  return stdout.trim();
}

/** The claims of a JWT, unverified. */
export function claims(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}
