// The manager's dashboard on figures this journey registers itself (in Dordrecht, where no
// other journey registers contacts; a month of its own per viewport): whether each norm was
// kept, the charts' values equal to the API's report, a table beside every chart, and the CSV
// in one click equal to the API's CSV.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import {
  demoToken,
  expect,
  expectAccessible,
  graphql,
  keepScreenshot,
  staffLogin,
  test,
} from './fixtures';

const TENANT = 'dordrecht';

interface Report {
  serviceReport: {
    current: {
      contacts: number;
      channels: { channel: string; contacts: number }[];
      norms: {
        norm: string;
        description: string;
        achieved: boolean | null;
        compliance: { percentage: number | null };
      }[];
      firstContactResolution: { percentage: number | null };
    };
  };
}

/** The number at the end of a bar's label ("Telefoon, … : 75%" gives 75). */
function valueOf(label: string): number {
  const text = label
    .slice(label.lastIndexOf(':') + 1)
    .replace(/[%\s\u00a0.]/g, '')
    .replace(',', '.');
  return Number(text);
}

test('the dashboard shows the norms, the charts say what the API says, and the CSV downloads', async ({
  page,
  loket,
}, info) => {
  // A month of its own per viewport, so that the two journeys on one server do not mix.
  const month = info.project.name.endsWith('phone') ? '04' : '03';
  const from = `2025-${month}-01`;
  const to = `2025-${month}-28`;
  const at = (day: number, hour = 10) =>
    `2025-${month}-${String(day).padStart(2, '0')}T${hour}:00:00Z`;
  const front = await demoToken(page.request, loket.base, TENANT, { role: 'frontoffice' });
  const register = (input: Record<string, unknown>) =>
    graphql(
      page.request,
      loket.base,
      front.token,
      'mutation ($i: RegisterContactInput!) { registerContact(input: $i) { replayed } }',
      {
        i: {
          topic: 'afvalpas',
          question: 'Wanneer komt de afvalpas?',
          answer: 'Binnen een week.',
          ...input,
        },
      },
    );
  // Four calls, three answered within Dordrecht's 30 seconds; two e-mails, one within two
  // working days; one call a year earlier.
  for (const [day, wait, resolved] of [
    [3, 12, true],
    [4, 25, true],
    [5, 75, false],
    [6, 8, true],
  ] as const) {
    await register({
      channel: 'PHONE',
      waitSeconds: wait,
      resolvedFirstContact: resolved,
      receivedAt: at(day),
      answeredAt: at(day, 11),
    });
  }
  await register({
    channel: 'EMAIL',
    resolvedFirstContact: true,
    receivedAt: at(10),
    answeredAt: at(11),
  });
  await register({
    channel: 'EMAIL',
    resolvedFirstContact: true,
    receivedAt: at(12),
    answeredAt: at(25),
  });
  await register({
    channel: 'PHONE',
    waitSeconds: 50,
    resolvedFirstContact: true,
    receivedAt: `2024-${month}-05T10:00:00Z`,
  });

  const manager = await demoToken(page.request, loket.base, TENANT, { role: 'manager' });
  const api = await graphql<Report>(
    page.request,
    loket.base,
    manager.token,
    'query ($p: PeriodInput!) { serviceReport(period: $p) { current { contacts channels { channel contacts } norms { norm description achieved compliance { percentage } } firstContactResolution { percentage } } } }',
    { p: { from, to } },
  );
  expect(api.serviceReport.current.contacts).toBe(6);

  await staffLogin(page, TENANT, 'manager');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Rapportage' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Rapportage dienstverlening' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Van', exact: true }).fill(from);
  await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill(to);
  await page.getByRole('button', { name: 'Tonen' }).click();
  await expect(page).toHaveURL(new RegExp(`van=${from}&tot=${to}`));
  await expect(page.getByText('6 contacten')).toBeVisible();

  // Each norm at a glance, as the API judged it.
  for (const norm of api.serviceReport.current.norms) {
    const card = page.locator('.loket-norm').filter({ hasText: norm.description });
    await expect(card).toContainText(
      norm.achieved === null ? 'Niets gemeten' : norm.achieved ? 'Gehaald' : 'Niet gehaald',
    );
  }

  // The bars say the API's figures.
  const bars = async (chart: string) =>
    page
      .getByRole('figure', { name: chart })
      .locator('g.loket-plot-current [aria-label]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''));
  const channelBars = await bars('Contacten per kanaal');
  expect(channelBars.map(valueOf).sort()).toEqual(
    api.serviceReport.current.channels.map((c) => c.contacts).sort(),
  );
  const normBars = await bars('Servicenormen: gehaald aandeel tegen de norm');
  expect(normBars.map(valueOf).sort()).toEqual(
    api.serviceReport.current.norms
      .map((n) => n.compliance.percentage)
      .filter((p): p is number => p !== null)
      .map((p) => Math.round(p * 10) / 10)
      .sort(),
  );
  const fcr = await bars('Opgelost in het eerste contact');
  expect(fcr.map(valueOf)).toEqual([
    Math.round((api.serviceReport.current.firstContactResolution.percentage ?? 0) * 10) / 10,
  ]);
  // Every chart has its table.
  await expect(page.getByRole('table', { name: 'Contacten per kanaal' })).toContainText('Telefoon');
  await expectAccessible(page, 'the dashboard');
  await keepScreenshot(page, 'console-report', info.project.name);

  // The CSV in one click, the same as the API's.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download als CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  const direct = await page.request.get(`${loket.base}/reports/service.csv?from=${from}&to=${to}`, {
    headers: { authorization: `Bearer ${manager.token}` },
  });
  expect(direct.ok()).toBe(true);
  expect(csv).toBe(await direct.text());
  expect(csv.split('\n').length).toBeGreaterThan(3);
});

