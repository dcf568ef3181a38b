// Every page of the portal, in Dutch and in English, has no WCAG 2.1 AA violations that
// axe-core finds (and none of the WCAG 2.2 rules it has); and the portal works by keyboard
// with a visible focus.
import type { Locator, Page } from '@playwright/test';

import {
  demoLogin,
  demoToken,
  expect,
  expectAccessible,
  graphql,
  sessionToken,
  test,
} from './fixtures';

const LANGUAGES = ['nl', 'en'] as const;

/** The page's main heading, in either language. */
async function visit(page: Page, path: string, heading: RegExp): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expect(page.getByRole('status').filter({ hasText: /Even geduld|One moment/ })).toHaveCount(
    0,
  );
}

for (const language of LANGUAGES) {
  test(`every page is accessible in ${language === 'nl' ? 'Dutch' : 'English'}`, async ({
    page,
    loket,
  }) => {
    await page.addInitScript((l) => localStorage.setItem('loket:locale', l), language);
    await visit(page, '/', /Kies uw gemeente|Choose your municipality/);
    await expectAccessible(page, `the list of municipalities (${language})`);
    await visit(page, '/enschede/', /Welkom bij|Welcome to/);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expectAccessible(page, `the start page (${language})`);
    await visit(page, '/enschede/producten/paspoort', /Paspoort/);
    await expectAccessible(page, `a product page (${language})`);
    await visit(page, '/enschede/melding', /^(Melding doen|Report a problem)$/);
    await expectAccessible(page, `the report form (${language})`);
    await visit(
      page,
      '/enschede/melding/tevredenheid?melder=onbekend&code=onbekend&antwoord=ja',
      /^(Hoe tevreden bent u\?|How satisfied are you\?)$/,
    );
    await expectAccessible(page, `the satisfaction question (${language})`);
    await visit(page, '/enschede/inloggen', /^(Inloggen|Log in)$/);
    await expectAccessible(page, `the login page (${language})`);
    await visit(
      page,
      '/enschede/bestaat-niet',
      /Deze pagina bestaat niet|This page does not exist/,
    );
    await expectAccessible(page, `the not-found page (${language})`);

    await demoLogin(page, 'enschede');
    await expectAccessible(page, `my cases (${language})`);

    // A contact moment, registered by the contact centre, for the contact history.
    const me = await graphql<{ me: { person: { bsn: string } } }>(
      page.request,
      loket.base,
      await sessionToken(page, 'enschede'),
      '{ me { person { bsn } } }',
    );
    await graphql(
      page.request,
      loket.base,
      loket.frontoffice,
      'mutation ($i: RegisterContactInput!) { registerContact(input: $i) { replayed } }',
      {
        i: {
          channel: 'PHONE',
          subject: me.me.person.bsn,
          topic: 'afvalpas',
          question: 'Waar haal ik een nieuwe afvalpas?',
          answer: 'Bij het Stadskantoor, zonder afspraak.',
          resolvedFirstContact: true,
          waitSeconds: 12,
        },
      },
    );

    const reference = await page.locator('.loket-case-summary__reference').first().textContent();
    await visit(page, `/enschede/mijn/zaken/${reference ?? ''}`, /.+/);
    await expect(
      page.getByRole('list', { name: /Stappen van uw aanvraag|Steps of your request/ }),
    ).toBeVisible();
    await expectAccessible(page, `a case page (${language})`);
    await visit(page, '/enschede/aanvragen', /^(Aanvragen|Ask for something)$/);
    await expectAccessible(page, `the request form (${language})`);
    await visit(page, '/enschede/mijn/meldingen', /^(Mijn meldingen|My reports)$/);
    await expectAccessible(page, `my reports (${language})`);
    await visit(page, '/enschede/mijn/woz', /WOZ/);
    await expectAccessible(page, `the valuation page (${language})`);
    await visit(
      page,
      '/enschede/mijn/berichten',
      /Berichten en herinneringen|Messages and reminders/,
    );
    await expectAccessible(page, `the notifications page (${language})`);
    await visit(
      page,
      '/enschede/mijn/contact',
      /Uw contact met de gemeente|Your contact with the municipality/,
    );
    await expect(page.getByRole('article').first()).toBeVisible();
    await expectAccessible(page, `the contact history (${language})`);
    await visit(page, '/enschede/mijn/gegevens', /Mijn gegevens|My details/);
    await expectAccessible(page, `my details (${language})`);
    await visit(
      page,
      '/enschede/inloggen/demo',
      /Inloggen als proefinwoner|Log in as a test resident/,
    );
  });
}

