// The journeys' fixtures: the engine of the project (SQLite or PostgreSQL) and its server,
// logging in with the demo login, Loket's GraphQL API as the municipality's back office, and
// axe-core checks for WCAG 2.1 AA (and the 2.2 rules axe has).
import { createHmac } from 'node:crypto';

import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

import { readState, type Engine, type EngineState } from './support/state';

export const test = base.extend<{ loket: EngineState }, { engine: Engine }>({
  engine: ['sqlite', { option: true, scope: 'worker' }],
  loket: async ({ engine }, use) => {
    const found = readState().engines[engine];
    if (!found) throw new Error(`no server for ${engine}`);
    await use(found);
  },
  baseURL: async ({ loket }, use) => {
    await use(loket.base);
  },
});

export { expect };

/** Logs in with the demo login as one of a municipality's demo residents (in either language). */
export async function demoLogin(page: Page, tenant: string, persona = 1): Promise<void> {
  await page.goto(`/${tenant}/inloggen/demo`);
  await page
    .getByRole('button', {
      name: new RegExp(`^(Inloggen als proefinwoner|Log in as test resident) ${persona}$`),
    })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: /^(Mijn zaken|My cases)$/ }),
  ).toBeVisible();
}

/** Zero WCAG 2.1 AA violations (and 2.2 where axe checks) on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  const found = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
  expect(found, `axe on ${what}`).toEqual([]);
  expect(results.passes.length, `axe checked ${what}`).toBeGreaterThan(10);
}

/** The session token the portal keeps for this tenant in the tab. */
export async function sessionToken(page: Page, tenant: string): Promise<string> {
  const stored = await page.evaluate(
    (key) => sessionStorage.getItem(key),
    `loket:${tenant}:session`,
  );
  const session = JSON.parse(stored ?? '{}') as { token?: string };
  if (!session.token) throw new Error('not logged in');
  return session.token;
}

/**
 * Keeps a picture of the page for the README: test-results/screenshots/<name>-<project>.png.
 * It shows what the journey saw; nothing is compared with it.
 */
export async function keepScreenshot(page: Page, name: string, project: string): Promise<void> {
  await page.screenshot({
    path: `test-results/screenshots/${name}-${project}.png`,
    fullPage: false,
    animations: 'disabled',
  });
}

/** Switches the app's language with its language buttons. */
export async function chooseLanguage(page: Page, name: 'Nederlands' | 'English'): Promise<void> {
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', name === 'English' ? 'en' : 'nl');
}

/** Calls Loket's GraphQL API with a bearer token; fails on any error. */
export async function graphql<T>(
  request: APIRequestContext,
  base: string,
  token: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await request.post(`${base}/graphql`, {
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(body.errors ?? [], JSON.stringify(body.errors)).toEqual([]);
  return body.data as T;
}

/** An HS256 token signed with a development secret, for tokens Loket must refuse. */
export function devToken(secret: string, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/** Logs in to the staff console with the demo login, in one of the roles the policy knows. */
export async function staffLogin(page: Page, tenant: string, role: string): Promise<void> {
  await page.goto(`/${tenant}/medewerker/inloggen`);
  await page.getByRole('button', { name: `Inloggen als ${role}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
}

/** A demo login through the API: a demo resident (`persona`), or a staff role (`role`). */
export async function demoToken(
  request: APIRequestContext,
  base: string,
  tenant: string,
  who: { persona: number } | { role: string },
): Promise<{ token: string; bsn: string | null }> {
  const ask = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await request.post(`${base}/graphql`, {
      headers: { 'loket-tenant': tenant, 'content-type': 'application/json' },
      data: { query, variables },
    });
    const body = (await response.json()) as { data?: T; errors?: unknown[] };
    expect(body.errors ?? [], JSON.stringify(body.errors)).toEqual([]);
    return body.data as T;
  };
  let id: string;
  let bsn: string | null = null;
  if ('persona' in who) {
    const found = await ask<{ tenant: { demoPersonas: { id: string; bsn: string }[] } }>(
      '{ tenant { demoPersonas { id bsn } } }',
    );
    const persona = found.tenant.demoPersonas[who.persona - 1];
    if (!persona) throw new Error(`no demo resident ${who.persona} in ${tenant}`);
    id = persona.id;
    bsn = persona.bsn;
  } else {
    const found = await ask<{ tenant: { demoStaff: { id: string; role: string }[] } }>(
      '{ tenant { demoStaff { id role } } }',
    );
    const member = found.tenant.demoStaff.find((m) => m.role === who.role);
    if (!member) throw new Error(`no demo role ${who.role} in ${tenant}`);
    id = member.id;
  }
  const login = await ask<{ demoLogin: { token: string } }>(
    'mutation ($i: DemoLoginInput!) { demoLogin(input: $i) { token } }',
    { i: { persona: id } },
  );
  return { token: login.demoLogin.token, bsn };
}

/** A resident's new building-permit application, through the API; its id and reference. */
export async function newBuildingPermit(
  request: APIRequestContext,
  base: string,
  residentToken: string,
  description: string,
): Promise<{ id: string; reference: string; version: number }> {
  const made = await graphql<{
    submitRequest: { cases: { id: string; reference: string; version: number }[] };
  }>(
    request,
    base,
    residentToken,
    'mutation ($i: SubmitRequestInput!) { submitRequest(input: $i) { cases { id reference version } } }',
    { i: { products: ['omgevingsvergunning'], description } },
  );
  const first = made.submitRequest.cases[0];
  if (!first) throw new Error('no case made');
  return first;
}
