// A resident asks for several products at once: one request, one bundle, one reference per
// product, whatever double clicks or lost answers happen on the way.
import type { Page } from '@playwright/test';

import { demoLogin, expect, expectAccessible, graphql, sessionToken, test } from './fixtures';

/** Fills the request form for a building permit and a driveway permit at the home address. */
async function fillRequest(page: Page, description: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Aanvragen' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aanvragen' })).toBeVisible();
  const products = page.getByRole('group', { name: 'Wat wilt u aanvragen?' });
  await products.getByRole('checkbox', { name: 'Omgevingsvergunning', exact: true }).check();
  await products.getByRole('checkbox', { name: 'Uitritvergunning', exact: true }).check();
  await expect(page.getByRole('radio', { name: /^Mijn adres:/ })).toBeChecked();
  await page.getByRole('textbox', { name: 'Wat wilt u doen?' }).fill(description);
}

/** The resident's cases with this description, from the API with the portal's own token. */
async function casesDescribed(page: Page, base: string, description: string) {
  const token = await sessionToken(page, 'enschede');
  const data = await graphql<{
    me: {
      cases: {
        edges: { node: { reference: string; bundleId: string; description: string | null } }[];
      };
    };
  }>(
    page.request,
    base,
    token,
    '{ me { cases(first: 100) { edges { node { reference bundleId description } } } } }',
  );
  return data.me.cases.edges.map((e) => e.node).filter((c) => c.description === description);
}

test('a building permit and a driveway permit at once, each with its reference, both in my cases', async ({
  page,
  loket,
}, info) => {
  const description = `Uitbouw achter en een uitrit (${info.project.name} ${Date.now()})`;
  await demoLogin(page, 'enschede');
  await expectAccessible(page, 'my cases');
  await fillRequest(page, description);
  await expectAccessible(page, 'the request form');
  // A double click makes one request: one bundle with two cases.
  await page.getByRole('button', { name: 'Aanvraag versturen' }).dblclick();
  await expect(
    page.getByRole('heading', { level: 1, name: 'We hebben uw aanvraag ontvangen' }),
  ).toBeVisible();
  const references = await page.locator('.loket-confirmation__reference').allTextContents();
  expect(references).toHaveLength(2);
  await expect(page.getByText('Omgevingsvergunning bouwen')).toBeVisible();
  await expect(page.getByText('Uitritvergunning')).toBeVisible();
  await expectAccessible(page, 'the confirmation');

  const made = await casesDescribed(page, loket.base, description);
  expect(made.map((c) => c.reference).sort()).toEqual([...references].sort());
  expect(new Set(made.map((c) => c.bundleId)).size).toBe(1);

  await page.getByRole('link', { name: 'Naar al uw zaken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn zaken' })).toBeVisible();
  for (const reference of references) {
    await expect(page.getByText(reference, { exact: true })).toHaveCount(1);
  }
  await expectAccessible(page, 'my cases with the new ones');
});

test('a retry after a lost answer makes one bundle, not two', async ({ page, loket }, info) => {
  const description = `Dakkapel en uitrit, opnieuw geprobeerd (${info.project.name} ${Date.now()})`;
  await demoLogin(page, 'enschede');
  await fillRequest(page, description);
  let dropped = false;
  await page.route('**/graphql', async (route) => {
    if (!dropped && (route.request().postData() ?? '').includes('mutation SubmitRequest')) {
      dropped = true;
      // Loket makes the cases; the answer is lost on its way back.
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  const alert = page.getByRole('alert', { name: 'Dat ging niet goed' });
  await expect(alert).toContainText('We krijgen geen verbinding');
  await expectAccessible(page, 'the request form with a lost answer');
  await alert.getByRole('button', { name: 'Probeer het opnieuw' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'We hebben uw aanvraag ontvangen' }),
  ).toBeVisible();
  const references = await page.locator('.loket-confirmation__reference').allTextContents();
  const made = await casesDescribed(page, loket.base, description);
  expect(made).toHaveLength(2);
  expect(made.map((c) => c.reference).sort()).toEqual([...references].sort());
});

test("Loket's complaint about a field appears next to that field", async ({
  page,
  request,
  loket,
}) => {
  // An address in another municipality (BAG data is public; Haarlem's demo residents live there).
  const personas = await request.post(`${loket.base}/graphql`, {
    headers: { 'content-type': 'application/json', 'loket-tenant': 'haarlem' },
    data: { query: '{ tenant { demoPersonas { address } } }' },
  });
  const label =
    ((await personas.json()) as { data: { tenant: { demoPersonas: { address: string }[] } } }).data
      .tenant.demoPersonas[0]?.address ?? '';
  const [, number, postcode] = /\s(\d+)\S*,\s*(\d{4}\s?[A-Z]{2})\s/.exec(label) ?? [];
  expect(number && postcode, label).toBeTruthy();

  await demoLogin(page, 'enschede');
  await page.goto('/enschede/aanvragen?product=uitritvergunning');
  await expect(page.getByRole('checkbox', { name: 'Uitritvergunning', exact: true })).toBeChecked();
  await page.getByRole('radio', { name: 'Een ander adres' }).check();
  await page.getByRole('textbox', { name: 'Postcode' }).fill(postcode ?? '');
  await page.getByRole('textbox', { name: 'Huisnummer' }).fill(number ?? '');
  await page.getByRole('button', { name: 'Zoek adres' }).click();
  await expect(page.getByText(/^Gevonden: .*Haarlem$/)).toBeVisible();
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  const place = page.getByRole('group', { name: 'Over welk adres gaat het?' });
  await expect(place).toHaveAccessibleDescription(
    /Dit klopt niet: the address lies in another municipality/,
  );
  await expect(place.getByText('the address lies in another municipality')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, 'the request form with a field error');
});