test('an administrator makes a query that found nothing a search term in one step', async ({
  page,
  loket,
}) => {
  const word = `plof${randomUUID().replace(/[^a-f]/g, '')}`;
  const search = async (text: string) => {
    const response = await page.request.post(`${loket.base}/graphql`, {
      headers: { 'loket-tenant': TENANT, 'content-type': 'application/json' },
      data: {
        query:
          'query ($s: String!) { products(search: $s, first: 3) { totalCount nodes { code name } } }',
        variables: { s: text },
      },
    });
    const body = (await response.json()) as {
      data: { products: { totalCount: number; nodes: { code: string; name: string }[] } };
    };
    return body.data.products;
  };
  // A resident searches and finds nothing.
  expect((await search(word)).totalCount).toBe(0);
  const meant = (await search('paspoort')).nodes[0];
  if (!meant) throw new Error('no passport in the catalogue');

  await staffLogin(page, TENANT, 'admin');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Zoekrapport' })
    .click();
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  await page.getByRole('textbox', { name: 'Van', exact: true }).fill(today);
  await page.getByRole('textbox', { name: 'Tot en met', exact: true }).fill(today);
  await page.getByRole('button', { name: 'Tonen' }).click();
  const item = page.getByRole('listitem').filter({ hasText: word });
  await expect(item).toContainText('1 keer gezocht');
  await expectAccessible(page, 'the search report');
  await item.getByRole('combobox', { name: 'Bedoeld product' }).selectOption({ label: meant.name });
  await item.getByRole('button', { name: 'Als zoekwoord toevoegen' }).click();
  await expect(item.getByRole('status')).toContainText(`is nu een zoekwoord van ${meant.name}`);

  // Residents find it now (the catalogue's search picks the change up within seconds).
  await expect
    .poll(async () => (await search(word)).nodes.map((n) => n.code), { timeout: 30_000 })
    .toContain(meant.code);
});

interface Comparison {
  benchmark: {
    period: string;
    computedAt: string | null;
    figures: {
      key: string;
      standing: string | null;
      rank: number | null;
      participants: number;
      compared: boolean;
    }[];
  };
}

test('the dashboard compares the municipality with the others as the API does', async ({
  page,
  loket,
}) => {
  // The dashboard opens on the last full month, which the daily run computes at start-up.
  const today = new Date();
  const last = new Date(today.getFullYear(), today.getMonth() - 1, 1);
  const period = `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
  const manager = await demoToken(page.request, loket.base, 'enschede', { role: 'manager' });
  const ask = () =>
    graphql<Comparison>(
      page.request,
      loket.base,
      manager.token,
      'query ($p: String!) { benchmark(period: $p) { period computedAt figures { key standing rank participants compared } } }',
      { p: period },
    );
  await expect
    .poll(async () => (await ask()).benchmark.computedAt, { timeout: 30_000 })
    .not.toBeNull();
  const api = (await ask()).benchmark;
  expect(api.figures.length).toBeGreaterThan(4);

  await staffLogin(page, 'enschede', 'manager');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Rapportage' })
    .click();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Vergeleken met andere gemeenten' }),
  ).toBeVisible();
  const table = page.getByRole('table', {
    name: `Eigen gemeente tegenover de deelnemers, ${period}`,
  });
  await expect(table.locator('tbody tr')).toHaveCount(api.figures.length);
  const standings = await table
    .locator('tbody tr td:nth-child(3)')
    .evaluateAll((cells) => cells.map((c) => c.textContent ?? ''));
  const expected = api.figures.map((f) =>
    f.standing === 'COMPARED'
      ? `${f.rank} van ${f.participants}`
      : f.standing === 'TOO_FEW_EVENTS'
        ? 'Niet vergeleken: te weinig gevallen'
        : 'Niet vergeleken: te weinig deelnemers',
  );
  expect(standings.sort()).toEqual(expected.sort());
  await expectAccessible(page, 'the dashboard with the comparison');

  // The comparison as CSV in one click, the same as the API's.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Vergelijking downloaden als CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const direct = await page.request.get(`${loket.base}/reports/benchmark.csv?period=${period}`, {
    headers: { authorization: `Bearer ${manager.token}` },
  });
  expect(direct.ok()).toBe(true);
  expect(csv).toBe(await direct.text());
});
