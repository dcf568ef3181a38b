// A resident finds a product by the word they know, as the API's synonyms, typo tolerance
// and snippets find it, and opens its page.
import { chooseLanguage, expect, expectAccessible, test } from './fixtures';

test('the word a resident knows finds the parking card for disabled people', async ({ page }) => {
  await page.goto('/enschede/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welkom bij Gemeente Enschede' }),
  ).toBeVisible();
  await expectAccessible(page, 'the start page');
  await page
    .getByRole('searchbox', { name: 'Waar bent u naar op zoek?' })
    .fill('invalidenparkeerkaart');
  const results = page.getByRole('list', { name: 'Zoekresultaten' });
  const parking = results.getByRole('link', { name: 'Parkeervoorzieningen gehandicapten' });
  await expect(parking).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'voor “invalidenparkeerkaart”' }),
  ).toBeVisible();
  await expect(results.locator('mark').first()).toBeVisible();
  await expectAccessible(page, 'the start page with search results');
  await parking.click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Parkeervoorzieningen gehandicapten' }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/enschede\/producten\/gehandicaptenparkeerkaart$/);
  await expect(page.getByRole('link', { name: 'Online aanvragen' })).toBeVisible();
  await expectAccessible(page, 'a product page');
  await chooseLanguage(page, 'English');
  await expect(page.getByRole('link', { name: 'Ask for it online' })).toBeVisible();
  await expectAccessible(page, 'a product page in English');
});

test('typos are forgiven and an empty search says so in plain words', async ({ page }) => {
  await page.goto('/enschede/');
  const box = page.getByRole('searchbox', { name: 'Waar bent u naar op zoek?' });
  await box.fill('paspoort aanvrgen');
  await expect(
    page
      .getByRole('list', { name: 'Zoekresultaten' })
      .getByRole('link', { name: 'Paspoort aanvragen' }),
  ).toBeVisible();
  await box.fill('xqzwvk');
  await expect(
    page.getByRole('status').filter({ hasText: 'Niets gevonden voor “xqzwvk”' }),
  ).toBeVisible();
  await chooseLanguage(page, 'English');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welcome to Gemeente Enschede' }),
  ).toBeVisible();
  await expectAccessible(page, 'the start page in English');
});
