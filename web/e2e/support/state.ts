// What global setup hands the tests.
import { readFileSync } from 'node:fs';

export type Engine = 'sqlite' | 'postgres';

/** The municipality that logs in through the test's OpenID Connect provider. */
export const OIDC = {
  tenant: 'heemskerk',
  audience: 'loket-heemskerk',
  clientId: 'mijn-loket',
  /** The staff console's client: its login names are the employee's role. */
  staffClientId: 'loket-medewerker',
} as const;

export interface EngineState {
  /** http://127.0.0.1:PORT */
  base: string;
  /** The server's log file. */
  log: string;
  /** Back-office tokens by tenant, for changes "made by the municipality". */
  backoffice: Record<'enschede' | 'haarlem', string>;
  /** A front-office token of Enschede, to register contacts with residents. */
  frontoffice: string;
  /** A third-party app's token of Enschede, to subscribe a webhook. */
  app: string;
  /** The BSN of a resident of the OpenID Connect municipality, to log in with there. */
  oidcResident: string;
  /** The demo tenants' development secret (their tenant.toml), to sign a stale token. */
  devSecret: string;
  /** The server's database (`sqlite://…` or `postgres://…`), to seed what the API cannot make. */
  database: string;
}

export interface State {
  engines: Partial<Record<Engine, EngineState>>;
}

export function readState(): State {
  return JSON.parse(readFileSync(process.env['LOKET_E2E_STATE'] ?? '', 'utf8')) as State;
}
