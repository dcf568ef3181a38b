// The resident's home valuation: the value history as a chart with a table, and comparable
// homes as a list and a plot drawn on the page (nothing loaded from elsewhere).
import { chooseLanguage, demoLogin, expect, expectAccessible, test } from './fixtures';

test('my home valuation with its history and the comparable homes around it', async ({
  page,
  loket,
}) => {
  const elsewhere: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(loket.base)) elsewhere.push(r.url());
  });
  await demoLogin(page, 'enschede');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'WOZ-waarde' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'WOZ-waarde van uw woning' }),
  ).toBeVisible();
  const chart = page.getByRole('figure', {
    name: 'De WOZ-waarde van uw woning door de jaren heen',
  });
  await expect(chart.getByRole('img')).toHaveAccessibleName(
    /^WOZ-waarde van €\s[\d.]+ \(\d{4}\) tot €\s[\d.]+ \(\d{4}\)$/,
  );
  const rows = chart.getByRole('table', { name: 'WOZ-waarde per jaar' }).getByRole('row');
  expect(await rows.count()).toBeGreaterThan(2);
  const comparables = page.getByRole('region', { name: 'Vergelijkbare woningen' });
  const homes = comparables.getByRole('listitem');
  expect(await homes.count()).toBeGreaterThan(0);
  await expect(homes.first()).toContainText(
    /\d+ meter (noord|noordoost|oost|zuidoost|zuid|zuidwest|west|noordwest) · €\s/,
  );
  await expect(comparables.getByRole('img')).toHaveAccessibleName(/uw woning in het midden/);
  expect(await comparables.locator('.loket-comparables__point').count()).toBe(await homes.count());
  await expectAccessible(page, 'the valuation page');
  await chooseLanguage(page, 'English');
  await expect(
    page.getByRole('heading', { level: 1, name: 'WOZ value of your home' }),
  ).toBeVisible();
  await expectAccessible(page, 'the valuation page in English');
  expect(elsewhere).toEqual([]);
});