/** The focused element shows a focus indicator: an outline or a box shadow. */
async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const style = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow };
  });
  expect(style, `${what} has the focus`).not.toBeNull();
  const visible =
    style !== null &&
    ((style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none');
  expect(visible, `${what} shows its focus (${JSON.stringify(style)})`).toBe(true);
}

/** Presses Tab until `target` has the focus, checking every stop shows its focus. */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) {
      await expectVisibleFocus(page, what);
      return;
    }
    await expectVisibleFocus(page, `tab stop ${i + 1} on the way to ${what}`);
  }
  throw new Error(`${what} cannot be reached with Tab`);
}

test('search, read and log in by keyboard alone, always seeing where the focus is', async ({
  page,
}) => {
  await page.goto('/enschede/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Direct naar de inhoud' })).toBeFocused();
  await expectVisibleFocus(page, 'the skip link');
  await page.keyboard.press('Enter');
  const search = page.getByRole('searchbox', { name: 'Waar bent u naar op zoek?' });
  await tabTo(page, search, 'the search box');
  await page.keyboard.type('invalidenparkeerkaart');
  const result = page
    .getByRole('list', { name: 'Zoekresultaten' })
    .getByRole('link', { name: 'Parkeervoorzieningen gehandicapten' });
  await expect(result).toBeVisible();
  await tabTo(page, result, 'the first search result');
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: 'Parkeervoorzieningen gehandicapten' });
  await expect(title).toBeFocused();
  const login = page.getByRole('link', { name: 'Inloggen' });
  await page.keyboard.press('Shift+Tab');
  await tabTo(page, page.getByRole('link', { name: 'Online aanvragen' }), 'the request link');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeFocused();
  await tabTo(
    page,
    page.getByRole('link', { name: 'Kies een proefinwoner' }),
    'the demo login link',
  );
  await page.keyboard.press('Enter');
  await tabTo(
    page,
    page.getByRole('button', { name: 'Inloggen als proefinwoner 1' }),
    'the first persona',
  );
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Aanvragen' })).toBeFocused();
  await expect(
    page.getByRole('checkbox', { name: 'Parkeervoorzieningen gehandicapten' }),
  ).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Aanvraag versturen' }), 'the send button');
  await expect(login).toHaveCount(0);
});

for (const language of LANGUAGES) {
  test(`every console page is accessible in ${language === 'nl' ? 'Dutch' : 'English'}`, async ({
    page,
    loket,
  }) => {
    await page.addInitScript((l) => localStorage.setItem('loket:locale', l), language);
    const resident = await demoToken(page.request, loket.base, 'enschede', { persona: 1 });
    await visit(page, '/enschede/medewerker', /Inloggen voor medewerkers|Staff login/);
    await expectAccessible(page, `the console login (${language})`);
    const logIn = async (role: string) => {
      await page.goto('/enschede/medewerker/inloggen');
      await page
        .getByRole('button', { name: new RegExp(`^(Inloggen als|Log in as) ${role}$`) })
        .click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Overzicht|Overview/);
    };

    await logIn('frontoffice');
    await expectAccessible(page, `the console start page (${language})`);
    await visit(page, '/enschede/medewerker/inwoners', /Inwoner zoeken|Find a resident/);
    await expectAccessible(page, `the resident search (${language})`);
    await page
      .getByRole('textbox', { name: /Burgerservicenummer|Citizen service number/ })
      .fill(resident.bsn ?? '');
    await page.getByRole('button', { name: /^(Openen|Open)$/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^(Zaken|Cases)$/ })).toBeVisible();
    await expectAccessible(page, `a resident's 360° view (${language})`);
    await page.getByRole('button', { name: /^(Uitloggen|Log out)$/ }).click();

    await logIn('backoffice');
    await visit(page, '/enschede/medewerker/werkvoorraad', /Werkvoorraad|Work queue/);
    await expectAccessible(page, `the work queue (${language})`);
    const first = page.locator('.loket-queue tbody a').first();
    await first.click();
    await expect(page.getByRole('heading', { level: 2, name: /Journaal|Journal/ })).toBeVisible();
    await expectAccessible(page, `a case in the console (${language})`);
    await visit(page, '/enschede/medewerker/terugbellen', /Terugbellen|Callbacks/);
    await expectAccessible(page, `the callback queue (${language})`);
    await page.getByRole('button', { name: /^(Uitloggen|Log out)$/ }).click();

    await logIn('manager');
    await visit(
      page,
      '/enschede/medewerker/rapportage',
      /Rapportage dienstverlening|Service report/,
    );
    await expect(page.getByRole('figure').first()).toBeVisible();
    await expectAccessible(page, `the dashboard (${language})`);
    await visit(
      page,
      '/enschede/medewerker/bestaat-niet',
      /Deze pagina bestaat niet|This page does not exist/,
    );
    await expectAccessible(page, `the console's not-found page (${language})`);
  });
}
