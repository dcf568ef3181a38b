// Subscribing to and unsubscribing from notifications: permits near my home, my cases, and
// travel-document reminders; what Loket refuses is said next to the field or in plain words.
import { chooseLanguage, demoLogin, expect, expectAccessible, test } from './fixtures';

test('subscribe to permits near me, be told of a double, and unsubscribe', async ({
  page,
}, info) => {
  const address = `buurt.${info.project.name}.${Date.now()}@example.nl`;
  await demoLogin(page, 'enschede');
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Berichten' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Berichten en herinneringen' }),
  ).toBeVisible();
  await expectAccessible(page, 'the notifications page');

  const nearMe = page.getByRole('region', { name: 'Vergunningen in mijn buurt' });
  await nearMe.getByRole('spinbutton', { name: /Hoe ver van uw huis/ }).fill('500');
  await nearMe.getByRole('checkbox', { name: 'Omgevingsvergunning', exact: true }).check();
  await nearMe.getByRole('radio', { name: 'Per e-mail' }).check();
  await nearMe.getByRole('textbox', { name: 'Uw e-mailadres' }).fill(address);
  await nearMe.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(nearMe.getByRole('status')).toHaveText('Gelukt. U bent aangemeld.');
  const active = page.getByRole('region', { name: 'Waar bent u voor aangemeld?' });
  const mine = active.getByRole('article').filter({ hasText: address });
  await expect(mine).toContainText('Vergunningen in mijn buurt');
  await expect(mine).toContainText('binnen 500 meter');

  // The same subscription again: CONFLICT, in plain words.
  await nearMe.getByRole('textbox', { name: 'Uw e-mailadres' }).fill(address);
  await nearMe.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(nearMe.getByRole('alert')).toContainText(
    'U bent hier al voor aangemeld met dit adres.',
  );
  await expectAccessible(page, 'the notifications page with a conflict');

  // A radius beyond the municipality's maximum: BAD_USER_INPUT next to the radius.
  const radius = nearMe.getByRole('spinbutton', { name: /Hoe ver van uw huis/ });
  await radius.fill('99999');
  await nearMe.getByRole('textbox', { name: 'Uw e-mailadres' }).fill(`ver.${address}`);
  await nearMe.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(radius).toHaveAccessibleDescription(
    /Dit klopt niet: choose between 50 and \d+ metres/,
  );

  await mine.getByRole('button', { name: /^Afmelden/ }).click();
  await expect(active.getByRole('article').filter({ hasText: address })).toHaveCount(0);
});

test('news about my cases by text message and a travel-document reminder', async ({
  page,
}, info) => {
  const stamp = Date.now() % 1_000_000;
  await demoLogin(page, 'enschede');
  await page.goto('/enschede/mijn/berichten');
  const cases = page.getByRole('region', { name: 'Nieuws over mijn zaken' });
  await cases.getByRole('radio', { name: 'Per sms' }).check();
  const phone = cases.getByRole('textbox', { name: 'Uw mobiele nummer' });
  await phone.fill('geen nummer');
  await cases.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(phone).toHaveAccessibleDescription(/Dit klopt niet: not a mobile phone number/);
  await expectAccessible(page, 'a subscription form with a field error');
  await phone.fill(`06${String(10_000_000 + stamp + info.project.name.length * 1000).slice(0, 8)}`);
  await cases.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(cases.getByRole('status')).toHaveText('Gelukt. U bent aangemeld.');

  const reminders = page.getByRole('region', { name: 'Herinnering voor uw reisdocument' });
  await reminders
    .getByRole('textbox', { name: 'Uw e-mailadres' })
    .fill(`reis.${info.project.name}.${stamp}@example.nl`);
  await reminders.getByRole('button', { name: 'Aanmelden' }).click();
  await expect(reminders.getByRole('status')).toHaveText('Gelukt. U bent aangemeld.');
  await expect(page.getByRole('region', { name: 'Waar bent u voor aangemeld?' })).toContainText(
    'Herinnering reisdocument',
  );
  await chooseLanguage(page, 'English');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Messages and reminders' }),
  ).toBeVisible();
  await expectAccessible(page, 'the notifications page in English');
});
