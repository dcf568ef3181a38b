// What the console shows follows the municipality's policy file, not its code: Haarlem's front
// office does not see decisions, and changing one line of Haarlem's policy.csv lets it, with
// the same binary and the same bundle. Runs once per run (it starts a server of its own).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

import { demoToken, expect, graphql, newBuildingPermit, staffLogin, test } from './fixtures';
import { database, freePort, repository, startLoket } from './support/processes';

test("one changed line in Haarlem's policy.csv shows its front office the decision", async ({
  browser,
}) => {
  const tenants = mkdtempSync(join(tmpdir(), 'loket-e2e-policy-'));
  cpSync(join(repository, 'tenants'), tenants, { recursive: true });
  const policy = join(tenants, 'haarlem', 'policy.csv');
  const denied = 'p, frontoffice, haarlem, case/*/outcome, read, deny';
  const text = readFileSync(policy, 'utf8');
  expect(text).toContain(denied);
  writeFileSync(policy, text.replace(denied, denied.replace(/deny$/, 'allow')));
  const db = await database('sqlite');
  const server = await startLoket({
    port: await freePort(),
    database: db.url,
    tenants,
    log: join(tenants, 'loket.log'),
  });
  const context = await browser.newContext({ baseURL: server.base });
  try {
    const page = await context.newPage();
    const resident = await demoToken(page.request, server.base, 'haarlem', { persona: 1 });
    const backoffice = await demoToken(page.request, server.base, 'haarlem', {
      role: 'backoffice',
    });
    const permit = await newBuildingPermit(
      page.request,
      server.base,
      resident.token,
      `Een schuur ${randomUUID()}`,
    );
    await graphql(
      page.request,
      server.base,
      backoffice.token,
      'mutation ($i: DecideCaseInput!) { decideCase(input: $i) { case { id } } }',
      {
        i: {
          caseId: permit.id,
          outcome: 'granted',
          explanation: 'Past in het omgevingsplan.',
          expectedVersion: permit.version,
        },
      },
    );
    await staffLogin(page, 'haarlem', 'frontoffice');
    await page.getByRole('link', { name: 'Inwoner zoeken' }).first().click();
    await page.getByRole('textbox', { name: 'Burgerservicenummer' }).fill(resident.bsn ?? '');
    await page.getByRole('button', { name: 'Openen' }).click();
    const item = page.getByRole('article').filter({ hasText: permit.reference });
    await expect(item.locator('.loket-case-decision-name')).toHaveText('Verleend');
  } finally {
    await context.close();
    await server.stop();
    await db.drop();
    rmSync(tenants, { recursive: true, force: true });
  }
});
