// The same journey in Haarlem, with Haarlem's look: the same code, another municipality's
// tokens, logo, catalogue and case types, all from its tenant folder.
import { demoLogin, expect, expectAccessible, keepScreenshot, test } from './fixtures';

test("the resident's journey in Haarlem, in Haarlem's look", async ({ page }, info) => {
  await page.goto('/enschede/');
  const header = page.locator('.loket-header');
  await expect(header).toHaveCSS('background-color', 'rgb(165, 13, 30)');
  const enschedeFont = await page
    .getByRole('heading', { level: 1 })
    .evaluate((h) => getComputedStyle(h).fontFamily);

  await page.goto('/haarlem/');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Welkom bij Gemeente Haarlem' }),
  ).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/\bhaarlem-theme\b/);
  await expect(header).toHaveCSS('background-color', 'rgb(0, 58, 45)');
  const haarlemFont = await page
    .getByRole('heading', { level: 1 })
    .evaluate((h) => getComputedStyle(h).fontFamily);
  expect(haarlemFont).toContain('Georgia');
  expect(haarlemFont).not.toBe(enschedeFont);
  await expect(
    page.getByRole('link', { name: 'Gemeente Haarlem, naar de startpagina' }).getByRole('img'),
  ).toHaveAttribute('src', /^\/_theme\/haarlem\/logo\.svg\?v=/);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute(
    'href',
    /^\/_theme\/haarlem\/favicon\.svg/,
  );
  await expectAccessible(page, "Haarlem's start page");
  await keepScreenshot(page, 'haarlem', info.project.name);

  // Haarlem's own catalogue: its name for the low-income pass.
  await page.getByRole('searchbox', { name: 'Waar bent u naar op zoek?' }).fill('stadspas');
  await expect(
    page
      .getByRole('list', { name: 'Zoekresultaten' })
      .getByRole('link', { name: 'Haarlem Pas: meedoen met een laag inkomen' }),
  ).toBeVisible();

  await demoLogin(page, 'haarlem');
  await page.goto('/haarlem/aanvragen');
  await page.getByRole('checkbox', { name: 'Omgevingsvergunning', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Uitritvergunning', exact: true }).check();
  await page.getByRole('textbox', { name: 'Wat wilt u doen?' }).fill('Een serre en een uitrit');
  await expectAccessible(page, "Haarlem's request form");
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'We hebben uw aanvraag ontvangen' }),
  ).toBeVisible();
  const references = await page.locator('.loket-confirmation__reference').allTextContents();
  expect(references).toHaveLength(2);
  await page.getByRole('link', { name: 'Naar al uw zaken' }).click();
  for (const reference of references) {
    await expect(page.getByText(reference, { exact: true })).toHaveCount(1);
  }
  await page.getByRole('link', { name: 'Uitritvergunning' }).first().click();
  await expect(page.getByRole('list', { name: 'Stappen van uw aanvraag' })).toBeVisible();
  await expect(header).toHaveCSS('background-color', 'rgb(0, 58, 45)');
  await expectAccessible(page, "a case page in Haarlem's look");
});
