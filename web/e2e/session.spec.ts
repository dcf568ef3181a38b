// A login that ended leads to the login page with a word of explanation, never to a blank
// page: a token past its expiry, and one Loket refuses.
import type { Page } from '@playwright/test';

import { devToken, expect, expectAccessible, test } from './fixtures';

async function storeSession(page: Page, token: string, expiresAt: number) {
  await page.goto('/enschede/');
  await page.evaluate(
    ([t, e]) =>
      sessionStorage.setItem(
        'loket:enschede:session',
        JSON.stringify({ token: t, expiresAt: e, method: 'demo' }),
      ),
    [token, expiresAt] as const,
  );
}

test('an expired token leads to the login page', async ({ page, loket }) => {
  const past = Math.floor(Date.now() / 1000) - 3600;
  const token = devToken(loket.devSecret, {
    iss: 'https://dev.loket.local',
    aud: 'loket',
    sub: 'citizen-enschede',
    exp: past,
    tenant: 'enschede',
    roles: ['citizen'],
    bsn: '999993653',
    loa: 'substantial',
  });
  await storeSession(page, token, past * 1000);
  await page.goto('/enschede/mijn/zaken');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(
    page.getByText('Uw sessie is verlopen. Log opnieuw in om verder te gaan.'),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/enschede\/inloggen\?terug=%2Fmijn%2Fzaken$/);
  await expectAccessible(page, 'the login page after the session expired');
});

test('a token Loket refuses leads to the login page', async ({ page, loket }) => {
  const future = Math.floor(Date.now() / 1000) + 3600;
  const forged = devToken(`${loket.devSecret}-but-not-quite`, {
    iss: 'https://dev.loket.local',
    aud: 'loket',
    sub: 'citizen-enschede',
    exp: future,
    tenant: 'enschede',
    roles: ['citizen'],
    bsn: '999993653',
    loa: 'substantial',
  });
  await storeSession(page, forged, future * 1000);
  await page.goto('/enschede/mijn/woz');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(
    page.getByText('Uw sessie is verlopen. Log opnieuw in om verder te gaan.'),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Kies een proefinwoner' }).click();
  await page.getByRole('button', { name: 'Inloggen als proefinwoner 1' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'WOZ-waarde van uw woning' }),
  ).toBeVisible();
});
