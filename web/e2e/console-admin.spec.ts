// The console's administration: a functional administrator adds a product with its search
// terms, hides it and offers it again; sends a dead-lettered webhook message again once its
// receiver is fixed; and finds in the processing log who read a resident's data.
import { createServer, type Server } from 'node:http';

import type { APIRequestContext } from '@playwright/test';

import {
  demoToken,
  expect,
  expectAccessible,
  graphql,
  newBuildingPermit,
  staffLogin,
  test,
} from './fixtures';
import { claims } from './support/processes';

/** How many products an anonymous search in Enschede finds for `query`. */
async function found(request: APIRequestContext, base: string, query: string): Promise<string[]> {
  const response = await request.post(`${base}/graphql`, {
    headers: { 'loket-tenant': 'enschede', 'content-type': 'application/json' },
    data: {
      query: 'query ($s: String) { products(search: $s) { nodes { code } } }',
      variables: { s: query },
    },
  });
  const body = (await response.json()) as { data: { products: { nodes: { code: string }[] } } };
  return body.data.products.nodes.map((n) => n.code);
}

test('an administrator adds a product with search terms, hides it and offers it again', async ({
  page,
  loket,
}, info) => {
  const stamp = `${info.project.name.replace(/[^a-z]/g, '')}${Date.now() % 1_000_000}`;
  const code = `strandhuisje-${stamp}`;
  const word = `badhokje${stamp}`;
  await staffLogin(page, 'enschede', 'admin');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Catalogus' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalogus' })).toBeVisible();
  await expectAccessible(page, 'the catalogue list');
  await page.getByRole('link', { name: 'Nieuw product' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw product' })).toBeVisible();

  await page.getByRole('textbox', { name: 'Code' }).fill(code);
  await page.getByRole('textbox', { name: 'Naam' }).fill(`Strandhuisje huren ${stamp}`);
  await page.getByRole('textbox', { name: 'Omschrijving' }).fill('Huur een strandhuisje.');
  await page.getByRole('textbox', { name: 'Kosten' }).fill('€ 950 per seizoen');
  await page.getByRole('textbox', { name: 'Levertijd' }).fill('Binnen 4 weken');
  await page.getByRole('checkbox', { name: 'telefonisch' }).check();
  await page.getByRole('textbox', { name: /^Zoekwoorden/ }).fill(`${word}\nstrandcabine`);
  // No English summary: refused, and said at that field.
  await page.getByRole('button', { name: 'Product toevoegen' }).click();
  const summary = page.getByRole('textbox', { name: 'Samenvatting in het Engels' });
  await expect(summary).toHaveAccessibleDescription(/summary_en is empty/);
  await expectAccessible(page, 'the product form with a field error');
  await summary.fill('Rent a beach hut.');
  await page.getByRole('button', { name: 'Product toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Product wijzigen' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  expect(await found(page.request, loket.base, word)).toEqual([code]);

  // Hidden: residents no longer find it; the list still shows it, marked.
  const visibility = page.getByRole('region', { name: 'Zichtbaarheid' });
  await visibility.getByRole('button', { name: 'Verbergen voor inwoners' }).click();
  await expect(visibility).toContainText('Verborgen');
  expect(await found(page.request, loket.base, word)).toEqual([]);
  await page.getByRole('link', { name: 'Terug naar de catalogus' }).click();
  const row = page.getByRole('row').filter({ hasText: code });
  await expect(row).toContainText('Verborgen');

  // Offered again, and a search term added on the way.
  await row.getByRole('link').click();
  await visibility.getByRole('button', { name: 'Weer aanbieden' }).click();
  await expect(visibility).toContainText('Zichtbaar');
  const terms = page.getByRole('textbox', { name: /^Zoekwoorden/ });
  await terms.fill(`${word}\nstrandcabine\nzomerhuisje${stamp}`);
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen.' })).toBeVisible();
  expect(await found(page.request, loket.base, word)).toEqual([code]);
  expect(await found(page.request, loket.base, `zomerhuisje${stamp}`)).toEqual([code]);
});

test('a dead-lettered webhook message shows its error and is sent again', async ({
  page,
  loket,
}) => {
  // The receiver refuses (410) until it is "fixed", then accepts.
  let fixed = false;
  const refused: string[] = [];
  const accepted: string[] = [];
  const receiver: Server = createServer((request, response) => {
    const key = String(request.headers['loket-delivery'] ?? '');
    request.resume();
    if (fixed) {
      accepted.push(key);
      response.writeHead(204).end();
    } else {
      refused.push(key);
      response.writeHead(410).end();
    }
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  const address = receiver.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const subscribed = await graphql<{ subscribe: { subscription: { id: string } } }>(
    page.request,
    loket.base,
    loket.app,
    `
      mutation ($i: SubscribeInput!) {
        subscribe(input: $i) {
          subscription {
            id
          }
        }
      }
    `,
    {
      i: {
        topic: 'WEBHOOK',
        channel: 'WEBHOOK',
        address: `http://127.0.0.1:${port}/loket`,
        eventKinds: ['case.created'],
      },
    },
  );
  try {
    const resident = await demoToken(page.request, loket.base, 'enschede', { persona: 2 });
    await newBuildingPermit(page.request, loket.base, resident.token, 'Een dakkapel.');
    await expect.poll(() => refused.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const key = refused[0] ?? '';

    await staffLogin(page, 'enschede', 'admin');
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Berichtenverkeer' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Berichtenverkeer' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: key });
    await expect(async () => {
      await page.getByRole('button', { name: 'Vernieuwen' }).click();
      await expect(row).toContainText('receiver answered 410 Gone', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(row).toContainText('Niet bezorgd');
    await expectAccessible(page, 'the dead letters');

    fixed = true;
    await row.getByRole('button', { name: `Bericht ${key} opnieuw versturen` }).click();
    await expect(page.getByRole('status').filter({ hasText: key })).toContainText(
      'staat weer in de wachtrij',
    );
    await expect.poll(() => accepted.includes(key), { timeout: 30_000 }).toBe(true);
    await page.getByRole('combobox', { name: 'Status' }).selectOption('SENT');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(async () => {
      await page.getByRole('button', { name: 'Vernieuwen' }).click();
      await expect(row).toContainText('Bezorgd', { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  } finally {
    await graphql(
      page.request,
      loket.base,
      loket.app,
      `
        mutation ($i: UnsubscribeInput!) {
          unsubscribe(input: $i) {
            subscription {
              id
            }
          }
        }
      `,
      { i: { id: subscribed.subscribe.subscription.id } },
    );
    receiver.close();
  }
});

test('the processing log shows who read a resident, narrowed by filters', async ({
  page,
  loket,
}) => {
  const resident = await demoToken(page.request, loket.base, 'enschede', { persona: 3 });
  const bsn = resident.bsn ?? '';
  const reader = String(claims(loket.frontoffice)['sub']);
  await graphql(
    page.request,
    loket.base,
    loket.frontoffice,
    'query ($b: String!) { person(bsn: $b) { name { surname } } }',
    { b: bsn },
  );
  await staffLogin(page, 'enschede', 'admin');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Verwerkingslog' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verwerkingslog' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Burgerservicenummer' }).fill(bsn);
  await page.getByRole('textbox', { name: 'Wie' }).fill(reader);
  await page.getByRole('button', { name: 'Filteren' }).click();
  const rows = page.locator('.loket-processing-log tbody tr');
  await expect(rows.first()).toContainText(bsn);
  await expect(rows.first()).toContainText(reader);
  await expect(rows.first()).toContainText('frontoffice');
  await expectAccessible(page, 'the processing log');
  // Someone else's name: nothing.
  await page.getByRole('textbox', { name: 'Wie' }).fill(`${reader}-niet`);
  await page.getByRole('button', { name: 'Filteren' }).click();
  await expect(page.getByText('Geen verwerkingen gevonden.')).toBeVisible();
});
