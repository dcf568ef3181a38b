// A municipality whose residents log in with OpenID Connect: the real provider (oidc-provider)
// issues an RS256 access token that Loket accepts through the issuer's JWKS URL. It has no
// demo login at all.
import { expect, expectAccessible, sessionToken, test } from './fixtures';
import { OIDC } from './support/state';

test('log in with the municipality’s OpenID Connect provider', async ({ page, loket }) => {
  await page.goto(`/${OIDC.tenant}/inloggen/demo`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' }),
  ).toBeVisible();

  await page.goto(`/${OIDC.tenant}/mijn/gegevens`);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Kies een proefinwoner' })).toHaveCount(0);
  await expectAccessible(page, 'the login page');
  await page.getByRole('main').getByRole('button', { name: 'Inloggen' }).click();

  // The provider's own pages.
  await page.locator('input[name="login"]').fill(loket.oidcResident);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click();

  await expect(page.getByRole('heading', { level: 1, name: 'Mijn gegevens' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/${OIDC.tenant}/mijn/gegevens$`));
  await expect(page.getByText(loket.oidcResident, { exact: true })).toBeVisible();
  const token = await sessionToken(page, OIDC.tenant);
  const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as {
    alg: string;
  };
  expect(header.alg).toBe('RS256');
  await expectAccessible(page, 'my details after an OpenID Connect login');

  // A minute before the access token ends, the portal renews it with the refresh token.
  await expect
    .poll(() => sessionToken(page, OIDC.tenant), { timeout: 45_000, intervals: [1_000] })
    .not.toBe(token);
  const renewed = await sessionToken(page, OIDC.tenant);
  expect(
    JSON.parse(Buffer.from(renewed.split('.')[1] ?? '', 'base64url').toString()),
  ).toMatchObject({
    iss: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    aud: OIDC.audience,
    tenant: OIDC.tenant,
    bsn: loket.oidcResident,
  });
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Mijn zaken' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn zaken' })).toBeVisible();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('link', { name: 'Inloggen' })).toBeVisible();
});
