// How staff reach the console: with the municipality's OpenID Connect provider (the role in
// the provider's token decides what the console offers), apart from any resident session in
// the same browser; and by keyboard alone, as staff who work in it all day do.
import { randomUUID } from 'node:crypto';

import type { Locator, Page } from '@playwright/test';

import {
  demoToken,
  expect,
  expectAccessible,
  newBuildingPermit,
  staffLogin,
  test,
} from './fixtures';
import { OIDC } from './support/state';

/** Presses Tab until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, most = 80): Promise<void> {
  for (let i = 0; i < most; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${target.toString()} with Tab`);
}

test('staff log in to the console with the municipality’s OpenID Connect provider', async ({
  page,
}) => {
  await page.goto(`/${OIDC.tenant}/medewerker`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Inloggen voor medewerkers' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Inloggen als / })).toHaveCount(0);
  await expectAccessible(page, 'the console login page');
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();

  await page.locator('input[name="login"]').fill('frontoffice');
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/${OIDC.tenant}/medewerker$`));
  const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(menu.getByRole('link', { name: 'Inwoner zoeken' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Werkvoorraad' })).toHaveCount(0);
  const stored = await page.evaluate(
    (tenant) => ({
      staff: sessionStorage.getItem(`loket:${tenant}:staff:session`),
      resident: sessionStorage.getItem(`loket:${tenant}:session`),
    }),
    OIDC.tenant,
  );
  expect(stored.staff).toContain('"method":"oidc"');
  expect(stored.resident).toBeNull();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible();
});

test('the back office works a case by keyboard alone', async ({ page, loket }) => {
  const resident = await demoToken(page.request, loket.base, 'enschede', { persona: 1 });
  const permit = await newBuildingPermit(
    page.request,
    loket.base,
    resident.token,
    `Een dakterras ${randomUUID()}`,
  );
  await staffLogin(page, 'enschede', 'backoffice');

  const queue = page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', {
    name: 'Werkvoorraad',
  });
  await tabTo(page, queue);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Werkvoorraad' })).toBeVisible();
  await expectAccessible(page, 'the work queue');

  // Narrow the queue to unassigned building permits, by keyboard.
  await tabTo(page, page.getByRole('combobox', { name: 'Zaaktype' }));
  await page.getByRole('combobox', { name: 'Zaaktype' }).selectOption('building-permit');
  await tabTo(page, page.getByRole('checkbox', { name: 'Alleen zonder behandelaar' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Filteren' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/type=building-permit/);
  await expect(page).toHaveURL(/vrij=1/);
  const link = page.getByRole('link', { name: permit.reference, exact: true });
  await expect(link).toBeVisible();

  await tabTo(page, link, 400);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(permit.reference);

  const note = page.getByRole('textbox', { name: 'Notitie (alleen voor collega’s)' });
  await tabTo(page, note);
  await page.keyboard.type('Tekening ontbreekt; bellen.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Notitie opslaan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Journaal' })).toContainText(
    'Tekening ontbreekt; bellen.',
  );
});
