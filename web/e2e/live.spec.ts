// The municipality changes a case; the resident's open page shows the new step and, later,
// the decision, without reloading.
import { demoLogin, expect, expectAccessible, graphql, keepScreenshot, test } from './fixtures';

test('a status change by the back office appears live on the open case page', async ({
  page,
  loket,
}, info) => {
  await demoLogin(page, 'enschede');
  await page.goto('/enschede/aanvragen?product=omgevingsvergunning');
  await page
    .getByRole('textbox', { name: 'Wat wilt u doen?' })
    .fill('Een dakkapel aan de voorkant');
  await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
  const reference =
    (await page.locator('.loket-confirmation__reference').first().textContent()) ?? '';
  expect(reference).toMatch(/^[A-Z]+-\d{4}-\d+$/);

  const subscribed = page
    .waitForEvent('websocket')
    .then((ws) =>
      ws.waitForEvent('framesent', (frame) => String(frame.payload).includes('"subscribe"')),
    );
  await page.getByRole('link', { name: `Volg ${reference}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Omgevingsvergunning bouwen' }),
  ).toBeVisible();
  const steps = page.getByRole('list', { name: 'Stappen van uw aanvraag' });
  await expect(steps.locator('[aria-current="step"]')).toContainText('Ontvangen');
  await expect(steps).toContainText('Verwacht uiterlijk');
  await expectAccessible(page, 'a case page');
  await subscribed;
  await page.evaluate(() => {
    (window as unknown as { stillHere: boolean }).stillHere = true;
  });

  const backoffice = loket.backoffice.enschede;
  const found = await graphql<{ case: { id: string; version: number } }>(
    page.request,
    loket.base,
    backoffice,
    'query ($r: String!) { case(reference: $r) { id version } }',
    { r: reference },
  );
  const moved = await graphql<{ setCaseStatus: { case: { version: number } } }>(
    page.request,
    loket.base,
    backoffice,
    'mutation ($i: SetCaseStatusInput!) { setCaseStatus(input: $i) { case { version } } }',
    {
      i: {
        caseId: found.case.id,
        status: 'in-review',
        expectedVersion: found.case.version,
        publicExplanation: 'Uw plan is compleet. Een vergunningverlener beoordeelt het nu.',
      },
    },
  );
  await expect(steps.locator('[aria-current="step"]')).toContainText('In behandeling');
  await expect(steps.locator('[aria-current="step"]')).toContainText('Uw plan is compleet.');
  await expect(
    page.getByRole('status').filter({ hasText: 'uw aanvraag staat nu op “In behandeling”' }),
  ).toBeVisible();

  await keepScreenshot(page, 'case', info.project.name);

  await graphql(
    page.request,
    loket.base,
    backoffice,
    'mutation ($i: DecideCaseInput!) { decideCase(input: $i) { case { id } } }',
    {
      i: {
        caseId: found.case.id,
        outcome: 'granted',
        explanation: 'Uw dakkapel past in het omgevingsplan.',
        expectedVersion: moved.setCaseStatus.case.version,
      },
    },
  );
  await expect(page.getByRole('region', { name: 'Besluit: Verleend' })).toContainText(
    'Uw dakkapel past',
  );
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
    true,
  );
  await expectAccessible(page, 'a decided case page');
});
